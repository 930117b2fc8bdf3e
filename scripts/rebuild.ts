import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectToLocalSystem } from '../local/connect';
import { createProgressBar } from '../local/demo/progress-bar';
import { localPaths } from '../local/paths';
import { messageOf, runMain } from './run-main';

/**
 * `npm run rebuild` (local) or `npm run rebuild -- --aws` (the deployed stage whose table names are in the
 * environment: EVENTS_TABLE_NAME, PROJECTIONS_TABLE_NAME..., with AWS credentials): replays the event log into the
 * projections and the KPI read model, with a progress bar; run again after a crash, it resumes from its checkpoint.
 * Prints the KPIs of today that changed.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { aws: { type: 'boolean' }, checkpoint: { type: 'string' } } });
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const local = values.aws ? undefined : await connectToLocalSystem();
  try {
    const { rebuildProjections, kpiDiff } = require('../functions/rebuild/rebuild') as typeof import('../functions/rebuild/rebuild');
    const checkpointFile = values.checkpoint ?? join(values.aws ? '.' : localPaths().dataDir, 'rebuild-checkpoint.json');
    const bar = createProgressBar({ label: 'Rebuilding projections from the event log' });
    const result = await rebuildProjections({ checkpointFile, onProgress: (done, total) => bar.update(done, total) });
    bar.finish();
    console.log(`Replayed ${result.events} event(s) into ${result.aggregates} aggregate(s).`);
    const diff = kpiDiff(result.before, result.after);
    if (diff.length === 0) console.log('KPIs of today: unchanged.');
    else for (const d of diff) console.log(`  ${d.id}: ${d.before ?? '—'} → ${d.after}`);
    return 0;
  } finally {
    await local?.close();
  }
}

runMain(main, (error) => `rebuild failed: ${messageOf(error)}`);
