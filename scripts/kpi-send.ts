import { parseArgs } from 'node:util';
import { connectToLocalSystem } from '../local/connect';
import { runMain } from './run-main';

/**
 * `npm run kpi:send -- [--period 2026-W48] [--force]`: sends the KPI email now
 * through the real handler, locally into the outbox (.ocop/outbox), and says
 * where the .eml files went. Without --force, a period already sent is not
 * sent again.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { period: { type: 'string' }, force: { type: 'boolean' } } });
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const local = await connectToLocalSystem();
  try {
    // Required here, not imported at the top: Powertools reads its settings above when the handler module loads.
    const { handler, ReportDeliveryError } = require('../functions/send-kpi-report/handler') as typeof import('../functions/send-kpi-report/handler');
    const { invocationContext } = require('../local/invocation-context') as typeof import('../local/invocation-context');
    const input = { ...(values.period && { period: values.period }), ...(values.force && { force: true }) };
    let result;
    try {
      result = await handler(input, invocationContext('send-kpi-report'));
    } catch (error) {
      if (!(error instanceof ReportDeliveryError)) throw error;
      result = error.result;
    }
    if (result.outcome === 'no-snapshot') {
      console.log(result.message);
      return 0;
    }
    console.log(`KPI report ${result.period} (snapshot of ${result.snapshotAsOf}${result.previousPeriod ? `, compared with ${result.previousPeriod}` : ', first report'}): ${result.recipients} recipient(s)`);
    if (result.recipients === 0) console.log('No active stakeholder: add one with `npm run stakeholders -- add ...`.');
    for (const s of result.sent) console.log(`  sent      ${s.stakeholderId}  ${s.location ?? s.messageId}`);
    for (const s of result.alreadySent) console.log(`  already   ${s.stakeholderId}  (sent ${s.sentAt}; use --force to send again)`);
    for (const f of result.failed) console.log(`  FAILED    ${f.stakeholderId}  ${f.errorName}: ${f.reason}`);
    console.log(`Outbox: ${local.outboxDir}`);
    return result.failed.length > 0 ? 1 : 0;
  } finally {
    await local.close();
  }
}

runMain(main, (error) => error);
