import type { IndicatorId, IndicatorStatus, OcopLevel } from '../domain';
import type { Council, ProductGroup, SubjectKind } from '../events';
import type { RegisterColumnKey } from './register/columns';

/**
 * Every word of the KPI email, in Vietnamese (the default) and English: the
 * renderers hold no wording of their own. Functions take numbers and names
 * already formatted for the language.
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

export interface ReportLabels {
  /** BCP 47 locale of numbers and dates. */
  locale: string;
  senderName(provinceName: string): string;
  subject(provinceName: string, week: number, weekYear: number, reportDate: string): string;
  title(provinceName: string): string;
  periodLine(week: number, weekYear: number, reportDate: string): string;
  asOfLine(asOfDate: string): string;
  planLine(planTitle: string): string;
  /** No plan in force on the day: since when (the day after the last plan ended), and the next plan if one is loaded. */
  noPlanLine(since: string | undefined, next: { title: string; start: string } | undefined): string;
  /** The day is the last of the plan's period: its statuses are final. */
  finalLine(lastDay: string): string;
  /** A province formed by a merger: since when, from which former provinces (already joined with listOf). */
  provinceLine(province: string, since: string, formerProvinces: string): string;
  /** The note `merged-province-year` of a snapshot. */
  mergedYearNote(year: number, since: string, province: string, formerProvinces: string): string;
  /** The heading of an ended plan's final results. */
  endedPlanHeading(planTitle: string, lastDay: string): string;
  /** Names joined as a sentence writes them ("A, B và C"). */
  listOf(names: readonly string[]): string;
  comparedWith(week: number, weekYear: number, asOfDate: string): string;
  firstReport: string;
  districtHeading(districtName: string): string;
  districtMissing: string;
  provinceHeading(provinceName: string): string;
  columns: { indicator: string; value: string; target: string; status: string; change: string };
  indicators: Record<IndicatorId, string>;
  status: Record<IndicatorStatus, string>;
  noTarget: string;
  noStatus: string;
  targetAtLeast(target: string): string;
  targetMoreThan(target: string): string;
  stretch(stretch: string): string;
  expectedByNow(expected: string): string;
  progress(percent: string): string;
  noChange: string;
  noPrevious: string;
  percentagePoints(delta: string): string;
  district: {
    active: string;
    recognizedThisYear: string;
    traceable: string;
    listed: string;
    expiring: string;
    countAndShare(count: string, share: string): string;
  };
  byLevel: string;
  levels: Record<OcopLevel, string>;
  expiringHeading(withinDays: number): string;
  districtExpiringHeading(districtName: string): string;
  expiringColumns: { product: string; district: string; level: string; validUntil: string; daysLeft: string };
  daysLeft(days: number): string;
  noExpiring: string;
  statusLegend: string;
  footer: string;
}

export const LABELS: Record<Language, ReportLabels> = {
  vi: {
    locale: 'vi-VN',
    senderName: (province) => `OCOP ${province}`,
    subject: (province, week, year, date) => `[OCOP ${province}] Báo cáo chỉ số tuần ${week}/${year}, ngày ${date}`,
    title: (province) => `Báo cáo chỉ số Chương trình OCOP tỉnh ${province}`,
    periodLine: (week, year, date) => `Tuần ${week}/${year}, ngày báo cáo ${date}.`,
    asOfLine: (date) => `Số liệu tính đến hết ngày ${date}.`,
    planLine: (plan) => `Chỉ tiêu theo ${plan}.`,
    noPlanLine: (since, next) =>
      `${since === undefined ? 'Không có kế hoạch nào có hiệu lực vào ngày này' : `Không có kế hoạch nào đang có hiệu lực từ ${since}`}: các chỉ số không có chỉ tiêu.${next ? ` Kế hoạch tiếp theo: ${next.title}, bắt đầu từ ${next.start}.` : ''}`,
    finalLine: (day) => `Ngày ${day} là ngày cuối của kỳ kế hoạch: tình trạng các chỉ số là kết quả cuối kỳ.`,
    provinceLine: (province, since, formers) => `Tỉnh ${province} (từ ${since}) được thành lập trên cơ sở hợp nhất các tỉnh ${formers}.`,
    mergedYearNote: (year, since, province, formers) =>
      `Các chỉ số theo năm của năm ${year} tính cả năm của tỉnh ${province} mới, kể cả sản phẩm của các tỉnh cũ ${formers} trước ngày ${since}.`,
    endedPlanHeading: (plan, day) => `Kết quả cuối kỳ của ${plan} (số liệu ngày ${day})`,
    listOf: (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`),
    comparedWith: (week, year, date) => `Cột “Thay đổi” so với báo cáo tuần ${week}/${year} (số liệu ngày ${date}).`,
    firstReport: 'Đây là báo cáo đầu tiên: chưa có báo cáo trước để so sánh.',
    districtHeading: (district) => `Số liệu của ${district}`,
    districtMissing: 'Chưa có số liệu của đơn vị này.',
    provinceHeading: (province) => `Toàn tỉnh ${province}`,
    columns: { indicator: 'Chỉ số', value: 'Giá trị', target: 'Chỉ tiêu', status: 'Tình trạng', change: 'Thay đổi' },
    indicators: {
      'ocop.active': 'Sản phẩm OCOP còn hiệu lực',
      'ocop.recognized.year': 'Sản phẩm được công nhận lần đầu trong năm',
      'ocop.rerecognized.year': 'Sản phẩm được công nhận lại, nâng hạng trong năm',
      'ocop.share4.year': 'Tỷ lệ sản phẩm 4 sao trong số công nhận mới của năm',
      'ocop.share5.year': 'Tỷ lệ sản phẩm 5 sao trong số công nhận mới của năm',
      'traceability.coverage': 'Tỷ lệ sản phẩm OCOP có truy xuất nguồn gốc',
      'ecommerce.coverage': 'Tỷ lệ sản phẩm OCOP trên sàn thương mại điện tử',
      'ip.collective_mark': 'Nhãn hiệu tập thể được cấp văn bằng',
      'ip.ordinary_mark': 'Nhãn hiệu thông thường được cấp văn bằng',
      'ip.certification_mark': 'Nhãn hiệu chứng nhận được cấp văn bằng',
      'ip.geographical_indication': 'Chỉ dẫn địa lý được bảo hộ',
      'ip.industrial_design': 'Kiểu dáng công nghiệp được cấp văn bằng',
      'ip.patent': 'Sáng chế được cấp văn bằng',
      'ip.international_mark': 'Nhãn hiệu được đăng ký quốc tế',
      'science.tasks': 'Nhiệm vụ khoa học và công nghệ được phê duyệt',
      'dossiers.year': 'Sản phẩm đăng ký tham gia trong năm',
      'certificates.expiring': 'Giấy chứng nhận sắp hết hạn',
    },
    status: { met: 'Đạt', on_track: 'Đúng tiến độ', behind: 'Chậm tiến độ', not_met: 'Không đạt' },
    noTarget: 'Không có chỉ tiêu',
    noStatus: 'Theo dõi',
    targetAtLeast: (target) => `≥ ${target}`,
    targetMoreThan: (target) => `> ${target}`,
    stretch: (stretch) => `phấn đấu ${stretch}`,
    expectedByNow: (expected) => `cần đạt đến nay: ${expected}`,
    progress: (percent) => `${percent} chỉ tiêu`,
    noChange: 'không đổi',
    noPrevious: '—',
    percentagePoints: (delta) => `${delta} điểm %`,
    district: {
      active: 'Sản phẩm OCOP còn hiệu lực',
      recognizedThisYear: 'Công nhận lần đầu trong năm',
      traceable: 'Có truy xuất nguồn gốc',
      listed: 'Trên sàn thương mại điện tử',
      expiring: 'Giấy chứng nhận sắp hết hạn',
      countAndShare: (count, share) => `${count} (${share})`,
    },
    byLevel: 'Theo hạng sao',
    levels: { '3': '3 sao', '4': '4 sao', '4-potential-5': '4 sao tiềm năng 5 sao', '5': '5 sao' },
    expiringHeading: (days) => `Giấy chứng nhận hết hạn trong ${days} ngày tới (toàn tỉnh)`,
    districtExpiringHeading: (district) => `Giấy chứng nhận sắp hết hạn của ${district}`,
    expiringColumns: { product: 'Sản phẩm', district: 'Địa phương', level: 'Hạng', validUntil: 'Hiệu lực đến', daysLeft: 'Còn lại' },
    daysLeft: (days) => (days <= 0 ? 'hết hạn hôm nay' : `${days} ngày`),
    noExpiring: 'Không có giấy chứng nhận nào sắp hết hạn.',
    statusLegend: 'Tình trạng: “Đạt” là đã đạt chỉ tiêu; “Đúng tiến độ” là bằng hoặc vượt mức cần đạt tính đến nay; “Chậm tiến độ” là thấp hơn mức đó; “Không đạt” là kỳ kế hoạch đã kết thúc mà chưa đạt chỉ tiêu.',
    footer: 'Thư được gửi tự động từ hệ thống theo dõi Chương trình OCOP. Vui lòng không trả lời thư này.',
  },
  en: {
    locale: 'en-GB',
    senderName: (province) => `OCOP ${province}`,
    subject: (province, week, year, date) => `[OCOP ${province}] KPI report, week ${week}/${year}, ${date}`,
    title: (province) => `OCOP programme indicators, ${province} province`,
    periodLine: (week, year, date) => `Week ${week}/${year}, report date ${date}.`,
    asOfLine: (date) => `Figures as of the end of ${date}.`,
    planLine: (plan) => `Targets from ${plan}.`,
    noPlanLine: (since, next) =>
      `${since === undefined ? 'No plan is in force on this day' : `No plan has been in force since ${since}`}: the indicators have no targets.${next ? ` Next plan: ${next.title}, from ${next.start}.` : ''}`,
    finalLine: (day) => `${day} is the last day of the plan period: each status is the final result.`,
    provinceLine: (province, since, formers) => `${province} province (since ${since}) was formed by merging the provinces of ${formers}.`,
    mergedYearNote: (year, since, province, formers) =>
      `The yearly indicators of ${year} count the whole year of the new ${province} province, including the products of the former provinces of ${formers} before ${since}.`,
    endedPlanHeading: (plan, day) => `Final results of ${plan} (figures of ${day})`,
    listOf: (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`),
    comparedWith: (week, year, date) => `“Change” compares with the report of week ${week}/${year} (figures of ${date}).`,
    firstReport: 'This is the first report: there is no earlier report to compare with.',
    districtHeading: (district) => `${district}`,
    districtMissing: 'No figures for this unit yet.',
    provinceHeading: (province) => `${province} province`,
    columns: { indicator: 'Indicator', value: 'Value', target: 'Target', status: 'Status', change: 'Change' },
    indicators: {
      'ocop.active': 'Active OCOP products',
      'ocop.recognized.year': 'Products first recognised this year',
      'ocop.rerecognized.year': 'Products re-recognised or upgraded this year',
      'ocop.share4.year': "Share of this year's first recognitions at 4 stars",
      'ocop.share5.year': "Share of this year's first recognitions at 5 stars",
      'traceability.coverage': 'Active OCOP products with traceability',
      'ecommerce.coverage': 'Active OCOP products on e-commerce marketplaces',
      'ip.collective_mark': 'Collective marks granted',
      'ip.ordinary_mark': 'Ordinary marks granted',
      'ip.certification_mark': 'Certification marks granted',
      'ip.geographical_indication': 'Geographical indications protected',
      'ip.industrial_design': 'Industrial designs granted',
      'ip.patent': 'Patents granted',
      'ip.international_mark': 'Marks registered internationally',
      'science.tasks': 'Science and technology tasks approved',
      'dossiers.year': 'Products registered this year',
      'certificates.expiring': 'Certificates about to expire',
    },
    status: { met: 'Met', on_track: 'On track', behind: 'Behind', not_met: 'Not met' },
    noTarget: 'No target',
    noStatus: 'Monitored',
    targetAtLeast: (target) => `≥ ${target}`,
    targetMoreThan: (target) => `> ${target}`,
    stretch: (stretch) => `stretch ${stretch}`,
    expectedByNow: (expected) => `expected by now: ${expected}`,
    progress: (percent) => `${percent} of target`,
    noChange: 'no change',
    noPrevious: '—',
    percentagePoints: (delta) => `${delta} pts`,
    district: {
      active: 'Active OCOP products',
      recognizedThisYear: 'First recognised this year',
      traceable: 'With traceability',
      listed: 'On e-commerce marketplaces',
      expiring: 'Certificates about to expire',
      countAndShare: (count, share) => `${count} (${share})`,
    },
    byLevel: 'By star level',
    levels: { '3': '3 stars', '4': '4 stars', '4-potential-5': '4 stars, 5-star potential', '5': '5 stars' },
    expiringHeading: (days) => `Certificates expiring within ${days} days (whole province)`,
    districtExpiringHeading: (district) => `Certificates about to expire in ${district}`,
    expiringColumns: { product: 'Product', district: 'Area', level: 'Level', validUntil: 'Valid until', daysLeft: 'Left' },
    daysLeft: (days) => (days <= 0 ? 'expires today' : days === 1 ? '1 day' : `${days} days`),
    noExpiring: 'No certificate is about to expire.',
    statusLegend: 'Status: “Met” means the target is reached; “On track” means at or above what is expected by now; “Behind” means below it; “Not met” means the plan period is over and the target was not reached.',
    footer: 'This email was sent automatically by the OCOP programme monitoring system. Please do not reply.',
  },
};

export function labelsFor(language: Language): ReportLabels {
  return LABELS[language];
}

/**
 * The wording of the dashboard and the spreadsheets (and of the email's
 * charts), beside the email's: the same indicator, status and level names
 * come from LABELS above.
 */
export interface UiLabels {
  groups: Record<ProductGroup, string>;
  subjectKinds: Record<SubjectKind, string>;
  forecastLine(value: string, periodEnd: string): string;
  /** The email's short note under a target: the forecast, and whether it falls short. */
  forecastNote(value: string, atRisk: boolean): string;
  atRisk: string;
  onCourse: string;
  charts: {
    bulletTitle: string;
    bulletAxis: string;
    /** Legend names of the bullet chart's marks. */
    value: string;
    target: string;
    expectedByNow: string;
    forecast: string;
    trendTitle: string;
    districtTitle(districtName: string): string;
    districtSeries: { active: string; traceable: string; listed: string; expiring: string };
  };
  dashboard: {
    title(provinceName: string): string;
    skipToContent: string;
    asOfLabel: string;
    show: string;
    languageSwitch: string;
    loading: string;
    noToken: string;
    signIn: string;
    signOut: string;
    failed(message: string): string;
    planLine(planTitle: string, start: string, end: string): string;
    sections: { indicators: string; forecast: string; trend: string; districts: string; expiring: string; rejections: string; downloads: string };
    indicatorTableCaption: string;
    forecastColumns: { indicator: string; value: string; target: string; forecast: string; periodEnd: string; outlook: string };
    noForecast: string;
    districtColumns: { unit: string; active: string; recognizedThisYear: string; traceable: string; listed: string; expiring: string; products: string };
    showProducts(unitName: string): string;
    hideProducts: string;
    productColumns: { product: string; owner: string; group: string; level: string; validUntil: string; active: string };
    activeYes: string;
    activeNo: string;
    noProducts: string;
    moreProducts(shown: number): string;
    rejectionColumns: { rejectedAt: string; unit: string; event: string; reasons: string };
    noRejections: string;
    downloads: { kpisXlsx: string; kpisCsv: string; productsXlsx: string; productsCsv: string };
    trendTableCaption: string;
    trendColumns: { day: string; total: string };
  };
  sheets: {
    kpiFileName(asOfDay: string): string;
    registerFileName(asOfDay: string): string;
    indicators: string;
    /** The first sheet: what the figures are of (the province, the plan, the notes). */
    about: string;
    /** The last sheet: the final results of the latest ended plan. */
    endedPlan: string;
    byLevel: string;
    byDistrict: string;
    byUnit: string;
    /** A row of byUnit for the products of a former unit no unit in force can be given without guessing. */
    unassigned(formerUnit: string): string;
    mayBelongTo(candidates: string): string;
    notInUnitsData: string;
    byGroup: string;
    expiring: string;
    register: string;
    columns: {
      item: string;
      text: string;
      province: string;
      asOfDay: string;
      plan: string;
      final: string;
      indicatorId: string;
      indicator: string;
      value: string;
      target: string;
      stretchTarget: string;
      expectedByNow: string;
      status: string;
      forecast: string;
      periodEnd: string;
      atRisk: string;
      level: string;
      products: string;
      unitCode: string;
      unit: string;
      note: string;
      active: string;
      recognizedThisYear: string;
      traceable: string;
      listed: string;
      expiring: string;
      group: string;
      productId: string;
      product: string;
      validUntil: string;
      daysLeft: string;
      owner: string;
      ownerKind: string;
      stars: string;
      decisionNo: string;
      decisionDate: string;
      marketplaces: string;
      traceability: string;
    };
    yes: string;
    no: string;
  };
}

export const UI_LABELS: Record<Language, UiLabels> = {
  vi: {
    // Decision 148/QĐ-TTg (24/2/2023), the six OCOP product groups; Law on Cooperatives 2023 and the Enterprise Law, the kinds of owner.
    groups: {
      food: 'Thực phẩm',
      beverage: 'Đồ uống',
      herbal: 'Thảo dược',
      handicraft: 'Thủ công mỹ nghệ',
      ornamental: 'Sinh vật cảnh',
      tourism: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
    },
    subjectKinds: { enterprise: 'Doanh nghiệp', cooperative: 'Hợp tác xã', cooperative_group: 'Tổ hợp tác', household: 'Hộ sản xuất, kinh doanh' },
    forecastLine: (value, end) => `dự báo ${value} vào ${end}`,
    forecastNote: (value, atRisk) => `dự báo cuối kỳ: ${value}${atRisk ? ' (nguy cơ)' : ''}`,
    atRisk: 'Có nguy cơ không đạt',
    onCourse: 'Dự kiến đạt',
    charts: {
      bulletTitle: 'Chỉ số so với chỉ tiêu (% chỉ tiêu)',
      bulletAxis: '% chỉ tiêu',
      value: 'Giá trị',
      target: 'Chỉ tiêu',
      expectedByNow: 'Cần đạt đến nay',
      forecast: 'Dự báo cuối kỳ',
      trendTitle: 'Sản phẩm OCOP còn hiệu lực theo hạng sao',
      districtTitle: (district) => `Sản phẩm OCOP của ${district}`,
      districtSeries: { active: 'Còn hiệu lực', traceable: 'Có truy xuất', listed: 'Trên sàn TMĐT', expiring: 'Sắp hết hạn' },
    },
    dashboard: {
      title: (province) => `Chương trình OCOP tỉnh ${province}`,
      skipToContent: 'Bỏ qua, đến nội dung chính',
      asOfLabel: 'Số liệu tính đến hết ngày',
      show: 'Xem',
      languageSwitch: 'English',
      loading: 'Đang tải số liệu…',
      noToken: 'Chưa có mã truy cập. Mở trang bằng đường dẫn “Dashboard” mà npm start in ra (có #token=… ở cuối).',
      signIn: 'Đăng nhập',
      signOut: 'Đăng xuất',
      failed: (message) => `Không tải được số liệu: ${message}`,
      planLine: (plan, start, end) => `Chỉ tiêu theo ${plan} (${start} – ${end}).`,
      sections: {
        indicators: 'Chỉ số so với chỉ tiêu',
        forecast: 'Dự báo đến cuối kỳ',
        trend: 'Xu hướng sản phẩm OCOP theo hạng sao',
        districts: 'Theo đơn vị hành chính',
        expiring: 'Giấy chứng nhận hết hạn trong 90 ngày tới',
        rejections: 'Sự kiện bị từ chối cần địa phương sửa',
        downloads: 'Tải về',
      },
      indicatorTableCaption: 'Bảng chỉ số: giá trị, chỉ tiêu, tình trạng và dự báo',
      forecastColumns: { indicator: 'Chỉ số', value: 'Giá trị', target: 'Chỉ tiêu', forecast: 'Dự báo cuối kỳ', periodEnd: 'Cuối kỳ', outlook: 'Đánh giá' },
      noForecast: 'Không có chỉ số đếm nào có chỉ tiêu trong kỳ này.',
      districtColumns: {
        unit: 'Đơn vị',
        active: 'Còn hiệu lực',
        recognizedThisYear: 'Công nhận lần đầu trong năm',
        traceable: 'Có truy xuất',
        listed: 'Trên sàn TMĐT',
        expiring: 'Sắp hết hạn',
        products: 'Sản phẩm',
      },
      showProducts: (unit) => `Xem sản phẩm của ${unit}`,
      hideProducts: 'Ẩn danh sách',
      productColumns: { product: 'Sản phẩm', owner: 'Chủ thể', group: 'Nhóm', level: 'Hạng', validUntil: 'Hiệu lực đến', active: 'Còn hiệu lực' },
      activeYes: 'Có',
      activeNo: 'Không',
      noProducts: 'Đơn vị này chưa có sản phẩm.',
      moreProducts: (shown) => `Đang hiện ${shown} sản phẩm đầu tiên; tải sổ sản phẩm để xem đủ.`,
      rejectionColumns: { rejectedAt: 'Thời điểm', unit: 'Nguồn', event: 'Sự kiện', reasons: 'Lý do' },
      noRejections: 'Không có sự kiện nào bị từ chối.',
      downloads: {
        kpisXlsx: 'Chỉ số (Excel .xlsx)',
        kpisCsv: 'Chỉ số (CSV)',
        productsXlsx: 'Sổ sản phẩm (Excel .xlsx)',
        productsCsv: 'Sổ sản phẩm (CSV)',
      },
      trendTableCaption: 'Số sản phẩm còn hiệu lực theo hạng sao, cuối mỗi tháng',
      trendColumns: { day: 'Ngày', total: 'Tổng' },
    },
    sheets: {
      kpiFileName: (day) => `ocop-chi-so-${day}`,
      registerFileName: (day) => `ocop-so-san-pham-${day}`,
      about: 'Thông tin',
      endedPlan: 'Kết quả kế hoạch đã kết thúc',
      indicators: 'Chỉ số',
      byLevel: 'Theo hạng sao',
      byDistrict: 'Theo đơn vị đăng ký',
      byUnit: 'Theo đơn vị',
      unassigned: (formerUnit) => `Chưa xác định đơn vị mới (trước: ${formerUnit})`,
      mayBelongTo: (candidates) => `Có thể thuộc: ${candidates}`,
      notInUnitsData: 'Không có trong danh mục đơn vị hành chính',
      byGroup: 'Theo nhóm ngành',
      expiring: 'Sắp hết hạn',
      register: 'Sổ sản phẩm',
      columns: {
        item: 'Mục',
        text: 'Nội dung',
        province: 'Tỉnh',
        asOfDay: 'Số liệu đến hết ngày',
        plan: 'Kế hoạch',
        final: 'Kết quả cuối kỳ',
        indicatorId: 'Mã chỉ số',
        indicator: 'Chỉ số',
        value: 'Giá trị',
        target: 'Chỉ tiêu',
        stretchTarget: 'Mức phấn đấu',
        expectedByNow: 'Cần đạt đến nay',
        status: 'Tình trạng',
        forecast: 'Dự báo cuối kỳ',
        periodEnd: 'Cuối kỳ',
        atRisk: 'Nguy cơ không đạt',
        level: 'Hạng',
        products: 'Số sản phẩm',
        unitCode: 'Mã đơn vị',
        unit: 'Đơn vị',
        note: 'Ghi chú',
        active: 'Còn hiệu lực',
        recognizedThisYear: 'Công nhận lần đầu trong năm',
        traceable: 'Có truy xuất nguồn gốc',
        listed: 'Trên sàn thương mại điện tử',
        expiring: 'Sắp hết hạn',
        group: 'Nhóm ngành',
        productId: 'Mã sản phẩm',
        product: 'Tên sản phẩm',
        validUntil: 'Hiệu lực đến',
        daysLeft: 'Còn lại (ngày)',
        owner: 'Chủ thể',
        ownerKind: 'Loại chủ thể',
        stars: 'Số sao',
        decisionNo: 'Số quyết định',
        decisionDate: 'Ngày quyết định',
        marketplaces: 'Sàn thương mại điện tử',
        traceability: 'Truy xuất nguồn gốc',
      },
      yes: 'Có',
      no: 'Không',
    },
  },
  en: {
    groups: {
      food: 'Food',
      beverage: 'Beverages',
      herbal: 'Herbal products',
      handicraft: 'Handicrafts',
      ornamental: 'Ornamental plants and animals',
      tourism: 'Community and eco-tourism services and sites',
    },
    subjectKinds: { enterprise: 'Enterprise', cooperative: 'Cooperative', cooperative_group: 'Cooperative group', household: 'Household business' },
    forecastLine: (value, end) => `forecast ${value} by ${end}`,
    forecastNote: (value, atRisk) => `forecast: ${value}${atRisk ? ' (at risk)' : ''}`,
    atRisk: 'At risk',
    onCourse: 'On course',
    charts: {
      bulletTitle: 'Indicators against their targets (% of target)',
      bulletAxis: '% of target',
      value: 'Value',
      target: 'Target',
      expectedByNow: 'Expected by now',
      forecast: 'Forecast, end of period',
      trendTitle: 'Active OCOP products by star level',
      districtTitle: (district) => `OCOP products of ${district}`,
      districtSeries: { active: 'Active', traceable: 'Traceable', listed: 'On marketplaces', expiring: 'Expiring' },
    },
    dashboard: {
      title: (province) => `OCOP programme, ${province} province`,
      skipToContent: 'Skip to the main content',
      asOfLabel: 'Figures as of the end of',
      show: 'Show',
      languageSwitch: 'Tiếng Việt',
      loading: 'Loading figures…',
      noToken: 'No access token. Open the page with the “Dashboard” link npm start prints (it ends in #token=…).',
      signIn: 'Sign in',
      signOut: 'Sign out',
      failed: (message) => `Could not load the figures: ${message}`,
      planLine: (plan, start, end) => `Targets from ${plan} (${start} – ${end}).`,
      sections: {
        indicators: 'Indicators against their targets',
        forecast: 'Forecast to the end of the period',
        trend: 'Trend of OCOP products by star level',
        districts: 'By administrative unit',
        expiring: 'Certificates expiring within 90 days',
        rejections: 'Rejected events for the districts to fix',
        downloads: 'Downloads',
      },
      indicatorTableCaption: 'Indicators: value, target, status and forecast',
      forecastColumns: { indicator: 'Indicator', value: 'Value', target: 'Target', forecast: 'Forecast', periodEnd: 'Period ends', outlook: 'Outlook' },
      noForecast: 'No counted indicator with a target in this period.',
      districtColumns: {
        unit: 'Unit',
        active: 'Active',
        recognizedThisYear: 'First recognised this year',
        traceable: 'Traceable',
        listed: 'On marketplaces',
        expiring: 'Expiring',
        products: 'Products',
      },
      showProducts: (unit) => `Show the products of ${unit}`,
      hideProducts: 'Hide the list',
      productColumns: { product: 'Product', owner: 'Owner', group: 'Group', level: 'Level', validUntil: 'Valid until', active: 'Active' },
      activeYes: 'Yes',
      activeNo: 'No',
      noProducts: 'This unit has no product yet.',
      moreProducts: (shown) => `Showing the first ${shown} products; download the register for all.`,
      rejectionColumns: { rejectedAt: 'When', unit: 'Source', event: 'Event', reasons: 'Reasons' },
      noRejections: 'No rejected event.',
      downloads: {
        kpisXlsx: 'Indicators (Excel .xlsx)',
        kpisCsv: 'Indicators (CSV)',
        productsXlsx: 'Product register (Excel .xlsx)',
        productsCsv: 'Product register (CSV)',
      },
      trendTableCaption: 'Active products by star level, at the end of each month',
      trendColumns: { day: 'Day', total: 'Total' },
    },
    sheets: {
      kpiFileName: (day) => `ocop-indicators-${day}`,
      registerFileName: (day) => `ocop-product-register-${day}`,
      about: 'About',
      endedPlan: 'Ended plan results',
      indicators: 'Indicators',
      byLevel: 'By level',
      byDistrict: 'By registered unit',
      byUnit: 'By unit',
      unassigned: (formerUnit) => `New unit not settled (formerly ${formerUnit})`,
      mayBelongTo: (candidates) => `May belong to: ${candidates}`,
      notInUnitsData: 'Not in the administrative units data',
      byGroup: 'By group',
      expiring: 'Expiring',
      register: 'Product register',
      columns: {
        item: 'Item',
        text: 'Text',
        province: 'Province',
        asOfDay: 'Figures as of the end of',
        plan: 'Plan',
        final: 'Final result',
        indicatorId: 'Indicator id',
        indicator: 'Indicator',
        value: 'Value',
        target: 'Target',
        stretchTarget: 'Stretch target',
        expectedByNow: 'Expected by now',
        status: 'Status',
        forecast: 'Forecast',
        periodEnd: 'Period ends',
        atRisk: 'At risk',
        level: 'Level',
        products: 'Products',
        unitCode: 'Unit code',
        unit: 'Unit',
        note: 'Note',
        active: 'Active',
        recognizedThisYear: 'First recognised this year',
        traceable: 'Traceable',
        listed: 'On marketplaces',
        expiring: 'Expiring',
        group: 'Group',
        productId: 'Product id',
        product: 'Product',
        validUntil: 'Valid until',
        daysLeft: 'Days left',
        owner: 'Owner',
        ownerKind: 'Kind of owner',
        stars: 'Stars',
        decisionNo: 'Decision no.',
        decisionDate: 'Decision date',
        marketplaces: 'Marketplaces',
        traceability: 'Traceability',
      },
      yes: 'Yes',
      no: 'No',
    },
  },
};

export function uiLabelsFor(language: Language): UiLabels {
  return UI_LABELS[language];
}

/**
 * The words of the product register as a spreadsheet a province fills and
 * imports (issue 19): the column headers (the Vietnamese header is the
 * column's name, the English one its accepted alias), what each column means,
 * the template's instructions and the dry run's reasons.
 */
export interface RegisterLabels {
  columns: Record<RegisterColumnKey, string>;
  meanings: Record<RegisterColumnKey, string>;
  councils: Record<Council, string>;
  sheets: { register: string; instructions: string; lists: string; problems: string };
  reasonHeader: string;
  templateFileName: string;
  instructions: readonly string[];
  instructionColumns: { column: string; meaning: string; required: string };
  required: { always: string; withDecision: string; no: string; computed: string };
  problems: {
    required: string;
    notADay(value: string): string;
    notANumber(value: string): string;
    notWholeStars(value: string): string;
    notAChoice(value: string, choices: string): string;
    notYesNo(value: string): string;
    formula: string;
    unknownUnit(value: string, day: string): string;
    ambiguousUnit(value: string, codes: string): string;
    unitMismatch(code: string, name: string): string;
    badListing(entry: string): string;
    badEnrollment(entry: string): string;
    duplicateId(rows: string): string;
    decisionIncomplete: string;
    rule(reason: string): string;
    tooLong(max: number): string;
  };
  /** Why a whole file is refused (nothing is imported). */
  fileProblems: {
    notAWorkbook: string;
    encrypted: string;
    tooLarge(maxMegabytes: number): string;
    zipBomb(maxMegabytes: number): string;
    noRegisterSheet(sheetNames: string): string;
    hiddenSheet(name: string): string;
    mergedCells(sheet: string, ranges: string): string;
    unknownColumns(columns: string): string;
    missingColumns(columns: string): string;
    duplicateColumns(columns: string): string;
    tooManyRows(max: number): string;
    empty: string;
  };
  summary: {
    rowsRead: string;
    published: string;
    unchanged: string;
    rejected: string;
    reportWritten(path: string): string;
    nothingPublished: string;
  };
}

export const REGISTER_LABELS: Record<Language, RegisterLabels> = {
  vi: {
    columns: {
      productId: UI_LABELS.vi.sheets.columns.productId,
      name: UI_LABELS.vi.sheets.columns.product,
      unitCode: UI_LABELS.vi.sheets.columns.unitCode,
      unit: UI_LABELS.vi.sheets.columns.unit,
      communeCode: 'Mã xã, phường của sản phẩm',
      ownerName: UI_LABELS.vi.sheets.columns.owner,
      ownerKind: UI_LABELS.vi.sheets.columns.ownerKind,
      group: UI_LABELS.vi.sheets.columns.group,
      registeredOn: 'Ngày đăng ký',
      stars: UI_LABELS.vi.sheets.columns.stars,
      level: UI_LABELS.vi.sheets.columns.level,
      fiveStarPotential: 'Tiềm năng 5 sao',
      score: 'Điểm đánh giá',
      council: 'Hội đồng đánh giá',
      active: UI_LABELS.vi.sheets.columns.active,
      decisionNo: UI_LABELS.vi.sheets.columns.decisionNo,
      decisionDate: UI_LABELS.vi.sheets.columns.decisionDate,
      validUntil: UI_LABELS.vi.sheets.columns.validUntil,
      marketplaces: UI_LABELS.vi.sheets.columns.marketplaces,
      traceability: UI_LABELS.vi.sheets.columns.traceability,
    },
    meanings: {
      productId: 'Mã sản phẩm, duy nhất trong tỉnh. Từ 1/7/2025: 86-<mã xã 5 chữ số>-<số>, ví dụ 86-29242-0001; trước đó: <mã tỉnh cũ>-<mã huyện>-<số>, ví dụ 84-842-0001.',
      name: 'Tên sản phẩm.',
      unitCode: 'Mã đơn vị hành chính đăng ký sản phẩm (mã xã, phường từ 1/7/2025; mã huyện trước đó). Ghi mã hoặc tên đơn vị (cột sau), hoặc cả hai.',
      unit: 'Tên đơn vị hành chính đăng ký sản phẩm, đúng như danh mục đơn vị còn hiệu lực vào ngày đăng ký (chọn trong danh sách).',
      communeCode: 'Không bắt buộc. Với sản phẩm đăng ký trước 1/7/2025: mã xã, phường nơi sản phẩm ở trong huyện (cho biết xã nào tiếp nhận sản phẩm sau sắp xếp).',
      ownerName: 'Tên chủ thể sản xuất, kinh doanh.',
      ownerKind: 'Loại chủ thể (chọn trong danh sách).',
      group: 'Nhóm ngành sản phẩm theo Quyết định 148/QĐ-TTg (chọn trong danh sách).',
      registeredOn: 'Ngày đăng ký sản phẩm, dạng dd/mm/yyyy (hoặc yyyy-mm-dd).',
      stars: 'Số sao của quyết định công nhận hiện hành (1 đến 5). Để trống nếu chưa được đánh giá.',
      level: 'Do hệ thống tính; bỏ qua khi nhập.',
      fiveStarPotential: 'Có hoặc Không: sản phẩm 4 sao có tiềm năng 5 sao (điểm từ 90 trở lên).',
      score: 'Điểm hội đồng chấm (0 đến 100); bắt buộc khi có số sao.',
      council: 'Hội đồng ra quyết định (chọn trong danh sách); bắt buộc khi có số sao.',
      active: 'Do hệ thống tính; bỏ qua khi nhập.',
      decisionNo: 'Số quyết định công nhận, ví dụ 123/QĐ-UBND; bắt buộc khi có số sao.',
      decisionDate: 'Ngày ký quyết định, dạng dd/mm/yyyy; bắt buộc khi có số sao.',
      validUntil: 'Không bắt buộc: hiệu lực đến ngày (mặc định 36 tháng kể từ ngày quyết định).',
      marketplaces: 'Các sàn thương mại điện tử, mỗi sàn một dòng hoặc cách nhau bởi dấu chấm phẩy: <mã sàn> <đường dẫn https://...> <ngày lên sàn dd/mm/yyyy>, ví dụ: postmart https://postmart.vn/sp/123 01/03/2024.',
      traceability: 'Các hệ thống truy xuất nguồn gốc, cách nhau bởi dấu chấm phẩy: <mã hệ thống> [mã truy xuất] <ngày tham gia dd/mm/yyyy>, ví dụ: national-portal VN123 01/03/2024.',
    },
    councils: { district: 'Cấp huyện', province: 'Cấp tỉnh', central: 'Trung ương' },
    sheets: { register: UI_LABELS.vi.sheets.register, instructions: 'Hướng dẫn', lists: 'Danh mục', problems: 'Lỗi' },
    reasonHeader: 'Lý do (cần sửa)',
    templateFileName: 'ocop-mau-nhap-so-san-pham',
    instructions: [
      'Mẫu nhập sổ sản phẩm OCOP',
      'Mỗi dòng của trang "Sổ sản phẩm" là một sản phẩm: chủ thể, đơn vị, quyết định công nhận hiện hành, các sàn thương mại điện tử và hệ thống truy xuất nguồn gốc.',
      'Các cột có danh sách chọn (nhóm ngành, loại chủ thể, số sao, hội đồng, đơn vị): chọn trong danh sách, không gõ giá trị khác.',
      'Không dùng công thức, không gộp ô, không ẩn trang tính; ngày ghi dd/mm/yyyy hoặc yyyy-mm-dd.',
      'Kiểm tra trước: npm run import -- <tệp> --dry-run. Hệ thống không ghi gì, và lưu một bảng tính có đánh dấu các ô lỗi, kèm lý do, bên cạnh tệp đã chọn.',
      'Sửa các ô được đánh dấu rồi nhập lại: npm run import -- <tệp>. Chỉ khi mọi dòng đều hợp lệ, hệ thống mới ghi; nhập lại cùng tệp không tạo thêm gì.',
    ],
    instructionColumns: { column: 'Cột', meaning: 'Ý nghĩa', required: 'Bắt buộc' },
    required: { always: 'Có', withDecision: 'Khi có số sao', no: 'Không', computed: 'Hệ thống tính' },
    problems: {
      required: 'Ô này không được để trống.',
      notADay: (value) => `"${value}" không phải là ngày hợp lệ; ghi dd/mm/yyyy (ví dụ 30/12/2022) hoặc yyyy-mm-dd.`,
      notANumber: (value) => `"${value}" không phải là số.`,
      notWholeStars: (value) => `"${value}": số sao phải là số nguyên từ 1 đến 5.`,
      notAChoice: (value, choices) => `"${value}" không có trong danh sách: ${choices}.`,
      notYesNo: (value) => `"${value}": ghi Có hoặc Không.`,
      formula: 'Ô chứa công thức; hệ thống không tính công thức: hãy ghi giá trị.',
      unknownUnit: (value, day) => `Đơn vị "${value}" không có trong danh mục đơn vị hành chính còn hiệu lực ngày ${day}.`,
      ambiguousUnit: (value, codes) => `Có nhiều đơn vị tên "${value}" (mã ${codes}); hãy ghi mã đơn vị.`,
      unitMismatch: (code, name) => `Mã đơn vị ${code} và tên "${name}" không cùng một đơn vị.`,
      badListing: (entry) => `"${entry}" không đúng dạng <mã sàn> <https://...> <dd/mm/yyyy>.`,
      badEnrollment: (entry) => `"${entry}" không đúng dạng <mã hệ thống> [mã truy xuất] <dd/mm/yyyy>.`,
      duplicateId: (rows) => `Mã sản phẩm bị trùng (các dòng ${rows}).`,
      decisionIncomplete: 'Quyết định chưa đủ: cần số sao, điểm, hội đồng, số quyết định và ngày quyết định.',
      rule: (reason) => `Không đạt quy tắc của hệ thống: ${reason}`,
      tooLong: (max) => `Quá dài: tối đa ${max} ký tự.`,
    },
    fileProblems: {
      notAWorkbook: 'Tệp không phải là bảng tính Excel (.xlsx) hay CSV đọc được.',
      encrypted: 'Tệp được đặt mật khẩu (mã hóa) hoặc là định dạng Excel cũ (.xls): hãy gỡ mật khẩu và lưu lại dạng .xlsx.',
      tooLarge: (mb) => `Tệp quá lớn: tối đa ${mb} MB.`,
      zipBomb: (mb) => `Nội dung tệp khi giải nén vượt quá ${mb} MB: tệp bị từ chối.`,
      noRegisterSheet: (names) => `Không tìm thấy trang tính sổ sản phẩm (các trang có: ${names}).`,
      hiddenSheet: (name) => `Trang tính "${name}" đang bị ẩn: hãy hiện hoặc xóa trang này rồi nhập lại.`,
      mergedCells: (sheet, ranges) => `Trang "${sheet}" có ô gộp (${ranges}): hãy bỏ gộp ô.`,
      unknownColumns: (columns) => `Cột không có trong mẫu: ${columns}.`,
      missingColumns: (columns) => `Thiếu cột: ${columns}.`,
      duplicateColumns: (columns) => `Cột bị lặp: ${columns}.`,
      tooManyRows: (max) => `Quá nhiều dòng: tối đa ${max} dòng mỗi lần nhập.`,
      empty: 'Trang tính không có dòng sản phẩm nào.',
    },
    summary: {
      rowsRead: 'Số dòng đã đọc',
      published: 'Số sự kiện đã ghi',
      unchanged: 'Số dòng không thay đổi',
      rejected: 'Số dòng bị từ chối',
      reportWritten: (path) => `Bảng tính kết quả kiểm tra đã lưu tại: ${path}`,
      nothingPublished: 'Không ghi gì: hãy sửa các dòng bị từ chối rồi nhập lại.',
    },
  },
  en: {
    columns: {
      productId: UI_LABELS.en.sheets.columns.productId,
      name: UI_LABELS.en.sheets.columns.product,
      unitCode: UI_LABELS.en.sheets.columns.unitCode,
      unit: UI_LABELS.en.sheets.columns.unit,
      communeCode: "Product's commune code",
      ownerName: UI_LABELS.en.sheets.columns.owner,
      ownerKind: UI_LABELS.en.sheets.columns.ownerKind,
      group: UI_LABELS.en.sheets.columns.group,
      registeredOn: 'Registered on',
      stars: UI_LABELS.en.sheets.columns.stars,
      level: UI_LABELS.en.sheets.columns.level,
      fiveStarPotential: 'Five-star potential',
      score: 'Score',
      council: 'Council',
      active: UI_LABELS.en.sheets.columns.active,
      decisionNo: UI_LABELS.en.sheets.columns.decisionNo,
      decisionDate: UI_LABELS.en.sheets.columns.decisionDate,
      validUntil: UI_LABELS.en.sheets.columns.validUntil,
      marketplaces: UI_LABELS.en.sheets.columns.marketplaces,
      traceability: UI_LABELS.en.sheets.columns.traceability,
    },
    meanings: {
      productId: 'Product id, unique in the province. From 1/7/2025: 86-<5-digit commune code>-<number>, e.g. 86-29242-0001; before: <former province>-<district code>-<number>, e.g. 84-842-0001.',
      name: 'Name of the product.',
      unitCode: 'Code of the administrative unit that registered the product (a commune or ward from 1/7/2025, a district before). Give the code, the unit name (next column), or both.',
      unit: 'Name of the registering unit, as in the units in force on the registration day (pick from the list).',
      communeCode: 'Optional. For a product registered before 1/7/2025: its commune within the district (tells which commune took it over in the reform).',
      ownerName: 'Name of the owner (the producer).',
      ownerKind: 'Kind of owner (pick from the list).',
      group: 'Product group of Decision 148/QĐ-TTg (pick from the list).',
      registeredOn: 'Day the product was registered, dd/mm/yyyy (or yyyy-mm-dd).',
      stars: 'Stars of the current recognition decision (1 to 5). Empty if not rated.',
      level: 'Computed by the system; ignored on import.',
      fiveStarPotential: 'Yes or No: a 4-star product with five-star potential (score 90 or more).',
      score: "The council's score (0 to 100); required with stars.",
      council: 'The council that decided (pick from the list); required with stars.',
      active: 'Computed by the system; ignored on import.',
      decisionNo: 'Number of the recognition decision, e.g. 123/QĐ-UBND; required with stars.',
      decisionDate: 'Day the decision was signed, dd/mm/yyyy; required with stars.',
      validUntil: 'Optional: valid until (default 36 months from the decision).',
      marketplaces: 'Marketplaces, one per line or separated by semicolons: <marketplace id> <https:// link> <listed on dd/mm/yyyy>, e.g. postmart https://postmart.vn/sp/123 01/03/2024.',
      traceability: 'Traceability systems, separated by semicolons: <system id> [trace code] <enrolled on dd/mm/yyyy>, e.g. national-portal VN123 01/03/2024.',
    },
    councils: { district: 'District', province: 'Province', central: 'Central' },
    sheets: { register: UI_LABELS.en.sheets.register, instructions: 'Instructions', lists: 'Lists', problems: 'Problems' },
    reasonHeader: 'Reason (to fix)',
    templateFileName: 'ocop-register-import-template',
    instructions: [
      'OCOP product register: import template',
      'Each row of the register sheet is one product: its owner, its unit, its current recognition decision, its marketplaces and traceability systems.',
      'Columns with a drop-down (group, kind of owner, stars, council, unit): pick from the list, type no other value.',
      'No formulas, no merged cells, no hidden sheets; days as dd/mm/yyyy or yyyy-mm-dd.',
      'Check first: npm run import -- <file> --dry-run. Nothing is written, and a copy of the sheet with the wrong cells marked, and why, is saved next to your file.',
      'Fix the marked cells and import: npm run import -- <file>. The system writes only when every row is valid; importing the same file again adds nothing.',
    ],
    instructionColumns: { column: 'Column', meaning: 'Meaning', required: 'Required' },
    required: { always: 'Yes', withDecision: 'With stars', no: 'No', computed: 'Computed' },
    problems: {
      required: 'This cell must not be empty.',
      notADay: (value) => `"${value}" is not a valid day; write dd/mm/yyyy (e.g. 30/12/2022) or yyyy-mm-dd.`,
      notANumber: (value) => `"${value}" is not a number.`,
      notWholeStars: (value) => `"${value}": stars must be a whole number from 1 to 5.`,
      notAChoice: (value, choices) => `"${value}" is not in the list: ${choices}.`,
      notYesNo: (value) => `"${value}": write Yes or No.`,
      formula: 'The cell holds a formula; the system evaluates no formula: write the value.',
      unknownUnit: (value, day) => `Unit "${value}" is not among the administrative units in force on ${day}.`,
      ambiguousUnit: (value, codes) => `Several units are named "${value}" (codes ${codes}); give the unit code.`,
      unitMismatch: (code, name) => `Unit code ${code} and name "${name}" are not the same unit.`,
      badListing: (entry) => `"${entry}" is not <marketplace id> <https://...> <dd/mm/yyyy>.`,
      badEnrollment: (entry) => `"${entry}" is not <system id> [trace code] <dd/mm/yyyy>.`,
      duplicateId: (rows) => `Duplicate product id (rows ${rows}).`,
      decisionIncomplete: 'Incomplete decision: stars, score, council, decision number and decision date go together.',
      rule: (reason) => `Refused by the system's rules: ${reason}`,
      tooLong: (max) => `Too long: at most ${max} characters.`,
    },
    fileProblems: {
      notAWorkbook: 'The file is not an Excel workbook (.xlsx) or a CSV file that can be read.',
      encrypted: 'The file is password-protected (encrypted) or an old Excel file (.xls): remove the password and save it as .xlsx.',
      tooLarge: (mb) => `The file is too large: at most ${mb} MB.`,
      zipBomb: (mb) => `The file's contents exceed ${mb} MB once uncompressed: the file is refused.`,
      noRegisterSheet: (names) => `No product register sheet found (the sheets are: ${names}).`,
      hiddenSheet: (name) => `Sheet "${name}" is hidden: unhide or delete it and import again.`,
      mergedCells: (sheet, ranges) => `Sheet "${sheet}" has merged cells (${ranges}): unmerge them.`,
      unknownColumns: (columns) => `Columns not in the template: ${columns}.`,
      missingColumns: (columns) => `Missing columns: ${columns}.`,
      duplicateColumns: (columns) => `Columns given twice: ${columns}.`,
      tooManyRows: (max) => `Too many rows: at most ${max} per import.`,
      empty: 'The sheet has no product rows.',
    },
    summary: {
      rowsRead: 'Rows read',
      published: 'Events published',
      unchanged: 'Rows unchanged',
      rejected: 'Rows rejected',
      reportWritten: (path) => `The dry run's workbook is saved at: ${path}`,
      nothingPublished: 'Nothing was published: fix the rejected rows and import again.',
    },
  },
};

export function registerLabelsFor(language: Language): RegisterLabels {
  return REGISTER_LABELS[language];
}
