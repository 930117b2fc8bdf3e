import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runColdStarts, type ColdStartsResult } from './cold-starts/cold-starts';
import { loadPrices, monthlyCost } from './cost/cost-model';
import { formatCostTable, measuredRates } from './cost/cost-report';
import { costScenarios, demoEventRate } from './cost/scenarios';
import { ASSUMPTIONS, monthlyUsage } from './cost/usage';
import type { ImportResults } from './measure-import';
import { coldStartRows, COLD_START_GOALS, formatOperations, formatTable, GOALS, IMPORT_GOALS, importRows, scalingRows, sizeRows, type SizeResults } from './report';

/**
 * `npm run bench`: the whole system on DynamoDB Local (data on disk, as npm start) at two
 * sizes, 2,000 and 20,000 products (five events each), each size in a process
 * of its own (bench/measure-size.ts): DynamoDB Local's own conditional-PutItem
 * rate (the ceiling), the backfill, historical KPIs, snapshot reads, freshness,
 * the rebuild and the resident memory; then the ceiling and the backfill again
 * with DynamoDB Local in memory (`npm start --in-memory`). Prints each figure beside the goal of
 * issue 9 and writes them all to .bench/results.json. Nothing here is asserted:
 * the machine is noisy, so throughput is given as a share of the ceiling.
 * `--quick` runs 300 and 1,500 products with shorter phases (a smoke run).
 *
 * First, the functions' cold start (bench/cold-starts): each synthesized asset's module load beside its SDK-only
 * floor. `--only cold-starts` runs that alone (about a minute), `--only sizes` the sizes alone.
 *
 * Last, the import (issue 19, bench/measure-import.ts): a generated 5,000-row register (500 with --quick) dry-run and
 * imported through `npm run import` into a fresh system. `--only import` runs that alone.
 */
const PARTS = ['cold-starts', 'sizes', 'import'] as const;
const { values: args } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
const quick = args.quick ?? false;
if (args.only !== undefined && !(PARTS as readonly string[]).includes(args.only)) {
  console.error(`--only takes one of ${PARTS.join(', ')} (got ${args.only})`);
  process.exit(2);
}
const runs = (part: (typeof PARTS)[number]) => args.only === undefined || args.only === part;
const COLD_START_RUNS = quick ? 5 : 15;
const SIZES = quick ? [300, 1500] : [2000, 20000];
const IMPORT_ROWS = quick ? 500 : IMPORT_GOALS.rows;
const benchDir = resolve(__dirname, '..', '.bench');

/** Runs a measuring script in a process of its own and reads the JSON it writes. */
function measureIn<T>(script: string, args: readonly string[], out: string, what: string): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, script), ...args, '--out', out, ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done(JSON.parse(readFileSync(out, 'utf8')) as T) : fail(new Error(`the ${what} ended with ${signal ?? `exit code ${code}`}`))));
  });
}

const measure = (products: number) => measureIn<SizeResults>('measure-size.ts', ['--products', String(products)], resolve(benchDir, `size-${products}.json`), `${products}-product run`);
const measureImport = (rows: number) => measureIn<ImportResults>('measure-import.ts', ['--rows', String(rows)], resolve(benchDir, `import-${rows}.json`), `${rows}-row import run`);

async function main(): Promise<void> {
  console.log(`ocop-pulse bench: ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}${quick ? ' (quick)' : ''}`);
  mkdirSync(benchDir, { recursive: true });
  let coldStarts: ColdStartsResult | undefined;
  if (runs('cold-starts')) {
    console.log(`\n══ Cold starts: each function's module load beside its SDK-only floor, ${COLD_START_RUNS} fresh processes each ══`);
    coldStarts = await runColdStarts({ runs: COLD_START_RUNS });
    console.log(`\nCold starts (median of ${coldStarts.runs}, ${coldStarts.node}; goals of issue 20, informational, never asserted)\n`);
    console.log(formatTable(coldStartRows(coldStarts)));
  }
  const results: SizeResults[] = [];
  for (const [i, products] of (runs('sizes') ? SIZES : []).entries()) {
    console.log(`\n══ Size ${i + 1}/${SIZES.length}: ${products.toLocaleString('en')} products ══`);
    results.push(await measure(products));
  }

  let imported: ImportResults | undefined;
  if (runs('import')) {
    console.log(`\n══ Import: a ${IMPORT_ROWS.toLocaleString('en')}-row register through npm run import${quick ? ` (quick: the goals are for ${IMPORT_GOALS.rows.toLocaleString('en')} rows)` : ''} ══`);
    imported = await measureImport(IMPORT_ROWS);
  }
  const printImport = () => {
    if (!imported) return;
    console.log(`\nImport of a ${imported.import.rows.toLocaleString('en')}-row register${quick ? ' (quick)' : ''} (goals of issue 19, informational, never asserted)\n`);
    console.log(formatTable(importRows(imported)));
  };

  const file = resolve(benchDir, 'results.json');
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
  const goals = { ...GOALS, coldStarts: COLD_START_GOALS, import: IMPORT_GOALS };
  if (results.length === 0) {
    printImport();
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, quick, goals, coldStarts, import: imported }, null, 2)}\n`);
    console.log(`\nWritten to ${file}`);
    return;
  }

  console.log(`\nResults: each figure beside the goal of issues 9 and 20 (for a 2-core machine; informational, never asserted)`);
  for (const size of results) {
    console.log(`\n${size.products.toLocaleString('en')} products, ${size.events.toLocaleString('en')} events\n`);
    console.log(formatTable(sizeRows(size)));
  }
  if (coldStarts) {
    console.log(`\nCold starts (median of ${coldStarts.runs}; goals of issue 20)\n`);
    console.log(formatTable(coldStartRows(coldStarts)));
  }
  printImport();
  console.log(`\nScaling\n`);
  console.log(formatTable(scalingRows(results[0]!, results.at(-1)!)));

  const largest = results.at(-1)!;
  console.log(`\nDynamoDB requests by operation at ${largest.products.toLocaleString('en')} products (capacity as DynamoDB Local reports it):`);
  console.log(formatOperations('backfill, on disk', largest.backfill.dynamodb, largest.backfill.events));
  console.log(formatOperations('backfill, in memory', largest.inMemory.backfill.dynamodb, largest.inMemory.backfill.events));
  console.log(formatOperations(`steady ${largest.freshness.eventsPerSecond} events/s (the reader's GETs included)`, largest.freshness.dynamodbWithReader, largest.freshness.events));
  console.log(formatOperations(`GET /v1/kpis?asOf= (after the first)`, largest.kpisAsOf.dynamodb, Math.max(1, largest.kpisAsOf.requests)));
  console.log(formatOperations('rebuild', largest.rebuild.dynamodb, largest.rebuild.events));

  const rate = demoEventRate();
  const rates = measuredRates(largest);
  const prices = loadPrices();
  console.log(`\nWhat it costs a month on AWS (bench/cost; README, "What it costs"), from the steady state at ${largest.products.toLocaleString('en')} products:`);
  console.log(`  event rate ${rate.eventsPerProductPerYear.toFixed(2)} events per product per year (the demo history: ${rate.events.toLocaleString('en')} events over ${rate.productYears.toLocaleString('en')} product-years);`);
  console.log(`  measured per event ${rates.writeUnitsPerEvent.toFixed(2)} WCU, ${rates.readUnitsPerEvent.toFixed(2)} RCU; per API read ${rates.readUnitsPerApiRequest.toFixed(2)} RCU; ${Math.round(rates.storageBytesPerProduct).toLocaleString('en')} table bytes per product;`);
  console.log(`  functions per event: ${Object.entries(rates.functions).map(([id, f]) => `${id} ${f!.invocationsPerEvent.toFixed(2)} × ${Math.round(f!.meanMs)} ms`).join(', ')}; http-api ${Math.round(rates.apiMeanMs)} ms a request (local durations);`);
  console.log(`  assumed ${JSON.stringify(ASSUMPTIONS)}`);
  const costs = costScenarios(rate.eventsPerProductPerYear).map((scenario) => ({ scenario, table: monthlyCost(monthlyUsage(scenario, rates), prices) }));
  for (const { scenario, table } of costs) console.log(formatCostTable(scenario, table, prices));

  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, quick, goals, coldStarts, import: imported, sizes: results, cost: { eventRate: rate, rates, costs } }, null, 2)}\n`);
  console.log(`\nWritten to ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('\nThe bench failed:', error);
    process.exit(1);
  },
);
