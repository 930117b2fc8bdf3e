import '../../support/quiet-powertools';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient, tableName } from '../../../functions/storage/dynamodb-client';
import { resetUnitDirectory, unitDirectoryOfDeployment, UnitsNotLoadedError } from '../../../functions/shared/unit-directory';
import { planUnitsLoad, readStoredUnits, storeUnits, UNITS_KEY } from '../../../functions/storage/unit-store';
import { createTestTables, shippedUnitsTexts } from '../../support/dynamodb';

/**
 * `npm run units:load -- <files> --aws` as a command, against DynamoDB Local
 * (PROJECTIONS_TABLE_NAME and DYNAMODB_ENDPOINT point it there), and the units
 * store it writes, as the functions read it.
 */
const run = promisify(execFile);
const REPO = join(__dirname, '..', '..', '..');

async function unitsLoad(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(REPO, 'scripts', 'units-load.ts'), ...args, '--aws'], { cwd: REPO, env: process.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const storedItem = async () => (await dynamoDocumentClient().send(new GetCommand({ TableName: tableName('projections'), Key: { pk: UNITS_KEY } }))).Item;
const dir = mkdtempSync(join(tmpdir(), 'units-load-'));
const [districts, communes] = shippedUnitsTexts();

describe('npm run units:load', () => {
  beforeAll(async () => {
    await createTestTables({ units: false });
  });

  it('a deployment without units is a clear error, not an empty directory', async () => {
    // Prepare
    resetUnitDirectory();
    // Act
    const reading = unitDirectoryOfDeployment();
    // Assess
    await expect(reading).rejects.toThrow(UnitsNotLoadedError);
    await expect(unitDirectoryOfDeployment()).rejects.toThrow(/npm run units:load/);
  });

  it('refuses the districts alone: their successors are in no stored file, and nothing is written', async () => {
    // Act
    const { code, stderr } = await unitsLoad(districts!.path);
    // Assess
    expect(code).toBe(1);
    expect(stderr).toMatch(/nothing was written.*successors.*unit 842: successor 29242 is not a unit in force on 2025-07-01/s);
    expect(await storedItem()).toBeUndefined();
  });

  it('loads the shipped files together, with progress, then the functions read them', async () => {
    // Act
    const { code, stdout } = await unitsLoad(districts!.path, communes!.path);
    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/tra-vinh-districts\.units\.csv: 9 units, new/);
    expect(stdout).toMatch(/vinh-long-2025\.units\.csv: 124 units, new/);
    expect(stdout).toMatch(/Checked the set: 133 units in 2 files\./);
    resetUnitDirectory();
    const directory = await unitDirectoryOfDeployment();
    expect(directory.unitsOn('2024-06-01')).toHaveLength(9);
    expect(directory.unitsOn('2026-06-01')).toHaveLength(124);
  });

  it('is idempotent: the same files again write nothing', async () => {
    // Prepare
    const before = await storedItem();
    // Act
    const { code, stdout } = await unitsLoad(communes!.path, districts!.path);
    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/Nothing to write/);
    expect(await storedItem()).toEqual(before);
  });

  it('refuses a bad file whole with its file, line and column, and keeps the stored set', async () => {
    // Prepare: a correction of the communes file whose row 3 lost its kind.
    const before = await storedItem();
    const lines = communes!.text.split('\n');
    const firstRow = lines.findIndex((line) => line.startsWith('code,')) + 2;
    lines[firstRow] = lines[firstRow]!.replace(/,(ward|commune),/, ',hamlet,');
    const bad = join(dir, 'vinh-long-2025.units.csv');
    writeFileSync(bad, lines.join('\n'));
    // Act
    const { code, stderr } = await unitsLoad(bad);
    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}: line ${firstRow + 1}, column 3 (kind): must be one of`);
    expect(await storedItem()).toEqual(before);
  });

  it('replaces a stored file of the same name with its correction, checked against the other stored files', async () => {
    // Prepare: the communes file with one name corrected.
    const corrected = join(dir, 'vinh-long-2025.units.csv');
    writeFileSync(corrected, communes!.text.replace('Phường Trà Vinh,', 'Phường Trà Vinh (corrected),'));
    // Act
    const { code, stdout } = await unitsLoad(corrected);
    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/vinh-long-2025\.units\.csv: 124 units, changed/);
    const stored = await readStoredUnits();
    expect(stored!.files.map((file) => file.name).sort()).toEqual(['tra-vinh-districts.units.csv', 'vinh-long-2025.units.csv']);
    resetUnitDirectory();
    expect((await unitDirectoryOfDeployment()).unitOn('29242', '2026-01-01')?.name).toBe('Phường Trà Vinh (corrected)');
  });

  it('refuses a file that would leave a stored successor without its unit', async () => {
    // Prepare: the communes without Phường Trà Vinh (29242), a successor of the stored district 842.
    const without = join(dir, 'vinh-long-2025.units.csv');
    writeFileSync(without, communes!.text.split('\n').filter((line) => !line.startsWith('29242,')).join('\n'));
    const stored = await readStoredUnits();
    // Act
    const attempt = () => planUnitsLoad([{ path: without, text: readFileSync(without, 'utf8') }], stored);
    // Assess
    expect(attempt).toThrow(/with the stored tra-vinh-districts\.units\.csv.*unit 842: successor 29242 is not a unit in force/);
  });

  it('a load that lost a race with another is refused, not lost', async () => {
    // Prepare: two loads planned on the same stored version.
    const stored = await readStoredUnits();
    const first = planUnitsLoad([{ path: 'vinh-long-2025.units.csv', text: communes!.text }], stored);
    const second = planUnitsLoad([{ path: 'vinh-long-2025.units.csv', text: `${communes!.text}\n# a comment\n` }], stored);
    // Act
    await storeUnits(first, stored);
    const late = storeUnits(second, stored);
    // Assess
    await expect(late).rejects.toThrow(/changed by another load/);
  });
});
