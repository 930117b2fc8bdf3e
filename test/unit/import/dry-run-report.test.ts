import ExcelJS from 'exceljs';
import { dryRunReport } from '../../../functions/shared/register-import';
import type { SheetTable } from '../../../functions/shared/register-import';

describe('dryRunReport', () => {
  it('marks each offending cell with a fill and a note, and writes the reasons beside the row, inert', async () => {
    // Prepare
    const table: SheetTable = {
      sheetName: 'Sổ sản phẩm',
      columns: [
        { key: 'productId', header: 'Mã sản phẩm', column: 1 },
        { key: 'name', header: 'Tên sản phẩm', column: 2 },
        { key: 'registeredOn', header: 'Ngày đăng ký', column: 3 },
      ],
      rows: [
        { rowNumber: 2, cells: { productId: { value: 'A-1' }, name: { value: '=1+1' }, registeredOn: { value: '31/02/2025' } } },
        { rowNumber: 3, cells: { productId: { value: 'A-2' }, name: { formula: true }, registeredOn: { value: new Date('2025-08-01T00:00:00Z') } } },
      ],
    };

    // Act
    const file = await dryRunReport(table, [
      { rowNumber: 2, productId: 'A-1', problems: [{ rowNumber: 2, key: 'registeredOn', reason: '"31/02/2025" không phải là ngày hợp lệ' }] },
      { rowNumber: 3, productId: 'A-2', problems: [{ rowNumber: 3, key: 'name', reason: 'Ô chứa công thức' }] },
    ], 'vi');

    // Assess
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as never);
    const sheet = workbook.getWorksheet('Sổ sản phẩm')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Mã sản phẩm', 'Tên sản phẩm', 'Ngày đăng ký', 'Lý do (cần sửa)']);
    expect(sheet.getCell('B2').value).toBe("'=1+1");
    expect(sheet.getCell('C2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(JSON.stringify(sheet.getCell('C2').note)).toContain('không phải là ngày hợp lệ');
    expect(sheet.getCell('D2').value).toBe('Ngày đăng ký: "31/02/2025" không phải là ngày hợp lệ');
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getCell('B3').fill).toMatchObject({ pattern: 'solid' });
    expect(sheet.getCell('A2').fill).toBeUndefined();
  });
});
