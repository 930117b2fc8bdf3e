import '../../support/quiet-powertools';
import ExcelJS from 'exceljs';
import type { EventBridgeEnvelope } from '../../../events';
import { callApi, callApiFile } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { projectOne } from '../../support/project';

/**
 * The spreadsheets and the trend through the real http-api handler on data
 * the real project-event handler wrote to DynamoDB Local; the workbooks are
 * read back with exceljs.
 */
const project = (e: EventBridgeEnvelope) => projectOne(e);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const AS_OF = '2024-12-31';

/** District 849: A-1 4★ 2023 (listed, traceable), A-2 3★ 2022, A-3 registered only. District 850: B-1 5★ 2024. */
const history: EventBridgeEnvelope[] = [
  envelope('ocop.district.849', 'ProductRegistered', details.registered('A-1', '849', { name: 'Mắm cá lóc Cầu Kè', subject: { name: 'Công ty TNHH Hương Quê', kind: 'enterprise' } })),
  envelope('ocop.district.849', 'ProductRated', details.rated('A-1', 75, 4, '2023-05-10', '849')),
  envelope('ocop.district.849', 'ProductListedOnMarketplace', details.listed('A-1', 'shopee', '2023-07-01T08:00:00+07:00', '849')),
  envelope('ocop.district.849', 'ProductTraceabilityEnrolled', details.enrolled('A-1', '2023-08-01T08:00:00+07:00', '849')),
  envelope('ocop.district.849', 'ProductRegistered', details.registered('A-2', '849', { group: 'beverage' })),
  envelope('ocop.district.849', 'ProductRated', details.rated('A-2', 60, 3, '2022-11-10', '849')),
  envelope('ocop.district.849', 'ProductRegistered', details.registered('A-3', '849')),
  envelope('ocop.district.850', 'ProductRegistered', details.registered('B-1', '850', { group: 'herbal' })),
  envelope('ocop.province', 'ProductRated', details.rated('B-1', 91, 5, '2024-02-02', '850', { council: 'central' })),
];

let bus: RunningLocalBus;
beforeAll(async () => {
  await createTestTables();
  bus = await startLocalBus();
  for (const e of history) expect((await project(e)).outcome).toBe('accepted');
});
afterAll(async () => bus.close());

async function workbookOf(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as never);
  return workbook;
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
/** The rows below the header, as objects keyed by header. */
function records(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const names = headers(sheet) as string[];
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(names.map((name, i) => [name, row.getCell(i + 1).value ?? undefined])));
  });
  return rows;
}

function expectTableLayout(sheet: ExcelJS.Worksheet): void {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBeDefined();
  expect(sheet.getRow(1).font?.bold).toBe(true);
}

describe('GET /v1/kpis.xlsx', () => {
  it('answers the KPIs as of a day as a workbook the API numbers match, with Vietnamese headers and formats', async () => {
    // Prepare
    const { body: kpis } = await callApi(`/v1/kpis?asOf=${AS_OF}`);

    // Act
    const { status, headers: http, file } = await callApiFile(`/v1/kpis.xlsx?asOf=${AS_OF}`);

    // Assess
    expect(status).toBe(200);
    expect(http['content-type']).toBe(XLSX);
    expect(http['content-disposition']).toBe(`attachment; filename="ocop-chi-so-${AS_OF}.xlsx"`);
    const workbook = await workbookOf(file!);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Chỉ số', 'Theo hạng sao', 'Theo đơn vị', 'Theo đơn vị đăng ký', 'Theo nhóm ngành', 'Sắp hết hạn']);
    for (const sheet of workbook.worksheets) expectTableLayout(sheet);

    const indicators = workbook.getWorksheet('Chỉ số')!;
    expect(headers(indicators).slice(0, 3)).toEqual(['Mã chỉ số', 'Chỉ số', 'Giá trị']);
    const rows = records(indicators);
    expect(rows).toHaveLength(kpis.indicators.length);
    const active = rows.find((r) => r['Mã chỉ số'] === 'ocop.active')!;
    expect(active['Chỉ số']).toBe('Sản phẩm OCOP còn hiệu lực');
    expect(active['Giá trị']).toBe(kpis.indicators.find((i: any) => i.id === 'ocop.active').value);
    expect(active['Giá trị']).toBe(3);
    const recognized = kpis.indicators.find((i: any) => i.id === 'ocop.recognized.year');
    const recognizedRow = rows.find((r) => r['Mã chỉ số'] === 'ocop.recognized.year')!;
    expect(recognizedRow['Dự báo cuối kỳ']).toBe(recognized.forecast.value);
    expect(recognizedRow['Cuối kỳ']).toEqual(new Date(`${recognized.forecast.periodEnd}T00:00:00Z`));
    expect(recognizedRow['Nguy cơ không đạt']).toBe(recognized.forecast.at_risk ? 'Có' : 'Không');
    const periodEndColumn = (headers(indicators) as string[]).indexOf('Cuối kỳ') + 1;
    expect(indicators.getColumn(periodEndColumn).numFmt).toBe('dd/mm/yyyy');
    const shareRow = rows.find((r) => r['Mã chỉ số'] === 'traceability.coverage')!;
    expect(shareRow['Giá trị (%)']).toBeCloseTo(kpis.indicators.find((i: any) => i.id === 'traceability.coverage').value, 10);
    expect(indicators.getColumn((headers(indicators) as string[]).indexOf('Giá trị (%)') + 1).numFmt).toBe('0.0%');

    // Before the reform the units in force are the districts: both sheets have the same rows.
    const byUnit = records(workbook.getWorksheet('Theo đơn vị')!);
    expect(byUnit).toHaveLength(9);
    expect(byUnit.find((r) => r['Mã đơn vị'] === '849')).toMatchObject({ 'Đơn vị': 'Huyện Trà Cú', 'Còn hiệu lực': 2, '4 sao': 1, '3 sao': 1 });
    expect(byUnit.find((r) => r['Mã đơn vị'] === '850')).toMatchObject({ 'Còn hiệu lực': 1, '5 sao': 1 });
    const byDistrict = records(workbook.getWorksheet('Theo đơn vị đăng ký')!);
    expect(byDistrict).toEqual(byUnit.map(({ 'Ghi chú': _note, ...row }) => row));
    expect(records(workbook.getWorksheet('Theo hạng sao')!)).toEqual([
      { 'Hạng': '3 sao', 'Số sản phẩm': 1 },
      { 'Hạng': '4 sao', 'Số sản phẩm': 1 },
      { 'Hạng': '4 sao tiềm năng 5 sao', 'Số sản phẩm': 0 },
      { 'Hạng': '5 sao', 'Số sản phẩm': 1 },
    ]);
  });

  it('after the reform, lists the communes and wards, and the products of each former district not yet settled with their candidates', async () => {
    // Act
    const { status, file } = await callApiFile('/v1/kpis.xlsx?asOf=2026-06-01');

    // Assess: the products carry no communeCode, so Trà Cú's and Duyên Hải's stay with their former district;
    // by 2026 only B-1 (5 stars, 2024) is still active.
    expect(status).toBe(200);
    const workbook = await workbookOf(file!);
    const byUnit = records(workbook.getWorksheet('Theo đơn vị')!);
    expect(byUnit.filter((r) => String(r['Mã đơn vị']).length === 5)).toHaveLength(124);
    const traCu = byUnit.find((r) => r['Mã đơn vị'] === '849')!;
    expect(traCu).toMatchObject({ 'Đơn vị': 'Chưa xác định đơn vị mới (trước: Huyện Trà Cú)', 'Còn hiệu lực': 0 });
    expect(traCu['Ghi chú']).toMatch(/^Có thể thuộc: 29461 Xã Trà Cú; /);
    expect(byUnit.find((r) => r['Mã đơn vị'] === '850')).toMatchObject({ 'Đơn vị': 'Chưa xác định đơn vị mới (trước: Huyện Duyên Hải)', 'Còn hiệu lực': 1, '5 sao': 1 });
    expect(byUnit.reduce((sum, r) => sum + (r['Còn hiệu lực'] as number), 0)).toBe(1);
    expect(records(workbook.getWorksheet('Theo đơn vị đăng ký')!).find((r) => r['Mã đơn vị'] === '850')).toMatchObject({ 'Còn hiệu lực': 1 });
  });

  it('refuses a day that is not one, and a request without a token', async () => {
    // Act
    const bad = await callApiFile('/v1/kpis.xlsx?asOf=2024-02-30');
    const anonymous = await callApiFile('/v1/kpis.xlsx', { token: null });

    // Assess
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/asOf/);
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /v1/kpis.csv', () => {
  it('answers one table of the workbook as UTF-8 CSV with a byte-order mark', async () => {
    // Act
    const { status, headers: http, file } = await callApiFile(`/v1/kpis.csv?asOf=${AS_OF}&table=byDistrict`);

    // Assess
    expect(status).toBe(200);
    expect(http['content-type']).toBe('text/csv; charset=utf-8');
    expect(http['content-disposition']).toMatch(/^attachment; filename="ocop-chi-so-2024-12-31-byDistrict\.csv"$/);
    expect([...file!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file!.subarray(3).toString('utf8').trim().split(/\r?\n/);
    // Every field quoted (OWASP's advice against CSV injection).
    expect(lines[0]).toMatch(/^"Mã đơn vị","Đơn vị","Còn hiệu lực","3 sao","4 sao"/);
    expect(lines.find((line) => line.startsWith('"849",'))).toMatch(/^"849","[^"]+","2","1","1","0","0",/);
  });

  it('names the tables it knows when asked for another', async () => {
    // Act
    const { status, body } = await callApiFile('/v1/kpis.csv?table=everything');

    // Assess
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/indicators, byLevel, byUnit, byDistrict, byGroup, expiring/);
  });
});

describe('GET /v1/products.xlsx and .csv', () => {
  it('lists every registered product as of the day, with its latest decision, listings and traceability', async () => {
    // Act
    const { status, headers: http, file } = await callApiFile(`/v1/products.xlsx?asOf=${AS_OF}`);

    // Assess
    expect(status).toBe(200);
    expect(http['content-type']).toBe(XLSX);
    expect(http['content-disposition']).toBe(`attachment; filename="ocop-so-san-pham-${AS_OF}.xlsx"`);
    const sheet = (await workbookOf(file!)).getWorksheet('Sổ sản phẩm')!;
    expectTableLayout(sheet);
    const rows = records(sheet);
    expect(rows.map((r) => r['Mã sản phẩm']).sort()).toEqual(['A-1', 'A-2', 'A-3', 'B-1']);
    expect(rows.find((r) => r['Mã sản phẩm'] === 'A-1')).toMatchObject({
      'Tên sản phẩm': 'Mắm cá lóc Cầu Kè',
      'Mã đơn vị': '849',
      'Chủ thể': 'Công ty TNHH Hương Quê',
      'Loại chủ thể': 'Doanh nghiệp',
      'Nhóm ngành': 'Thực phẩm',
      'Số sao': 4,
      'Hạng': '4 sao',
      'Còn hiệu lực': 'Có',
      'Số quyết định': 'QĐ-2023-05-10',
      'Ngày quyết định': new Date('2023-05-10T00:00:00Z'),
      'Sàn thương mại điện tử': expect.stringMatching(/^shopee https:\/\/\S+ 01\/07\/2023$/),
      'Truy xuất nguồn gốc': expect.stringMatching(/^national-portal .*01\/08\/2023$/),
    });
    expect(rows.find((r) => r['Mã sản phẩm'] === 'A-3')).toMatchObject({ 'Còn hiệu lực': 'Không', 'Số sao': undefined });
    const dateColumn = (headers(sheet) as string[]).indexOf('Hiệu lực đến') + 1;
    expect(sheet.getColumn(dateColumn).numFmt).toBe('dd/mm/yyyy');
  });

  it('shows a product as it stood on an earlier day', async () => {
    // Act: on 2023-01-01 B-1 was registered (2022-03-01) but not yet rated.
    const { file } = await callApiFile('/v1/products.xlsx?asOf=2023-01-01');

    // Assess
    const rows = records((await workbookOf(file!)).worksheets[0]!);
    expect(rows.find((r) => r['Mã sản phẩm'] === 'B-1')).toMatchObject({ 'Còn hiệu lực': 'Không', 'Số sao': undefined });
    expect(rows.find((r) => r['Mã sản phẩm'] === 'A-1')).toMatchObject({ 'Số sao': undefined });
  });

  it('offers the register as CSV with dates dd/mm/yyyy', async () => {
    // Act
    const { status, file } = await callApiFile(`/v1/products.csv?asOf=${AS_OF}`);

    // Assess
    expect(status).toBe(200);
    const text = file!.subarray(3).toString('utf8');
    expect(text.split(/\r?\n/)[0]).toMatch(/^"Mã sản phẩm","Tên sản phẩm","Mã đơn vị","Đơn vị",/);
    expect(text).toMatch(/"A-1","Mắm cá lóc Cầu Kè","849",.*,"10\/05\/2023",/);
  });
});

describe('GET /v1/kpis/trend', () => {
  it('gives active products by level at each month end, the same as /v1/kpis for those days', async () => {
    // Act
    const { status, body } = await callApi('/v1/kpis/trend?from=2023-01-01&to=2024-12-31');

    // Assess
    expect(status).toBe(200);
    expect(body.points).toHaveLength(24);
    expect(body.points[0].asOfDay).toBe('2023-01-31');
    expect(body.points.at(-1).asOfDay).toBe('2024-12-31');
    for (const day of ['2023-04-30', '2023-05-31', '2024-12-31']) {
      const { body: kpis } = await callApi(`/v1/kpis?asOf=${day}`);
      const point = body.points.find((p: any) => p.asOfDay === day);
      expect(point.byLevel).toEqual({ '3': kpis.breakdown.byLevel['3'].active, '4': kpis.breakdown.byLevel['4'].active, '4-potential-5': 0, '5': kpis.breakdown.byLevel['5'].active });
      expect(point.active).toBe(kpis.indicators.find((i: any) => i.id === 'ocop.active').value);
    }
    expect(body.points.find((p: any) => p.asOfDay === '2023-04-30').byLevel['4']).toBe(0);
    expect(body.points.find((p: any) => p.asOfDay === '2023-05-31').byLevel['4']).toBe(1);
  });

  it('refuses a reversed range and one longer than ten years', async () => {
    // Act
    const reversed = await callApi('/v1/kpis/trend?from=2024-01-01&to=2023-01-01');
    const tooLong = await callApi('/v1/kpis/trend?from=2000-01-01&to=2024-01-01');

    // Assess
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/after/);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/ten years/);
  });
});

describe('the OpenAPI document', () => {
  it('documents the spreadsheet routes with their media types and the forecast of an indicator', async () => {
    // Act
    const { body } = await callApi('/v1/openapi.json', { token: null });

    // Assess
    expect(Object.keys(body.paths['/v1/kpis.xlsx'].get.responses['200'].content)).toEqual([XLSX]);
    expect(Object.keys(body.paths['/v1/products.csv'].get.responses['200'].content)).toEqual(['text/csv; charset=utf-8']);
    const indicator = body.paths['/v1/kpis'].get.responses['200'].content['application/json'].schema.properties.indicators.items;
    expect(indicator.properties.forecast.properties).toEqual(
      expect.objectContaining({ value: expect.any(Object), periodEnd: expect.any(Object), at_risk: expect.objectContaining({ type: 'boolean' }) }),
    );
  });
});
