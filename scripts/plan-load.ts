/**
 * `npm run plan:load -- <plan.json>`: loads a plan (its period and targets) as data,
 * so the KPIs follow the province's next plan without a release.
 * Locally it writes into the running `npm start` (or the .ocop/ data).
 * With `--aws`, it writes into the deployed projections table named by PROJECTIONS_TABLE_NAME,
 * with your AWS credentials (AWS_PROFILE / AWS_REGION).
 * The snapshot is recomputed on its own: writing the plan wakes the projections stream.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePlan } from '../domain';
import { connectToLocalSystem } from '../local/connect';
import { putPlan } from '../functions/shared/plan-store';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { aws: { type: 'boolean' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) {
    console.error('Usage: npm run plan:load -- <plan.json> [--aws]   (see domain/data/tra-vinh-plan-53-kh-ubnd.plan.json for the format)');
    return 2;
  }
  const plan = parsePlan(JSON.parse(readFileSync(file, 'utf8')), file);
  const local = values.aws ? undefined : await connectToLocalSystem();
  try {
    await putPlan(plan);
    console.log(`Loaded plan ${plan.id} (${plan.period.start} .. ${plan.period.end}, ${Object.keys(plan.targets).length} targets)${values.aws ? ` into ${process.env.PROJECTIONS_TABLE_NAME}` : ' into the local system'}.`);
    console.log('KPIs for days in its period now use its targets.');
    return 0;
  } finally {
    await local?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
