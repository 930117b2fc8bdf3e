import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { createTables, tableNames } from '../../local/create-tables';
import { LOCAL_AWS } from '../../local/dynamodb-local';
import { LOCAL_TABLE_PREFIX } from '../../local/paths';
import { summarizeLatencies, type LatencySummary } from '../stats';

/**
 * DynamoDB Local alone, with the bare SDK and no function around it, on the
 * same machine and the same items: the ceiling the system's figures are
 * bounded by.
 * - the write path of one accepted event (put in the event log, consistent get
 *   of the projection, put of the projection), `writeConcurrency` events at
 *   once as the local bus delivers them, into scratch tables of the same
 *   definitions, with copies of the real items;
 * - the Query behind GET /v1/snapshots/latest, from `readClients` at once.
 */
export interface DynamoDbBaselineResult {
  writePath: { events: number; concurrency: number; eventsPerSecond: number; latencyMs: LatencySummary };
  latestSnapshotQuery: { requests: number; clients: number; requestsPerSecond: number; latencyMs: LatencySummary };
}

const SCRATCH_PREFIX = 'bench-baseline';

export async function runDynamoDbBaseline(options: { endpoint: string; events: number; writeConcurrency: number; readClients: number; readRequests: number }): Promise<DynamoDbBaselineResult> {
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: options.endpoint });
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  try {
    const real = tableNames(LOCAL_TABLE_PREFIX);
    const scratch = tableNames(SCRATCH_PREFIX);
    await createTables(client, SCRATCH_PREFIX);
    // Product items only: the table also holds the plans and the units store (one large item), which no event writes.
    const projections = ((await doc.send(new ScanCommand({ TableName: real.projections, Limit: 200 }))).Items ?? []).filter((item) => item.kind === 'product');
    const logged = (await doc.send(new ScanCommand({ TableName: real.events, Limit: 200 }))).Items ?? [];

    const writePath = await timed(options.events, options.writeConcurrency, async (n) => {
      const projection = projections[n % projections.length]!;
      const record = logged[n % logged.length]!;
      const pk = `PRODUCT#BASELINE-${n}`;
      await doc.send(new PutCommand({ TableName: scratch.events, Item: { ...record, eventId: `baseline-${n}`, aggregateKey: pk }, ConditionExpression: 'attribute_not_exists(eventId)' }));
      await doc.send(new GetCommand({ TableName: scratch.projections, Key: { pk }, ConsistentRead: true }));
      await doc.send(new PutCommand({ TableName: scratch.projections, Item: { ...projection, pk }, ConditionExpression: 'attribute_not_exists(pk)' }));
    });

    const latestSnapshotQuery = await timed(options.readRequests, options.readClients, () =>
      doc.send(
        new QueryCommand({
          TableName: real.snapshots,
          KeyConditionExpression: '#scope = :scope',
          ExpressionAttributeNames: { '#scope': 'scope' },
          ExpressionAttributeValues: { ':scope': 'province' },
          ScanIndexForward: false,
          Limit: 1,
        }),
      ),
    );
    return {
      writePath: { events: options.events, concurrency: options.writeConcurrency, eventsPerSecond: writePath.perSecond, latencyMs: writePath.latencyMs },
      latestSnapshotQuery: { requests: options.readRequests, clients: options.readClients, requestsPerSecond: latestSnapshotQuery.perSecond, latencyMs: latestSnapshotQuery.latencyMs },
    };
  } finally {
    client.destroy();
  }
}

async function timed(total: number, concurrency: number, operation: (n: number) => Promise<unknown>): Promise<{ perSecond: number; latencyMs: LatencySummary }> {
  const latencies: number[] = [];
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const n = next++;
        const at = performance.now();
        await operation(n);
        latencies.push(performance.now() - at);
      }
    }),
  );
  return { perSecond: Math.round(total / ((performance.now() - startedAt) / 1000)), latencyMs: summarizeLatencies(latencies) };
}
