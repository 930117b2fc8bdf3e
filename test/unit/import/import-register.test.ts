import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { foldProduct, type ProductEvent, type ProductState } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { importRegister, RegisterFileError, rowEvents, uncompressedSize } from '../../../functions/shared/register-import';
import { parseRow } from '../../../functions/shared/register-import/parse-row';
import { registerRowOf } from '../../../report/register/state-row';
import type { ProductRegisterRow } from '../../../report/register/columns';
import { productRegisterWorkbook } from '../../../report/workbooks/product-register';
import { workbookBuffer } from '../../../report/workbooks/table-sheet';

const directory = shippedUnitDirectory();
const units = directory.units.map((u) => ({ code: u.code, name: u.name }));
const TODAY = '2026-12-06';

const row = (overrides: Partial<ProductRegisterRow> = {}): ProductRegisterRow => ({
  productId: '86-29242-0001',
  name: 'Mứt dừa sáp Cầu Kè',
  unitCode: '29242',
  ownerName: 'Hợp tác xã Dừa sáp',
  ownerKind: 'cooperative',
  group: 'food',
  registeredOn: '2025-09-01',
  stars: 4,
  level: '4',
  score: 75,
  council: 'province',
  fiveStarPotential: false,
  decisionNo: '123/QĐ-UBND',
  decisionDate: '2025-10-01',
  validUntil: '2028-10-01',
  active: true,
  listings: [{ marketplace: 'postmart', listingUrl: 'https://postmart.vn/sp/1', listedOn: '2025-10-05' }],
  traceability: [{ system: 'national-portal', traceCode: 'VN 123', enrolledOn: '2025-10-06' }],
  ...overrides,
});

const xlsxOf = async (rows: ProductRegisterRow[]) => workbookBuffer(productRegisterWorkbook(rows, units, 'vi').workbook);
const check = (file: Buffer, products: ProductState[] = [], fileName = 'register.xlsx') =>
  importRegister({ file, fileName }, { dryRun: true, directory, products, today: TODAY, language: 'vi' });

/** The products the system would hold after the events of a dry run (what the pipeline folds). */
async function productsAfter(file: Buffer): Promise<ProductState[]> {
  const events: ProductEvent[] = [];
  const summary = await importRegister({ file, fileName: 'r.xlsx' }, { dryRun: true, directory, products: [], today: TODAY, target: undefined, onProgress: undefined });
  expect(summary.rejected).toEqual([]);
  for (const raw of summary.table!.rows) {
    const parsed = parseRow(raw, directory, 'vi');
    events.push(...rowEvents(parsed.row!, undefined, TODAY).map((e) => e.event as ProductEvent));
  }
  const ids = [...new Set(events.map((e) => e.detail.productId))];
  return ids.map((id) => foldProduct(id, events.filter((e) => e.detail.productId === id), directory).state!);
}

describe('importRegister, dry run', () => {
  it('reads the export back: the products its events make export the same rows, and a second import changes nothing', async () => {
    // Prepare
    const rows = [row(), row({ productId: '86-29242-0002', name: 'Bánh tét', stars: undefined, level: undefined, score: undefined, council: undefined, decisionNo: undefined, decisionDate: undefined, validUntil: undefined, fiveStarPotential: undefined, active: false, listings: [], traceability: [] })];
    const first = await xlsxOf(rows);

    // Act
    const summary = await check(first);
    const products = await productsAfter(first);
    const again = await check(first, products);
    const reexport = await xlsxOf(products.map((state) => registerRowOf(state, TODAY)!));

    // Assess
    expect(summary).toMatchObject({ rowsRead: 2, rowsUnchanged: 0, eventsToPublish: 5, eventsPublished: 0, rejected: [] });
    expect(again).toMatchObject({ rowsRead: 2, rowsUnchanged: 2, eventsToPublish: 0, rejected: [] });
    const cells = async (file: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as never);
      return wb.worksheets[0]!.getSheetValues();
    };
    expect(JSON.stringify(await cells(reexport), null, 1)).toEqual(JSON.stringify(await cells(first), null, 1));
  });

  it('reads hostile names back to their original text, written inert', async () => {
    // Prepare
    const hostile = ['=HYPERLINK("http://x","Bấm vào đây")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'];
    const file = await xlsxOf(hostile.map((name, i) => row({ productId: `86-29242-10${i}`, name })));

    // Act
    const products = await productsAfter(file);

    // Assess
    // The catalog trims every name (events/fields.ts), so a leading tab or carriage return never reaches the register.
    expect(products.map((p) => p.registration.name).sort()).toEqual(hostile.map((name) => name.trim()).sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    const names = (wb.worksheets[0]!.getColumn(2).values as unknown[]).slice(2);
    for (const name of names) expect(name).toMatch(/^'/);
  });

  it('marks every offending cell with its reason and publishes nothing', async () => {
    // Prepare: a unit not in force on the day, stars without a decision, a duplicate id.
    const file = await xlsxOf([
      row({ unitCode: '842' }),
      row({ productId: '86-29242-0009', score: 20 }),
      row({ productId: '86-29242-0009', name: 'Bản sao' }),
    ]);

    // Act
    const summary = await check(file);

    // Assess
    expect(summary.eventsPublished).toBe(0);
    expect(summary.rejected.find((r) => r.productId === '86-29242-0001')!.problems.map((p) => p.key)).toContain('unitCode');
    expect(summary.rejected.filter((r) => r.productId === '86-29242-0009')).toHaveLength(2);
  });

  it('refuses a product another unit owns', async () => {
    // Prepare: the system holds 86-29242-0001 registered by commune 29254.
    const { state } = foldProduct('86-29242-0001', [
      {
        detailType: 'ProductRegistered',
        source: 'ocop.commune.29254',
        detail: { eventId: 'evt-registered-1', schemaVersion: 1, occurredAt: '2025-09-01T09:00:00+07:00', communeCode: '29254', productId: '86-29242-0001', name: 'X', group: 'food', subject: { name: 'Y', kind: 'household' } },
      },
    ]);

    // Act
    const summary = await check(await xlsxOf([row()]), [state!]);

    // Assess
    expect(summary.rejected[0]!.problems.some((p) => p.key === 'productId' && /already registered by unit 29254/.test(p.reason))).toBe(true);
  });
});

describe('importRegister, files refused whole', () => {
  const refusal = async (file: Buffer, fileName = 'r.xlsx') => (await check(file, [], fileName).then(() => undefined, (error: unknown) => error)) as RegisterFileError;

  it('refuses what is not a workbook, an encrypted one, and a file over the size limit', async () => {
    // Act
    const text = await refusal(Buffer.from('hello'), 'r.xlsx');
    const encrypted = await refusal(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const large = await refusal(Buffer.alloc(50 * 1024 * 1024, 0x41), 'r.csv');

    // Assess
    expect(text).toBeInstanceOf(RegisterFileError);
    expect(text.problem).toBe('notAWorkbook');
    expect(encrypted.problem).toBe('encrypted');
    expect(large.problem).toBe('tooLarge');
  });

  it('refuses a zip bomb before exceljs inflates it', async () => {
    // Prepare: one entry of 110 MB of zeros that announces 1 KB.
    const data = deflateRawSync(Buffer.alloc(110 * 1024 * 1024));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(1024, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(1024, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42);
    const directoryOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(directoryOffset, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);

    // Act
    const error = await refusal(zip);

    // Assess
    expect(uncompressedSize(zip)).toBe(Infinity);
    expect(error.problem).toBe('zipBomb');
  });

  it('refuses hidden sheets, merged cells and unknown or missing columns', async () => {
    // Prepare
    const base = async (edit: (wb: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void) => {
      const wb = productRegisterWorkbook([row()], units, 'vi').workbook;
      edit(wb, wb.worksheets[0]!);
      return workbookBuffer(wb);
    };

    // Act
    const hidden = await refusal(await base((wb) => wb.addWorksheet('Bí mật', { state: 'hidden' })));
    const merged = await refusal(await base((_, sheet) => sheet.mergeCells('A2:B2')));
    const unknown = await refusal(await base((_, sheet) => (sheet.getCell('Z1').value = 'Cột lạ')));
    const missing = await refusal(Buffer.from('Mã sản phẩm,Tên sản phẩm\nA,B\n'), 'r.csv');

    // Assess
    expect([hidden.problem, merged.problem, unknown.problem, missing.problem]).toEqual(['hiddenSheet', 'mergedCells', 'unknownColumns', 'missingColumns']);
    expect(unknown.message).toContain('Cột lạ');
  });
});

describe('importRegister, cells', () => {
  const csv = (lines: string[]) => Buffer.from(lines.join('\n'));
  const HEADER = 'Mã sản phẩm,Tên sản phẩm,Đơn vị,Chủ thể,Loại chủ thể,Nhóm ngành,Ngày đăng ký';

  it('reads days as dd/mm/yyyy, yyyy-mm-dd, Excel serials and date cells, and refuses others', async () => {
    // Prepare
    const wb = productRegisterWorkbook([row(), row({ productId: '86-29242-0002' }), row({ productId: '86-29242-0003' })], units, 'vi').workbook;
    const sheet = wb.worksheets[0]!;
    const dayColumn = (sheet.getRow(1).values as string[]).indexOf('Ngày đăng ký');
    sheet.getCell(3, dayColumn).value = 45901; // 2025-09-01 as an Excel serial
    sheet.getCell(4, dayColumn).value = '31/02/2025';
    const file = await workbookBuffer(wb);

    // Act
    const fromCsv = await check(csv([HEADER, '86-29242-0001,A,Phường Trà Vinh,B,Hộ sản xuất kinh doanh,Thực phẩm,01/09/2025', '86-29242-0002,A,Phường Trà Vinh,B,household,food,2025-09-01']), [], 'r.csv');
    const fromXlsx = await check(file);

    // Assess
    expect(fromCsv.rejected.flatMap((r) => r.problems.map((p) => p.key))).toEqual(['ownerKind']);
    expect(fromXlsx.rejected).toHaveLength(1);
    expect(fromXlsx.rejected[0]).toMatchObject({ rowNumber: 4, problems: [{ key: 'registeredOn' }] });
  });

  it('refuses a formula, never reading its cached value', async () => {
    // Prepare
    const wb = productRegisterWorkbook([row()], units, 'vi').workbook;
    wb.worksheets[0]!.getCell('B2').value = { formula: 'CONCAT("Mứt", " dừa")', result: 'Mứt dừa' } as ExcelJS.CellFormulaValue;

    // Act
    const summary = await check(await workbookBuffer(wb));

    // Assess
    expect(summary.rejected[0]!.problems).toEqual([expect.objectContaining({ key: 'name', reason: expect.stringContaining('công thức') })]);
  });
});
