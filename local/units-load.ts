import { planUnitsLoad, readStoredUnits, storeUnits, unitsOfStore, type UnitsFileText } from '../functions/storage/unit-store';

/**
 * What `npm run units:load` and `npm start` do: check the files against the
 * stored set, say what each holds, then write the set if anything changed.
 */
export async function loadUnitsFiles(
  files: readonly UnitsFileText[],
  { say, target }: { say: (line: string) => void; target: string },
): Promise<{ written: boolean; units: number }> {
  const stored = await readStoredUnits();
  say(stored === undefined ? 'No units stored yet.' : `Stored: ${stored.files.map((file) => `${file.name} (${file.units.length} units)`).join(', ')}.`);
  const plan = planUnitsLoad(files, stored);
  for (const file of plan.files) {
    if (plan.kept.includes(file.name)) continue;
    say(`  ${file.name}: ${file.units.length} units, ${plan.changed.includes(file.name) ? (stored?.files.some((old) => old.name === file.name) ? 'changed' : 'new') : 'unchanged'}`);
  }
  const units = plan.files.reduce((sum, file) => sum + file.units.length, 0);
  say(`Checked the set: ${units} units in ${plan.files.length} files.`);
  const { written } = await storeUnits(plan, stored);
  say(written ? `Loaded into ${target}.` : `Nothing to write: ${target} already has these files.`);
  return { written, units: written ? units : unitsOfStore(stored!).length };
}
