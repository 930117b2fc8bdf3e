import '../../support/quiet-powertools';
import { loadShippedUnits } from '../../../local/load-shipped-units';
import { planUnitsLoad, readStoredUnits, storeUnits } from '../../../functions/storage/unit-store';
import { createTestTables, shippedUnitsTexts } from '../../support/dynamodb';

/** What `npm start` does with the shipped units files on each start, on DynamoDB Local. */
describe('npm start loads the shipped units', () => {
  it('on a first start, and writes nothing on the next', async () => {
    // Prepare
    await createTestTables({ units: false });
    const lines: string[] = [];
    // Act
    await loadShippedUnits({ print: (line) => lines.push(line), verbose: false });
    const first = await readStoredUnits();
    await loadShippedUnits({ print: (line) => lines.push(line), verbose: false });
    const second = await readStoredUnits();
    // Assess
    expect(lines).toEqual(['Units: 150 administrative units loaded from domain/data/units/.']);
    expect(first!.files.map((file) => file.name).sort()).toEqual(['ben-tre-districts.units.csv', 'tra-vinh-districts.units.csv', 'vinh-long-2025.units.csv', 'vinh-long-districts.units.csv']);
    expect(second).toEqual(first);
  });

  it("keeps a province's own units that the shipped files no longer fit with, and says why", async () => {
    // Prepare: the province loaded the communes under a name of its own.
    await createTestTables({ units: false });
    const [, communes] = shippedUnitsTexts();
    const own = planUnitsLoad([{ path: 'vinh-long-own.units.csv', text: communes!.text }], undefined);
    await storeUnits(own, undefined);
    const before = await readStoredUnits();
    const lines: string[] = [];
    // Act
    await loadShippedUnits({ print: (line) => lines.push(line), verbose: false });
    // Assess
    expect(lines).toEqual([expect.stringMatching(/^Units: kept the stored units; the shipped files do not fit with them: .*listed twice for overlapping periods/)]);
    expect(await readStoredUnits()).toEqual(before);
  });
});
