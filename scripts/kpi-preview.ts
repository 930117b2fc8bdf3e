import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectToLocalSystem } from '../local/connect';
import { localPaths } from '../local/paths';
import { vnDayOf } from '../domain';
import { LANGUAGES, parsePeriodId, periodOfInstant, PROVINCE_RECIPIENT_SCOPE, renderKpiReport, type Language } from '../report';
import { unitDirectoryOfDeployment } from '../functions/shared/unit-directory';
import { checkUnitInForce, describeUnitCheck } from '../domain';
import { previousReportSnapshot } from '../functions/storage/report-snapshot-store';
import { latestSnapshot } from '../functions/storage/snapshot-store';
import { runMain } from './run-main';

/**
 * `npm run kpi:preview -- [--language vi|en] [--scope province|<unit code>] [--period 2026-W48] [--out <dir>]`:
 * renders the KPI email of the latest snapshot as a recipient would get it,
 * writes the HTML and the plain text (default .ocop/preview/) and prints the paths. Sends nothing.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { language: { type: 'string', default: 'vi' }, scope: { type: 'string', default: PROVINCE_RECIPIENT_SCOPE }, period: { type: 'string' }, out: { type: 'string' } },
  });
  const language = values.language as Language;
  if (!LANGUAGES.includes(language)) throw new Error(`--language must be one of ${LANGUAGES.join(', ')}`);
  const now = new Date();
  const period = values.period ? parsePeriodId(values.period) : periodOfInstant(now);
  const local = await connectToLocalSystem();
  try {
    const latest = await latestSnapshot();
    if (!latest) {
      console.log('No KPI snapshot has been computed yet: nothing to preview. Start the system with demo data (npm start) or load events first.');
      return 1;
    }
    if (values.scope !== PROVINCE_RECIPIENT_SCOPE) {
      // The scope of the preview: a unit in force on the snapshot's day (a commune or ward after the 2025 reform, a district before).
      const check = checkUnitInForce(await unitDirectoryOfDeployment(), values.scope!, latest.snapshot.asOfDay);
      if (!check.ok) throw new Error(`--scope must be "province" or the code of a unit in force on ${latest.snapshot.asOfDay}: ${describeUnitCheck(check, values.scope!, latest.snapshot.asOfDay)}`);
    }
    const previous = await previousReportSnapshot(period);
    const report = renderKpiReport({
      snapshot: latest.snapshot,
      ...(previous && { previous: { snapshot: previous.snapshot, period: previous.period } }),
      period,
      reportDay: vnDayOf(now),
      recipient: { language, scope: values.scope! },
    });
    const dir = resolve(values.out ?? join(localPaths().dataDir, 'preview'));
    mkdirSync(dir, { recursive: true });
    const base = join(dir, `kpi-report-${period.id}-${language}-${values.scope}`);
    writeFileSync(`${base}.html`, report.html);
    writeFileSync(`${base}.txt`, report.text);
    console.log(`Subject: ${report.subject}`);
    console.log(`HTML:    ${base}.html`);
    console.log(`Text:    ${base}.txt`);
    return 0;
  } finally {
    await local.close();
  }
}

runMain(main);
