import '../../support/quiet-powertools';
import ExcelJS from 'exceljs';
import type { SQSEvent } from 'aws-lambda';
import { importRegister } from '../../../functions/shared/register-import';
import type { ProductRegisterRow } from '../../../report/register/columns';
import { productRegisterWorkbook } from '../../../report/workbooks/product-register';
import { workbookBuffer } from '../../../report/workbooks/table-sheet';
import { handler } from '../../../functions/http-api/handler';
import { apiGatewayEvent } from '../../../local/api-gateway-event';
import { callApiFile, TEST_API_TOKEN } from '../../support/api';
import { lambdaContext } from '../../support/lambda';
import { createTestTables } from '../../support/dynamodb';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent } from '../../support/project';

/**
 * importRegister through the real PutEvents path (the SDK against the local
 * bus), the real project-event handler on DynamoDB Local, and the real
 * http-api handler: a broken sheet, the same sheet fixed, imported again,
 * and its export imported back. Hostile names come out of every export inert.
 */
const AS_OF = '2025-12-31';
const HOSTILE = ['=HYPERLINK("http://x","Bấm vào đây")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'];

const row = (n: number, overrides: Partial<ProductRegisterRow> = {}): ProductRegisterRow => ({
  productId: `86-29242-${String(n).padStart(4, '0')}`,
  name: `Sản phẩm ${n}`,
  unitCode: '29242',
  ownerName: `Hộ kinh doanh ${n}`,
  ownerKind: 'household',
  group: 'food',
  registeredOn: '2025-08-01',
  stars: 3,
  level: '3',
  score: 60,
  council: 'province',
  fiveStarPotential: false,
  decisionNo: `${n}/QĐ-UBND`,
  decisionDate: '2025-09-01',
  // Expiring on AS_OF: the names appear in the KPI workbook's expiring sheet too.
  validUntil: '2026-01-15',
  active: true,
  listings: [{ marketplace: 'postmart', listingUrl: `https://postmart.vn/sp/${n}`, listedOn: '2025-09-10' }],
  traceability: [{ system: 'national-portal', enrolledOn: '2025-09-11' }],
  ...overrides,
});
const rows = HOSTILE.map((name, i) => row(i + 1, { name, ownerName: name }));
const sheetOf = async (register: ProductRegisterRow[]) => workbookBuffer(productRegisterWorkbook(register, [], 'vi').workbook);

let bus: RunningLocalBus;
beforeAll(async () => {
  await createTestTables();
  bus = await startLocalBus({ functions: { 'project-event': (event) => invokeProjectEvent(event as SQSEvent) } });
});
afterAll(async () => bus.close());

async function importFile(file: Buffer, dryRun = false) {
  const summary = await importRegister({ file, fileName: 'so-san-pham.xlsx' }, { dryRun });
  await bus.drain();
  return summary;
}

describe('npm run import, through the pipeline', () => {
  it('dry-runs a broken sheet without publishing, imports it fixed, publishes nothing the second time, and reads its export back unchanged', async () => {
    // Prepare: one row with a unit not in force on its day (district 842 ended on 2025-06-30).
    const broken = await sheetOf([...rows, row(9, { unitCode: '842' })]);

    // Act
    const dryRun = await importFile(broken, true);
    const refused = await importFile(broken);
    const fixed = await importFile(await sheetOf(rows));
    const again = await importFile(await sheetOf(rows));
    const exported = (await callApiFile(`/v1/products.xlsx?asOf=${AS_OF}`)).file!;
    const exportBack = await importFile(exported);
    const reexported = (await callApiFile(`/v1/products.xlsx?asOf=${AS_OF}`)).file!;

    // Assess
    expect(dryRun).toMatchObject({ rowsRead: 7, eventsPublished: 0, rejected: [expect.objectContaining({ productId: '86-29242-0009' })] });
    expect(refused.eventsPublished).toBe(0);
    expect(fixed).toMatchObject({ rowsRead: 6, eventsPublished: 24, rejected: [] });
    expect(again).toMatchObject({ rowsRead: 6, rowsUnchanged: 6, eventsPublished: 0 });
    expect(exportBack).toMatchObject({ rowsRead: 6, rowsUnchanged: 6, eventsPublished: 0, rejected: [] });
    expect(bus.seen.filter((e) => e['detail-type'] !== 'EventRejected')).toHaveLength(24);
    expect(bus.seen.filter((e) => e['detail-type'] === 'EventRejected')).toEqual([]);
    const values = async (file: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as never);
      return JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    };
    expect(await values(reexported)).toBe(await values(exported));
  });

  it('writes every hostile name as inert text: string cells in the workbooks, prefixed and quoted in the CSV', async () => {
    // Act
    const register = (await callApiFile(`/v1/products.xlsx?asOf=${AS_OF}`)).file!;
    const kpis = (await callApiFile(`/v1/kpis.xlsx?asOf=${AS_OF}`)).file!;
    const csv = (await callApiFile(`/v1/products.csv?asOf=${AS_OF}`)).file!.subarray(3).toString('utf8');

    // Assess: the catalog trims names, so "\tx" and "\rx" were stored as "x"; the others start with a trigger.
    const triggers = HOSTILE.map((name) => name.trim()).filter((name) => /^[=+\-@]/.test(name));
    for (const file of [register, kpis]) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as never);
      const texts: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((r) =>
          r.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
            if (typeof cell.value === 'string') texts.push(cell.value);
          }),
        ),
      );
      for (const name of triggers) expect(texts).toContain(`'${name}`);
      expect(texts.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
    }
    for (const name of triggers) expect(csv).toContain(`"'${name.replace(/"/g, '""')}"`);
    expect(csv.split(/\r\n|\n/).flatMap((line) => line.split(',')).filter((field) => /^[=+\-@\t\r]/.test(field))).toEqual([]);
  });
});

describe('GET /v1/import-template.xlsx', () => {
  it('answers the template with instructions, drop-down lists on a hidden sheet, and a filled copy imports', async () => {
    // Act
    const { status, headers, file } = await callApiFile('/v1/import-template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file! as never);
    const sheet = workbook.getWorksheet('Sổ sản phẩm')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    sheet.addRow(header.map((name) => ({ 'Mã sản phẩm': '86-29242-0100', 'Tên sản phẩm': 'Bánh pía', 'Đơn vị': 'Phường Trà Vinh', 'Chủ thể': 'Hộ bà Năm', 'Loại chủ thể': 'Hộ sản xuất, kinh doanh', 'Nhóm ngành': 'Thực phẩm', 'Ngày đăng ký': '15/08/2025' })[name] ?? null));
    const filled = await workbookBuffer(workbook);
    const summary = await importRegister({ file: filled, fileName: 'mau.xlsx' }, { dryRun: true });

    // Assess
    expect(status).toBe(200);
    expect(headers['content-disposition']).toBe('attachment; filename="ocop-mau-nhap-so-san-pham.xlsx"');
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Hướng dẫn', 'visible'],
      ['Sổ sản phẩm', 'visible'],
      ['Danh mục', 'hidden'],
    ]);
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    for (const name of ['Nhóm ngành', 'Loại chủ thể', 'Số sao', 'Hội đồng đánh giá', 'Đơn vị']) {
      const validation = Object.entries(validations).find(([address]) => address.startsWith(`${column(name)}2`));
      expect(validation?.[1]).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Danh mục'!\$[A-Z]\$2:\$[A-Z]\$\d+$/)] });
    }
    const units = (workbook.getWorksheet('Danh mục')!.getColumn(5).values as string[]).slice(2);
    expect(units).toContain('Phường Trà Vinh');
    expect(units).not.toContain('Thành phố Trà Vinh');
    expect(summary).toMatchObject({ rowsRead: 1, eventsToPublish: 1, rejected: [] });
  });
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST /v1/imports through the real handler, as API Gateway passes a binary body (base64). */
async function postImport(body: Buffer, { query = '', contentType = XLSX, token = TEST_API_TOKEN as string | null } = {}): Promise<{ status: number; body: any }> {
  process.env.API_TOKEN = TEST_API_TOKEN;
  const headers: Record<string, string> = { 'content-type': contentType, ...(token !== null && { authorization: `Bearer ${token}` }) };
  const event = apiGatewayEvent({ method: 'POST', url: `/v1/imports${query}`, headers, body })!;
  const result = (await handler(event, lambdaContext('http-api'))) as { statusCode: number; body: string };
  return { status: result.statusCode, body: JSON.parse(result.body) };
}

describe('POST /v1/imports', () => {
  it('answers the dry run by row and column, then publishes when asked and every row passes', async () => {
    // Prepare
    const broken = await sheetOf([row(20, { unitCode: '842' })]);
    const good = await sheetOf([row(21), row(22)]);

    // Act
    const dryRun = await postImport(broken, { query: '?language=en' });
    const refused = await postImport(broken, { query: '?dryRun=false' });
    const published = await postImport(good, { query: '?dryRun=false' });
    await bus.drain();
    const again = await postImport(good);

    // Assess
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ dryRun: true, rowsRead: 1, eventsPublished: 0, rejected: [{ rowNumber: 2, productId: '86-29242-0020', problems: [expect.objectContaining({ column: 'Unit code' })] }] });
    expect(refused.body).toMatchObject({ dryRun: false, eventsPublished: 0 });
    expect(published.body).toMatchObject({ dryRun: false, rowsRead: 2, eventsPublished: 8, rejected: [] });
    expect(again.body).toMatchObject({ rowsRead: 2, rowsUnchanged: 2, eventsToPublish: 0 });
  });

  it('refuses without a token, another media type, a body over the limit, and a file that is no workbook, without crashing', async () => {
    // Act
    const anonymous = await postImport(Buffer.from('x'), { token: null });
    const json = await postImport(Buffer.from('{}'), { contentType: 'application/json' });
    const huge = await postImport(Buffer.alloc(5 * 1024 * 1024, 0x41));
    const notAWorkbook = await postImport(Buffer.from('PK not really a zip'));
    const empty = await postImport(Buffer.alloc(0), { contentType: 'text/csv' });

    // Assess
    expect([anonymous.status, json.status, huge.status, notAWorkbook.status, empty.status]).toEqual([401, 415, 413, 400, 400]);
    expect(notAWorkbook.body.error.message).toMatch(/không phải là bảng tính/);
  });
});
