import { unitDirectory, type UnitDirectory } from '../../domain';
import { tableName } from '../storage/dynamodb-client';
import { readStoredUnits, unitsOfStore, UNITS_KEY } from '../storage/unit-store';

/** Units change rarely (a reform, a correction): an instance re-reads them at most this often. */
export const UNITS_MAX_AGE_MS = 5 * 60_000;

export class UnitsNotLoadedError extends Error {
  override name = 'UnitsNotLoadedError';
}

let cached: { table: string; readAt: number; directory: UnitDirectory } | undefined;

/**
 * The administrative units of the deployment, by code and day (issue 12): the
 * units store (unit-store.ts, loaded with `npm run units:load`), read once per
 * function instance and again when older than `maxAgeMs`. A deployment whose
 * units were never loaded is an error, never an empty directory.
 */
export async function unitDirectoryOfDeployment({ maxAgeMs = UNITS_MAX_AGE_MS }: { maxAgeMs?: number } = {}): Promise<UnitDirectory> {
  const table = tableName('projections');
  if (cached && cached.table === table && Date.now() - cached.readAt < maxAgeMs) return cached.directory;
  const readAt = Date.now();
  const stored = await readStoredUnits();
  if (stored === undefined) {
    throw new UnitsNotLoadedError(
      `No administrative units in ${table} (item ${UNITS_KEY}): load them with \`npm run units:load -- domain/data/units/*.csv --aws\` (docs/deploy.md)`,
    );
  }
  cached = { table, readAt, directory: unitDirectory(unitsOfStore(stored)) };
  return cached.directory;
}

/** Forgets the cached units: the next call reads the store (a stream image of the units item, tests). */
export function resetUnitDirectory(): void {
  cached = undefined;
}
