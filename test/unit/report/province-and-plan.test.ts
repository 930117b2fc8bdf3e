import ExcelJS from 'exceljs';
import { renderKpiReport } from '../../../report';
import { escapeHtml } from '../../../report/html';
import { periodOfDay } from '../../../report/period';
import { kpiWorkbook, workbookBuffer } from '../../../report/workbooks';
import { sampleSnapshot } from './support/sample-snapshot';

/**
 * Every surface of the report names the province of the day it shows and says which plan applies: the email's
 * subject, heading and lines, and the KPI workbook. A day in 2026: Vĩnh Long, no plan in force since 1/1/2026, Plan
 * 53's final results. 31/12/2022: Trà Vinh and Plan 53.
 */
const DAY_2026 = '2026-12-06';
const in2026 = sampleSnapshot('2026-12-06T10:00:00+07:00');
const in2022 = sampleSnapshot('2022-12-31T23:00:00+07:00');
const lastDay = sampleSnapshot('2025-12-31T23:00:00+07:00');
const render = (snapshot = in2026, language: 'vi' | 'en' = 'vi', reportDay = DAY_2026) =>
  renderKpiReport({ snapshot, period: periodOfDay(reportDay), reportDay, recipient: { language, scope: 'province' } });

async function sheetRows(snapshot = in2026, sheet = 'Thông tin'): Promise<unknown[][]> {
  const { workbook } = kpiWorkbook(snapshot, 'vi');
  const read = new ExcelJS.Workbook();
  await read.xlsx.load((await workbookBuffer(workbook)) as never);
  const rows: unknown[][] = [];
  read.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the KPI email of a day in 2026', () => {
  it('names Vĩnh Long in its subject and heading', () => {
    // Act
    const { subject, text, html } = render();

    // Assess
    expect(subject).toBe('[OCOP Vĩnh Long] Báo cáo chỉ số tuần 49/2026, ngày 06/12/2026');
    expect(text.startsWith('Báo cáo chỉ số Chương trình OCOP tỉnh Vĩnh Long\n')).toBe(true);
    expect(html).toContain('Báo cáo chỉ số Chương trình OCOP tỉnh Vĩnh Long</h1>');
    expect(text).toContain('Tỉnh Vĩnh Long (từ 01/07/2025) được thành lập trên cơ sở hợp nhất các tỉnh Bến Tre, Trà Vinh và Vĩnh Long.');
  });

  it('says plainly that no plan is in force since 1/1/2026, shows no target, and gives Plan 53 its final results', () => {
    // Act
    const { text, html } = render();

    // Assess
    const noPlan = 'Không có kế hoạch nào đang có hiệu lực từ 01/01/2026: các chỉ số không có chỉ tiêu.';
    expect(text).toContain(noPlan);
    expect(html).toContain(escapeHtml(noPlan));
    expect(text).not.toContain('Chỉ tiêu theo');
    expect(text).not.toMatch(/Tình trạng: (Chậm tiến độ|Đúng tiến độ)|dự báo cuối kỳ:/);
    expect(text).toContain('Kết quả cuối kỳ của Kế hoạch số 53/KH-UBND ngày 29/7/2022 của UBND tỉnh Trà Vinh (số liệu ngày 31/12/2025)');
    expect(text).toMatch(/\* Sản phẩm được công nhận lần đầu trong năm: Giá trị \d+ \| Chỉ tiêu: 40 \| Tình trạng: Không đạt/);
    expect(html).toContain('data-role="ended-plan"');
    expect(text).toContain('Các chỉ số theo năm của năm 2025 tính cả năm của tỉnh Vĩnh Long mới');
  });

  it('says the same in English', () => {
    // Act
    const { subject, text } = render(in2026, 'en');

    // Assess
    expect(subject).toBe('[OCOP Vĩnh Long] KPI report, week 49/2026, 6 Dec 2026');
    expect(text).toContain('No plan has been in force since 1 Jan 2026: the indicators have no targets.');
    expect(text).toMatch(/Final results of Kế hoạch số 53\/KH-UBND/);
  });
});

describe('the KPI email of 31/12/2022 and of the last day of Plan 53', () => {
  it('names Trà Vinh and Plan 53 on 31/12/2022, with no final result yet', () => {
    // Act
    const { subject, text } = render(in2022, 'vi', '2023-01-02');

    // Assess
    expect(subject).toBe('[OCOP Trà Vinh] Báo cáo chỉ số tuần 1/2023, ngày 02/01/2023');
    expect(text).toContain('Chỉ tiêu theo Kế hoạch số 53/KH-UBND ngày 29/7/2022 của UBND tỉnh Trà Vinh.');
    expect(text).not.toContain('Không có kế hoạch');
    expect(text).not.toContain('Kết quả cuối kỳ');
  });

  it('says on 31/12/2025 that the statuses are final, met or not met, without forecast', () => {
    // Act
    const { text } = render(lastDay, 'vi', '2026-01-05');

    // Assess
    expect(text).toContain('Ngày 31/12/2025 là ngày cuối của kỳ kế hoạch: tình trạng các chỉ số là kết quả cuối kỳ.');
    expect(text).not.toMatch(/Tình trạng: (Chậm tiến độ|Đúng tiến độ)|dự báo cuối kỳ:/);
    expect(text).toMatch(/Tình trạng: (Đạt|Không đạt)/);
  });
});

describe('the KPI workbook', () => {
  it('opens on a sheet naming the province of the day and the plan, or that none is in force since when', async () => {
    // Act
    const rows2026 = await sheetRows(in2026);
    const rows2022 = await sheetRows(in2022);

    // Assess
    expect(rows2026).toContainEqual(['Tỉnh', 'Vĩnh Long (86)']);
    expect(rows2026).toContainEqual(['Ghi chú', 'Không có kế hoạch nào đang có hiệu lực từ 01/01/2026: các chỉ số không có chỉ tiêu.']);
    expect(rows2022).toContainEqual(['Tỉnh', 'Trà Vinh (84)']);
    expect(rows2022).toContainEqual(['Ghi chú', 'Chỉ tiêu theo Kế hoạch số 53/KH-UBND ngày 29/7/2022 của UBND tỉnh Trà Vinh.']);
    expect(kpiWorkbook(in2026, 'vi').workbook.worksheets[0]!.name).toBe('Thông tin');
  });

  it("lists Plan 53's final results in a sheet of their own on a day in 2026, and leaves it empty before the plan ended", async () => {
    // Act
    const ended = await sheetRows(in2026, 'Kết quả kế hoạch đã kết thúc');
    const none = await sheetRows(in2022, 'Kết quả kế hoạch đã kết thúc');

    // Assess
    const header = ended[0] as string[];
    expect(header).toEqual(expect.arrayContaining(['Kế hoạch', 'Mã chỉ số', 'Tình trạng', 'Kết quả cuối kỳ']));
    expect(header).not.toContain('Dự báo cuối kỳ');
    const recognized = ended.find((row) => row.includes('ocop.recognized.year'))!;
    expect(recognized[header.indexOf('Tình trạng')]).toBe('Không đạt');
    expect(recognized[header.indexOf('Kết quả cuối kỳ')]).toBe('Có');
    expect(ended.length - 1).toBe(13);
    expect(none).toHaveLength(1);
  });
});
