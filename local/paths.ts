import { join, resolve } from 'node:path';

/** Where the local system keeps its data (CONTRACT §5): `.ocop/` under the working directory, or `OCOP_DATA_DIR`. */
export function dataDirectory(): string {
  return resolve(process.env.OCOP_DATA_DIR ?? '.ocop');
}

export const localPaths = (dataDir = dataDirectory()) => ({
  dataDir,
  dynamodb: join(dataDir, 'dynamodb'),
  outbox: join(dataDir, 'outbox'),
  bus: join(dataDir, 'bus'),
  runtimeInfo: join(dataDir, 'runtime.json'),
});

/** Table names locally: `ocop-pulse-<suffix>`. */
export const LOCAL_TABLE_PREFIX = 'ocop-pulse';
