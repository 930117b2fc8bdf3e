import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkUnitSet, parseUnitsCsv, unitDirectory, type Unit, type UnitDirectory } from '../units';

/**
 * The units files that ship with the repository (docs/units.md names their sources): Trà Vinh's districts and the
 * district-level units of the two other provinces that formed the new Vĩnh Long on 2025-07-01 (the former Vĩnh Long,
 * 86, and Bến Tre, 83), up to 2025-06-30, then the communes and wards of the new Vĩnh Long. A day's units are those of
 * the deployment's province that day (docs/provinces-and-plans.md): before the merger, Trà Vinh's alone.
 */
export const SHIPPED_UNITS_FILES = ['tra-vinh-districts.units.csv', 'vinh-long-2025.units.csv', 'vinh-long-districts.units.csv', 'ben-tre-districts.units.csv'] as const;

/**
 * Reads the shipped units files from disk: for Node processes that run from the
 * repository (npm start, the scripts, the tests, the CDK app). Deployed functions
 * do not read files; they get the units from the store.
 */
export function shippedUnits(): Unit[] {
  const units = SHIPPED_UNITS_FILES.flatMap((file) => parseUnitsCsv(readFileSync(shippedUnitsFile(file), 'utf8'), `domain/data/units/${file}`));
  checkUnitSet(units, 'domain/data/units');
  return units;
}

/** The path of a shipped units file (what `npm start` loads into its units store). */
export function shippedUnitsFile(file: (typeof SHIPPED_UNITS_FILES)[number]): string {
  return join(__dirname, 'units', file);
}

let shipped: UnitDirectory | undefined;

/** The directory of the shipped files, read once per process. */
export function shippedUnitDirectory(): UnitDirectory {
  return (shipped ??= unitDirectory(shippedUnits()));
}
