import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { shippedUnitDirectory } from '../domain/data/shipped-units';
import { tableNames } from '../local/create-tables';
import { localEnvironment } from '../local/connect';
import { LOCAL_TABLE_PREFIX } from '../local/paths';
import { DEFAULT_OPTIONS } from '../local/system';
import { productRegisterWorkbook } from '../report/workbooks/product-register';
import { startDynamoDbCountingProxy, type DynamoDbCountingProxy } from './dynamodb-counting-proxy';
import { benchRegisterRows } from './import/register-rows';
import { measureConditionalPuts, type ConditionalPutCeiling } from './phases/dynamodb-baseline';
import { runImportPhase, type ImportPhaseResult } from './phases/import';
import { startSystemProcess, type SystemProcess } from './system-client';

/**
 * The import phase of the bench (issue 19), in a process of its own, run by bench/run.ts: a fresh system as the
 * bench starts it (empty, no demo, DynamoDB Local with its data on disk, behind the counting proxy, in a child
 * process), DynamoDB Local's own conditional-PutItem rate on it (the ceiling, as each size measures it), then a
 * generated register of `--rows` products (bench/import/register-rows.ts) dry-run and imported through
 * `npm run import` (bench/phases/import.ts). Writes its results as JSON to `--out`.
 */
export interface ImportResults {
  config: Record<string, unknown>;
  ceiling: ConditionalPutCeiling;
  import: ImportPhaseResult;
}

const { values } = parseArgs({ options: { rows: { type: 'string' }, out: { type: 'string' }, quick: { type: 'boolean' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1 || !values.out) throw new Error('usage: measure-import.ts --rows N --out results.json [--quick]');
const quick = values.quick ?? false;
const CONFIG = { rows, ceilingPuts: quick ? 1000 : 3000, ceilingCallers: 16, stallMs: 120_000 };

async function main(): Promise<void> {
  // The import commands start from the environment the driver had, not the one pointed at the system below.
  const env = { ...process.env };
  const dir = join('.bench', 'import');
  const dataDir = join('.bench', 'data-import');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const directory = shippedUnitDirectory();
  const register = benchRegisterRows({ rows, directory });
  const file = join(dir, `register-${rows}.xlsx`);
  const units = directory.units.map((unit) => ({ code: unit.code, name: unit.name }));
  await productRegisterWorkbook(register, units, 'vi').workbook.xlsx.writeFile(file);
  const events = register.reduce((sum, row) => sum + 1 + (row.stars === undefined ? 0 : 1), 0);
  const fileBytes = statSync(file).size;
  console.log(`Register: ${rows} rows (${events} events) in ${file}, ${Math.round(fileBytes / 1024)} KB`);

  let proxy: DynamoDbCountingProxy | undefined;
  let system: SystemProcess | undefined;
  try {
    system = await startSystemProcess({
      ...DEFAULT_OPTIONS,
      inMemory: false,
      demo: false,
      schedules: false,
      apiPort: 0,
      eventsPort: 0,
      dataDir,
      apiRateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
      dynamoEndpointFor: async (endpoint) => (proxy = await startDynamoDbCountingProxy(endpoint)).endpoint,
    });
    Object.assign(process.env, localEnvironment(system.dynamoEndpoint, system.outboxDir));

    console.log(`\n1/2 DynamoDB Local alone: ${CONFIG.ceilingPuts} conditional PutItem from ${CONFIG.ceilingCallers} callers (the ceiling)`);
    const ceiling = await measureConditionalPuts({ endpoint: system.dynamoEndpoint, puts: CONFIG.ceilingPuts, callers: CONFIG.ceilingCallers, runId: 'import' });
    console.log(`  ${ceiling.putsPerSecond} PutItem/s (p50 ${ceiling.latencyMs.p50} ms)`);

    console.log(`\n2/2 The register through npm run import: its dry run, then the import until every product is projected`);
    const result = await runImportPhase({ file, fileBytes, rows, events, dataDir, env, proxy: proxy!, eventLogTable: tableNames(LOCAL_TABLE_PREFIX).events, stallMs: CONFIG.stallMs });
    const results: ImportResults = { config: CONFIG, ceiling, import: result };
    writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await system?.stop();
    await proxy?.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('\nThe import bench failed:', error);
    process.exit(1);
  },
);
