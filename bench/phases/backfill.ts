import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { performance } from 'node:perf_hooks';
import type { InboundEvent } from '../../events';
import { vnDayOf, type KpiSnapshot } from '../../domain';
import { LOCAL_AWS } from '../../local/dynamodb-local';
import { loadDemo } from '../../local/demo/load-demo';
import { createProgressBar } from '../../local/demo/progress-bar';
import type { ApiClient } from '../api-client';
import type { DynamoDbCountingProxy, DynamoDbCounts } from '../dynamodb-counting-proxy';
import { expectedSnapshot, indicatorValue, sameFigures } from '../expected-snapshot';

/**
 * Phase 1: the whole history published as fast as PutEvents takes it (10
 * entries a call, FailedEntryCount checked and retried by loadDemo), then the
 * latest snapshot read every 100 ms until its figures equal the expected ones.
 * The settle rate is events / (settled − first PutEvents).
 */
export interface BackfillResult {
  events: number;
  publishSeconds: number;
  settleSeconds: number;
  eventsPerSecond: number;
  snapshotsSeen: number;
  dynamodb: DynamoDbCounts;
}

export class BackfillDidNotSettleError extends Error {
  override name = 'BackfillDidNotSettleError';
}

export async function runBackfill(options: {
  events: readonly InboundEvent[];
  eventsUrl: string;
  busName: string;
  api: ApiClient;
  proxy: DynamoDbCountingProxy;
  eventLogTable: string;
  /** Fail when the event log has not grown for this long. */
  stallMs: number;
}): Promise<BackfillResult> {
  const { events, api, proxy } = options;
  const expectedByDay = new Map<string, KpiSnapshot>();
  const expectedFor = (asOf: string) => {
    const day = vnDayOf(asOf);
    if (!expectedByDay.has(day)) expectedByDay.set(day, expectedSnapshot(events, asOf));
    return expectedByDay.get(day)!;
  };
  const target = indicatorValue(expectedFor(new Date().toISOString()), 'ocop.active');

  proxy.reset();
  const client = new EventBridgeClient({ ...LOCAL_AWS, endpoint: options.eventsUrl });
  const publishBar = createProgressBar({ label: '  published (PutEvents)' });
  const startedAt = performance.now();
  await loadDemo({ client, eventBusName: options.busName, events, onProgress: ({ published, total }) => publishBar.update(published, total) });
  publishBar.finish();
  const publishedAt = performance.now();
  client.destroy();

  const projectedBar = createProgressBar({ label: '  projected (event log)' });
  const appended = () => proxy.counts().byOperation.filter((e) => e.table === options.eventLogTable).reduce((total, e) => total + e.itemsWritten, 0);
  let progressAt = performance.now();
  let lastAppended = 0;
  let snapshotsSeen = 0;
  let lastAsOf = '';
  let lastActive: number | undefined;
  for (;;) {
    const logged = appended();
    if (logged !== lastAppended) [lastAppended, progressAt] = [logged, performance.now()];
    projectedBar.update(Math.min(logged, events.length), events.length);
    const snapshot = await api.latestSnapshot();
    if (snapshot && snapshot.asOf !== lastAsOf) {
      snapshotsSeen += 1;
      lastAsOf = snapshot.asOf;
      lastActive = indicatorValue(snapshot, 'ocop.active');
      if (sameFigures(snapshot, expectedFor(snapshot.asOf))) break;
    }
    if (performance.now() - progressAt > options.stallMs) {
      projectedBar.finish();
      throw new BackfillDidNotSettleError(`No event was logged for ${options.stallMs / 1000} s and the snapshot is not the expected one (${lastAppended} of ${events.length} events logged; ocop.active ${lastActive} of ${target})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const settledAt = performance.now();
  projectedBar.update(events.length, events.length);
  projectedBar.finish();
  const settleSeconds = (settledAt - startedAt) / 1000;
  return {
    events: events.length,
    publishSeconds: round((publishedAt - startedAt) / 1000),
    settleSeconds: round(settleSeconds),
    eventsPerSecond: Math.round(events.length / settleSeconds),
    snapshotsSeen,
    dynamodb: proxy.counts(),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
