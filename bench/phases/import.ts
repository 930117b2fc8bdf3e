import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { registeredProducts } from '../../functions/shared/product-register-source';
import type { DynamoDbCountingProxy } from '../dynamodb-counting-proxy';

/**
 * The import phase's two timings (issue 19), each wall clock, end to end as an officer runs them:
 * - the dry run: `npm run import -- <file> --dry-run` from its start to its exit (read the workbook, check every
 *   row against the running system's units and products, write the marked-up report);
 * - the import: `npm run import -- <file>` from its start until every product of the file is in the projections
 *   with its certificate (the event log's appends counted by the proxy, then the store read until all are there).
 * The commands run as child processes pointed at the bench's system by OCOP_DATA_DIR (its runtime announcement).
 */
export interface ImportPhaseResult {
  rows: number;
  /** Events the rows stand for (a registration and a rating each). */
  events: number;
  fileBytes: number;
  dryRunSeconds: number;
  /** The import command's own run: read, check, publish (PutEvents accepted). */
  publishSeconds: number;
  /** From the import command's start until every product is in the projections. */
  settleSeconds: number;
  /** DynamoDB write requests of the system per event during the import (the counting proxy). */
  writeRequestsPerEvent: number;
}

export class ImportPhaseError extends Error {
  override name = 'ImportPhaseError';
}

const REPOSITORY = resolve(__dirname, '..', '..');

/** Runs `npm run import -- …args` on the system of `dataDir`; resolves with its wall-clock seconds, fails on a non-zero exit. */
function runImportCommand(args: readonly string[], dataDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const startedAt = performance.now();
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'import', '--', ...args], { cwd: REPOSITORY, env: { ...env, OCOP_DATA_DIR: resolve(dataDir) }, stdio: 'inherit' });
    child.on('error', (error) => fail(new ImportPhaseError(`npm run import -- ${args.join(' ')} did not start`, { cause: error })));
    child.on('exit', (code, signal) =>
      code === 0 ? done((performance.now() - startedAt) / 1000) : fail(new ImportPhaseError(`npm run import -- ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}`)),
    );
  });
}

export async function runImportPhase(options: {
  file: string;
  fileBytes: number;
  rows: number;
  events: number;
  dataDir: string;
  /** The environment the commands start with (the driver's own, before it pointed at the system). */
  env: NodeJS.ProcessEnv;
  proxy: DynamoDbCountingProxy;
  eventLogTable: string;
  /** Fail when the event log has not grown for this long after the import command ended. */
  stallMs: number;
}): Promise<ImportPhaseResult> {
  const { proxy } = options;
  console.log(`  dry run: npm run import -- ${options.file} --dry-run`);
  const dryRunSeconds = await runImportCommand([options.file, '--dry-run'], options.dataDir, options.env);
  console.log(`  dry run: ${round(dryRunSeconds)} s`);

  proxy.reset();
  const startedAt = performance.now();
  console.log(`  import: npm run import -- ${options.file}`);
  const publishSeconds = await runImportCommand([options.file], options.dataDir, options.env);
  console.log(`  import command ended after ${round(publishSeconds)} s; waiting for the projections`);

  const logged = () => proxy.counts().byOperation.filter((e) => e.table === options.eventLogTable).reduce((total, e) => total + e.itemsWritten, 0);
  let progressAt = performance.now();
  let lastLogged = -1;
  for (;;) {
    const now = logged();
    if (now !== lastLogged) [lastLogged, progressAt] = [now, performance.now()];
    // The store is read only once the log holds every event: a scan of the products is no free poll on two cores.
    if (now >= options.events) {
      const rated = (await registeredProducts()).filter((state) => state.decisions.length > 0).length;
      if (rated >= options.rows) break;
    }
    if (performance.now() - progressAt > options.stallMs) {
      throw new ImportPhaseError(`No event was logged for ${options.stallMs / 1000} s: ${lastLogged} of ${options.events} events logged`);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  const settleSeconds = (performance.now() - startedAt) / 1000;
  const writes = proxy.counts().writes;
  console.log(`  settled after ${round(settleSeconds)} s: ${options.rows} products, ${options.events} events`);
  return {
    rows: options.rows,
    events: options.events,
    fileBytes: options.fileBytes,
    dryRunSeconds: round(dryRunSeconds),
    publishSeconds: round(publishSeconds),
    settleSeconds: round(settleSeconds),
    writeRequestsPerEvent: Math.round((writes / options.events) * 100) / 100,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
