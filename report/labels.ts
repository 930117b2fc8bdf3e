import type { IndicatorId, IndicatorStatus, OcopLevel } from '../domain';

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
    status: { met: 'Đạt', on_track: 'Đúng tiến độ', behind: 'Chậm tiến độ' },
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
    statusLegend: 'Tình trạng: “Đạt” là đã đạt chỉ tiêu; “Đúng tiến độ” là bằng hoặc vượt mức cần đạt tính đến nay; “Chậm tiến độ” là thấp hơn mức đó.',
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
    status: { met: 'Met', on_track: 'On track', behind: 'Behind' },
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
    statusLegend: 'Status: “Met” means the target is reached; “On track” means at or above what is expected by now; “Behind” means below it.',
    footer: 'This email was sent automatically by the OCOP programme monitoring system. Please do not reply.',
  },
};

export function labelsFor(language: Language): ReportLabels {
  return LABELS[language];
}
