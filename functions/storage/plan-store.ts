import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { parsePlan, type Plan } from '../../domain';
import { dynamoDocumentClient, tableName } from './dynamodb-client';
import { readModelShardOf } from './projection-store';

/**
 * Plans live as data in the projections table (`PLAN#<id>`, kind "plan"), so
 * a province loads its next plan without a release (`npm run plan:load`).
 * Writing one also wakes the snapshot recompute through the table's stream.
 */
export const PLAN_KIND = 'plan';

export async function putPlan(plan: Plan): Promise<void> {
  const valid = parsePlan(plan);
  const now = new Date().toISOString();
  await dynamoDocumentClient().send(
    new PutCommand({
      TableName: tableName('projections'),
      Item: {
        pk: `PLAN#${valid.id}`,
        kind: PLAN_KIND,
        version: Date.now(),
        state: valid,
        updatedAt: now,
        // Plans ride the KPI read model too: a function that loads the records has the plans with them.
        kpi: JSON.stringify({ kind: PLAN_KIND, plan: valid }),
        kpiShard: readModelShardOf(`PLAN#${valid.id}`),
        changedAt: now,
      },
    }),
  );
}
