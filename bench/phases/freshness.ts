import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { performance } from 'node:perf_hooks';
import { LOCAL_AWS } from '../../local/dynamodb-local';
import { createProgressBar } from '../../local/demo/progress-bar';
import type { ApiClient } from '../api-client';
import type { DynamoDbCountingProxy, DynamoDbCounts } from '../dynamodb-counting-proxy';
import { indicatorValue } from '../expected-snapshot';
import { freshRegistration } from '../synthetic-history';
import { summarizeLatencies, type LatencySummary } from '../stats';

/**
 * Phase 2: a steady stream of events, each one PutEvents call, every one a new
 * registration of today so that it adds exactly 1 to `dossiers.year`. A reader
 * polls GET /v1/snapshots/latest every `pollMs`; event n (0-based) counts as
 * reflected by the first answer whose `dossiers.year` is at least base + n + 1.
 * (With four deliveries at once, a later event can be projected a few ms before
 * an earlier one; the count then credits the earlier one, which is within the
 * poll interval.)
 */
export interface FreshnessResult {
  eventsPerSecond: number;
  events: number;
  pollMs: number;
  delayMs: LatencySummary;
  snapshotGets: number;
  /** What the system did, the reader's GETs taken out. */
  dynamodb: DynamoDbCounts;
  dynamodbWithReader: DynamoDbCounts;
}

export class FreshnessTimeoutError extends Error {
  override name = 'FreshnessTimeoutError';
}

export class PutEventsFailedError extends Error {
  override name = 'PutEventsFailedError';
}

export async function runFreshness(options: {
  eventsUrl: string;
  busName: string;
  api: ApiClient;
  proxy: DynamoDbCountingProxy;
  eventsPerSecond: number;
  seconds: number;
  pollMs?: number;
  /** The reads and capacity one GET /v1/snapshots/latest costs (measured by the snapshot-reads phase), taken out of the counts. */
  perGet: { reads: number; readCapacityUnits: number };
}): Promise<FreshnessResult> {
  const { api, proxy, eventsPerSecond, seconds } = options;
  const pollMs = options.pollMs ?? 50;
  const total = Math.round(eventsPerSecond * seconds);
  const intervalMs = 1000 / eventsPerSecond;
  const base = indicatorValue((await api.latestSnapshot())!, 'dossiers.year') ?? 0;
  const client = new EventBridgeClient({ ...LOCAL_AWS, endpoint: options.eventsUrl });
  const sentAt: number[] = [];
  const reflectedAt: number[] = [];
  const bar = createProgressBar({ label: `  ${eventsPerSecond} events/s, reflected` });

  proxy.reset();
  let gets = 0;
  const startedAt = performance.now();
  const send = async () => {
    for (let n = 0; n < total; n += 1) {
      const due = startedAt + n * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const event = freshRegistration(n + 1, new Date());
      sentAt[n] = performance.now();
      const output = await client.send(
        new PutEventsCommand({ Entries: [{ EventBusName: options.busName, Source: event.source, DetailType: event.detailType, Detail: JSON.stringify(event.detail) }] }),
      );
      if (output.FailedEntryCount) throw new PutEventsFailedError(`PutEvents refused ${event.detail.eventId}: ${output.Entries?.[0]?.ErrorCode} ${output.Entries?.[0]?.ErrorMessage}`);
    }
  };
  const poll = async () => {
    const deadline = startedAt + seconds * 1000 + 60_000;
    while (reflectedAt.length < total) {
      if (performance.now() > deadline) throw new FreshnessTimeoutError(`${total - reflectedAt.length} of ${total} events not reflected 60 s after the last was sent`);
      const answer = await api.getLatest();
      gets += 1;
      const at = performance.now();
      if (answer.status === 200) {
        const reflected = Math.min(total, (indicatorValue(JSON.parse(answer.body), 'dossiers.year') ?? base) - base);
        // Only events already sent can be credited.
        while (reflectedAt.length < reflected && reflectedAt.length < sentAt.length) reflectedAt.push(at);
        bar.update(reflectedAt.length, total);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  await Promise.all([send(), poll()]);
  bar.finish();
  client.destroy();

  const withReader = proxy.counts();
  return {
    eventsPerSecond,
    events: total,
    pollMs,
    delayMs: summarizeLatencies(reflectedAt.map((at, n) => at - sentAt[n]!)),
    snapshotGets: gets,
    dynamodb: withoutReader(withReader, gets, options.perGet),
    dynamodbWithReader: withReader,
  };
}

function withoutReader(counts: DynamoDbCounts, gets: number, perGet: { reads: number; readCapacityUnits: number }): DynamoDbCounts {
  return {
    ...counts,
    reads: counts.reads - Math.round(gets * perGet.reads),
    readCapacityUnits: counts.readCapacityUnits - gets * perGet.readCapacityUnits,
  };
}
