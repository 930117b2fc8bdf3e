import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { importRegister } from '../../../functions/shared/register-import';
import { benchRegisterRows } from '../../../bench/import/register-rows';
import { productRegisterWorkbook } from '../../../report/workbooks/product-register';
import { workbookBuffer } from '../../../report/workbooks/table-sheet';

describe('benchRegisterRows', () => {
  const directory = shippedUnitDirectory();

  it('gives rows that pass every check of the importer, as a workbook written by the register writer', async () => {
    // Prepare: 400 rows (every round and star level drawn), written as the export writes a register
    const rows = benchRegisterRows({ rows: 400, directory });
    const units = directory.units.map((unit) => ({ code: unit.code, name: unit.name }));
    const file = await workbookBuffer(productRegisterWorkbook(rows, units, 'vi').workbook);

    // Act: the importer's dry run against an empty system (no product stored yet)
    const summary = await importRegister({ file, fileName: 'bench.xlsx' }, { dryRun: true, directory, products: [], today: '2026-12-06' });

    // Assess: every row read and accepted, each standing for its registration and its rating
    expect(summary.rejected).toEqual([]);
    expect(summary.rowsRead).toBe(400);
    expect(summary.eventsToPublish).toBe(800);
    expect(new Set(rows.map((row) => row.productId)).size).toBe(400);
  });

  it('follows the rules of 26/2026 for its decisions: 3-4 stars by the province, 5 by the central council, none before 2026-07-21', () => {
    // Act
    const rows = benchRegisterRows({ rows: 2000, directory });

    // Assess
    expect(rows.every((row) => row.decisionDate! > '2026-07-20' && row.registeredOn < row.decisionDate!)).toBe(true);
    expect(rows.every((row) => (row.stars === 5 ? row.council === 'central' : row.council === 'province' && row.stars! >= 3))).toBe(true);
    expect(new Set(rows.map((row) => row.stars))).toEqual(new Set([3, 4, 5]));
  });

  it('is deterministic: the same seed gives the same register, another seed another', () => {
    // Act
    const first = benchRegisterRows({ rows: 50, directory, seed: 7 });
    const again = benchRegisterRows({ rows: 50, directory, seed: 7 });
    const other = benchRegisterRows({ rows: 50, directory, seed: 8 });

    // Assess
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});
