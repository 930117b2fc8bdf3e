import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { formatOperations, formatTable, GOALS, scalingRows, sizeRows, type SizeResults } from './report';

/**
 * `npm run bench`: the whole system on DynamoDB Local (data on disk, as npm start) at two
 * sizes, 2,000 and 20,000 products (five events each), each size in a process
 * of its own (bench/measure-size.ts): DynamoDB Local's own conditional-PutItem
 * rate (the ceiling), the backfill, historical KPIs, snapshot reads, freshness,
 * the rebuild and the resident memory. Prints each figure beside the goal of
 * issue 9 and writes them all to .bench/results.json. Nothing here is asserted:
 * the machine is noisy, so throughput is given as a share of the ceiling.
 * `--quick` runs 300 and 1,500 products with shorter phases (a smoke run).
 */
const quick = process.argv.includes('--quick');
const SIZES = quick ? [300, 1500] : [2000, 20000];
const benchDir = resolve(__dirname, '..', '.bench');

function measure(products: number): Promise<SizeResults> {
  const out = resolve(benchDir, `size-${products}.json`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'measure-size.ts'), '--products', String(products), '--out', out, ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done(JSON.parse(readFileSync(out, 'utf8')) as SizeResults) : fail(new Error(`the ${products}-product run ended with ${signal ?? `exit code ${code}`}`))));
  });
}

async function main(): Promise<void> {
  console.log(`ocop-pulse bench: ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}${quick ? ' (quick)' : ''}`);
  mkdirSync(benchDir, { recursive: true });
  const results: SizeResults[] = [];
  for (const [i, products] of SIZES.entries()) {
    console.log(`\n══ Size ${i + 1}/${SIZES.length}: ${products.toLocaleString('en')} products ══`);
    results.push(await measure(products));
  }

  console.log(`\nResults: each figure beside the goal of issue 9 (for a 2-core machine; informational, never asserted)`);
  for (const size of results) {
    console.log(`\n${size.products.toLocaleString('en')} products, ${size.events.toLocaleString('en')} events\n`);
    console.log(formatTable(sizeRows(size)));
  }
  console.log(`\nScaling\n`);
  console.log(formatTable(scalingRows(results[0]!, results.at(-1)!)));

  const largest = results.at(-1)!;
  console.log(`\nDynamoDB requests by operation at ${largest.products.toLocaleString('en')} products (capacity as DynamoDB Local reports it):`);
  console.log(formatOperations('backfill', largest.backfill.dynamodb, largest.backfill.events));
  console.log(formatOperations(`steady ${largest.freshness.eventsPerSecond} events/s (the reader's GETs included)`, largest.freshness.dynamodbWithReader, largest.freshness.events));
  console.log(formatOperations(`GET /v1/kpis?asOf= (after the first)`, largest.kpisAsOf.dynamodb, Math.max(1, largest.kpisAsOf.requests)));
  console.log(formatOperations('rebuild', largest.rebuild.dynamodb, largest.rebuild.events));

  const file = resolve(benchDir, 'results.json');
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, quick, goals: GOALS, sizes: results }, null, 2)}\n`);
  console.log(`\nWritten to ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('\nThe bench failed:', error);
    process.exit(1);
  },
);
