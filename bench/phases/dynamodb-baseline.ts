import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { createTables, tableNames } from '../../local/create-tables';
import { LOCAL_AWS } from '../../local/dynamodb-local';
import { LOCAL_TABLE_PREFIX } from '../../local/paths';
import { PROVINCE_SCOPE } from '../../functions/storage/snapshot-store';
import { summarizeLatencies, type LatencySummary } from '../stats';

/**
 * DynamoDB Local alone, with the bare SDK and no function around it, on the
 * same machine in the same run: the ceiling the system's figures are measured
 * against.
 * - conditional PutItem (`attribute_not_exists`) from `writeCallers` callers at
 *   once, of event-log items, into a scratch table of the event log's
 *   definition: what the database gives a writer;
 * - the Query behind GET /v1/snapshots/latest, from `readClients` at once
 *   (once the system has a snapshot).
 */
export interface ConditionalPutCeiling {
  puts: number;
  callers: number;
  putsPerSecond: number;
  latencyMs: LatencySummary;
}

export interface SnapshotQueryCeiling {
  requests: number;
  clients: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
}

const SCRATCH_PREFIX = 'bench-baseline';

function documentClient(endpoint: string) {
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint });
  return { client, doc: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }) };
}

/** A sample event-log item of the same shape and size as the system writes (the envelope of a listing). */
function sampleLogItem(n: number): Record<string, unknown> {
  const detail = { eventId: `baseline-${n}`, schemaVersion: 1, occurredAt: '2024-05-01T09:00:00+07:00', districtCode: '842', productId: `BASELINE-${n}`, marketplace: 'postmart', listingUrl: `https://postmart.example.vn/p/baseline-${n}`, listedAt: '2024-05-01T09:00:00+07:00' };
  const envelope = { version: '0', id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, 'detail-type': 'ProductListedOnMarketplace', source: 'ocop.district.842', account: '000000000000', time: '2024-05-01T02:00:00Z', region: 'ap-southeast-1', resources: [], detail };
  return { eventId: detail.eventId, aggregateKey: `PRODUCT#${detail.productId}`, detailType: envelope['detail-type'], source: envelope.source, contentHash: 'f'.repeat(64), receivedAt: '2024-05-01T02:00:01.000Z', envelope };
}

export async function measureConditionalPuts(options: { endpoint: string; puts: number; callers: number; runId: string }): Promise<ConditionalPutCeiling> {
  const { client, doc } = documentClient(options.endpoint);
  try {
    const prefix = `${SCRATCH_PREFIX}-${options.runId}`;
    await createTables(client, prefix);
    const table = tableNames(prefix).events;
    const put = (n: number) => doc.send(new PutCommand({ TableName: table, Item: sampleLogItem(n), ConditionExpression: 'attribute_not_exists(eventId)' }));
    await timed(Math.min(500, options.puts), options.callers, (n) => put(-1 - n)); // warm-up: the JIT of both sides
    const measured = await timed(options.puts, options.callers, put);
    return { puts: options.puts, callers: options.callers, putsPerSecond: measured.perSecond, latencyMs: measured.latencyMs };
  } finally {
    client.destroy();
  }
}

export async function measureSnapshotQuery(options: { endpoint: string; requests: number; clients: number }): Promise<SnapshotQueryCeiling> {
  const { client, doc } = documentClient(options.endpoint);
  try {
    const snapshots = tableNames(LOCAL_TABLE_PREFIX).snapshots;
    const measured = await timed(options.requests, options.clients, () =>
      doc.send(
        new QueryCommand({
          TableName: snapshots,
          KeyConditionExpression: '#scope = :scope',
          ExpressionAttributeNames: { '#scope': 'scope' },
          ExpressionAttributeValues: { ':scope': PROVINCE_SCOPE },
          ScanIndexForward: false,
          Limit: 1,
        }),
      ),
    );
    return { requests: options.requests, clients: options.clients, requestsPerSecond: measured.perSecond, latencyMs: measured.latencyMs };
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
