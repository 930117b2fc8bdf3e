import { readFileSync } from 'node:fs';
import { SHIPPED_UNITS_FILES, shippedUnitsFile } from '../domain/data/shipped-units';
import { readStoredUnits } from '../functions/storage/unit-store';
import { loadUnitsFiles } from './units-load';

/**
 * `npm start` puts the shipped units files (domain/data/units/) into the local
 * units store, as `npm run units:load` would: on a first start, and again when
 * a release changed them. Units a province loaded itself stay; if the shipped
 * files no longer agree with them, the stored set is kept and the start says why.
 */
export async function loadShippedUnits({ print, verbose }: { print: (line: string) => void; verbose: boolean }): Promise<void> {
  const files = SHIPPED_UNITS_FILES.map((file) => ({ path: shippedUnitsFile(file), text: readFileSync(shippedUnitsFile(file), 'utf8') }));
  const stored = await readStoredUnits();
  const say = verbose ? (line: string) => print(`  units: ${line}`) : () => {};
  try {
    const { written, units } = await loadUnitsFiles(files, { say, target: 'the local units store' });
    if (written) print(`Units: ${units} administrative units loaded from domain/data/units/.`);
  } catch (error) {
    // Without any units the system cannot count by unit: that is a failed start, not a warning.
    if (stored === undefined) throw error;
    print(`Units: kept the stored units; the shipped files do not fit with them: ${(error as Error).message}`);
  }
}
