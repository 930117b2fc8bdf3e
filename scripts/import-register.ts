/**
 * `npm run import -- <register.xlsx|register.csv> [--dry-run] [--language en] [--aws [--stage dev|prod] [--province tra-vinh]]`
 * `npm run import -- --template <out.xlsx> [--language en]`
 *
 * Imports a province's product register (README, "Onboarding a province from
 * its spreadsheets"). Every row is checked first with the pipeline's rules;
 * the events are published (source ocop.province, PutEvents) only when every
 * row passes. With --dry-run nothing is published, and a copy of the sheet
 * with the offending cells marked is written next to the input.
 * Locally it reads the running `npm start` (or the .ocop/ data) and publishes
 * to its bus; with --aws, the deployed stage: its bus and region from the
 * stage configuration (infra/config/), the projections table named by
 * PROJECTIONS_TABLE_NAME (as plan:load and units:load), with your AWS
 * credentials (AWS_PROFILE).
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unitsInForce, vnDayOf } from '../domain';
import { loadStageConfig } from '../infra/config/stage-config';
import { connectToLocalSystem } from '../local/connect';
import { createProgressBar } from '../local/demo/progress-bar';
import { LANGUAGES, registerLabelsFor, type Language } from '../report/labels';
import { importTemplateWorkbook } from '../report/workbooks/import-template';
import { workbookBuffer } from '../report/workbooks/table-sheet';
import { dryRunReport, importRegister, RegisterFileError } from '../functions/shared/register-import';
import { unitDirectoryOfDeployment } from '../functions/shared/unit-directory';
import { messageOf, runMain } from './run-main';

const USAGE =
  'Usage: npm run import -- <register.xlsx|register.csv> [--dry-run] [--language en] [--aws [--stage dev|prod] [--province tra-vinh]]\n       npm run import -- --template <out.xlsx> [--language en] [--aws …]';

/** Where the dry run's workbook goes: next to the input, `<name>.kiem-tra.xlsx` (`.dry-run.xlsx` in English). */
export function reportPathOf(input: string, language: Language): string {
  const suffix = language === 'vi' ? 'kiem-tra' : 'dry-run';
  return join(dirname(resolve(input)), `${basename(input, extname(input))}.${suffix}.xlsx`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { 'dry-run': { type: 'boolean' }, language: { type: 'string' }, aws: { type: 'boolean' }, stage: { type: 'string', default: 'dev' }, province: { type: 'string', default: 'tra-vinh' }, template: { type: 'string' } },
    allowPositionals: true,
  });
  const language = (values.language ?? 'vi') as Language;
  if (!LANGUAGES.includes(language) || (positionals.length !== 1 && values.template === undefined)) {
    console.error(USAGE);
    return 2;
  }
  if (values.aws) {
    const config = loadStageConfig({ stage: values.stage!, province: values.province! });
    process.env.EVENT_BUS_NAME ??= config.eventBusName;
    process.env.AWS_REGION ??= config.aws.region;
    if (!process.env.PROJECTIONS_TABLE_NAME) {
      console.error('--aws: set PROJECTIONS_TABLE_NAME to the stage\'s projections table (the stack output), as for npm run units:load.');
      return 2;
    }
  }
  const local = values.aws ? undefined : await connectToLocalSystem();
  try {
    if (!values.aws) {
      const eventsUrl = local?.running?.eventsUrl;
      if (!eventsUrl && !values['dry-run'] && values.template === undefined) {
        console.error('No npm start is running: start it (npm start) to import, or use --dry-run, or --aws for a deployed stage.');
        return 1;
      }
      if (eventsUrl) process.env.EVENTS_ENDPOINT = eventsUrl;
    }
    if (values.template !== undefined) {
      const directory = await unitDirectoryOfDeployment();
      const { workbook } = importTemplateWorkbook(unitsInForce(directory.units, vnDayOf(new Date())), language);
      writeFileSync(values.template, await workbookBuffer(workbook));
      console.log(values.template);
      return 0;
    }
    return await runImport(positionals[0]!, language, values['dry-run'] === true, values.aws === true);
  } finally {
    await local?.close();
  }
}

async function runImport(path: string, language: Language, dryRun: boolean, aws: boolean): Promise<number> {
  const labels = registerLabelsFor(language);
  // One bar per phase: the rows checked, then the events published.
  let bar = createProgressBar({ label: 'check' });
  let phase = 'check';
  const summary = await importRegister(
    { file: readFileSync(path), fileName: basename(path) },
    {
      dryRun,
      language,
      ...(!aws && { target: { client: new EventBridgeClient({ endpoint: process.env.EVENTS_ENDPOINT, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }) } }),
      onProgress: ({ phase: now, done, total }) => {
        if (now !== phase) {
          bar.finish();
          bar = createProgressBar({ label: now });
          phase = now;
        }
        if (total >= 200) bar.update(done, total);
      },
    },
  );
  bar.finish();
  const s = labels.summary;
  console.log(`${s.rowsRead}: ${summary.rowsRead}`);
  console.log(`${s.unchanged}: ${summary.rowsUnchanged}`);
  console.log(`${s.rejected}: ${summary.rejected.length}`);
  for (const row of summary.rejected.slice(0, 20)) {
    for (const problem of row.problems) console.log(`  ${row.rowNumber}${row.productId ? ` (${row.productId})` : ''}: ${problem.reason}`);
  }
  if (summary.rejected.length > 20) console.log(`  … ${summary.rejected.length - 20} more`);
  console.log(`${s.published}: ${summary.eventsPublished}${dryRun ? ` (dry run: ${summary.eventsToPublish})` : ''}`);
  if ((dryRun || summary.rejected.length > 0) && summary.table) {
    const out = reportPathOf(path, language);
    writeFileSync(out, await dryRunReport(summary.table, summary.rejected, language));
    console.log(s.reportWritten(out));
  }
  if (summary.rejected.length > 0) {
    console.log(s.nothingPublished);
    return 1;
  }
  return 0;
}

runMain(main, (error) => (error instanceof RegisterFileError ? `import: ${error.message}` : `import: nothing was imported. ${messageOf(error)}`));
