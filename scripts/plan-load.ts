/**
 * `npm run plan:load -- <plan.json> [more.json ...]`: loads plans (each its period and targets) as data,
 * so the KPIs follow the province's plans over time without a release. A plan applies only inside its
 * period; a day outside every period has no plan (docs/provinces-and-plans.md).
 * Locally it writes into the running `npm start` (or the .ocop/ data).
 * With `--aws`, it writes into the deployed projections table named by PROJECTIONS_TABLE_NAME,
 * with your AWS credentials (AWS_PROFILE / AWS_REGION).
 * Every file is checked before any is written; the snapshot is recomputed on its own (the projections stream).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePlan, type Plan } from '../domain';
import { connectToLocalSystem } from '../local/connect';
import { putPlan } from '../functions/storage/plan-store';
import { provinceOfDeployment } from '../functions/shared/province-config';
import { runMain } from './run-main';

const USAGE = 'Usage: npm run plan:load -- <plan.json> [more.json ...] [--aws]   (format: docs/provinces-and-plans.md; example: examples/plan.example.json)';

export class PlanFileError extends Error {
  override name = 'PlanFileError';
}

/** Reads and checks plan files: each valid, of one of the deployment's provinces over time, ids not repeated. */
export function readPlanFiles(files: readonly string[], provinceCodes: readonly string[]): Plan[] {
  const plans = files.map((file) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new PlanFileError(`${file}: cannot read it as JSON (${(error as Error).message})`, { cause: error });
    }
    const plan = parsePlan(data, file);
    if (!provinceCodes.includes(plan.provinceCode)) {
      throw new PlanFileError(`${file}: provinceCode ${plan.provinceCode} is none of this deployment's provinces over time (${provinceCodes.join(', ')})`);
    }
    return plan;
  });
  const ids = plans.map((plan) => plan.id);
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice !== undefined) throw new PlanFileError(`plan id ${twice} is in two of the files: an id names one plan`);
  return plans;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { aws: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const plans = readPlanFiles(positionals, provinceOfDeployment().periods.map((period) => period.code));
  const local = values.aws ? undefined : await connectToLocalSystem();
  try {
    for (const plan of plans) {
      await putPlan(plan);
      console.log(`Loaded plan ${plan.id} (${plan.period.start} .. ${plan.period.end}, ${Object.keys(plan.targets).length} targets)${values.aws ? ` into ${process.env.PROJECTIONS_TABLE_NAME}` : ' into the local system'}.`);
    }
    console.log('KPIs for days in a plan\'s period use its targets; a day outside every period has none.');
    return 0;
  } finally {
    await local?.close();
  }
}

if (require.main === module) runMain(main);
