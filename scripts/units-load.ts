/**
 * `npm run units:load -- <units.csv> [more.csv ...] [--aws]`: loads administrative
 * units files (format: docs/units.md) into the units store, so the province
 * follows a reform or a correction without a release. The files are checked
 * each on its own and then together with the files already stored (a file of
 * the same name is replaced); a bad file is refused whole, naming its line and
 * column, and nothing is written. Loading the same files again writes nothing.
 * Locally it writes into the running `npm start` (or the .ocop/ data); with
 * `--aws`, into the deployed projections table named by PROJECTIONS_TABLE_NAME,
 * with your AWS credentials (AWS_PROFILE / AWS_REGION).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectToLocalSystem } from '../local/connect';
import { loadUnitsFiles } from '../local/units-load';
import { messageOf, runMain } from './run-main';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { aws: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('Usage: npm run units:load -- <units.csv> [more.csv ...] [--aws]   (format: docs/units.md; the shipped files: domain/data/units/)');
    return 2;
  }
  const files = positionals.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const local = values.aws ? undefined : await connectToLocalSystem();
  try {
    await loadUnitsFiles(files, { say: (line) => console.log(line), target: values.aws ? process.env.PROJECTIONS_TABLE_NAME ?? 'the deployed projections table' : 'the local system' });
    return 0;
  } finally {
    await local?.close();
  }
}

runMain(main, (error) => `units:load: nothing was written. ${messageOf(error)}`);
