import { performance } from 'node:perf_hooks';
import { createProgressBar } from '../../local/demo/progress-bar';
import type { ApiClient } from '../api-client';
import type { DynamoDbCountingProxy, DynamoDbCounts } from '../dynamodb-counting-proxy';
import { summarizeLatencies, type LatencySummary } from '../stats';

/** Phase 3: GET /v1/snapshots/latest from `clients` concurrent clients, `requests` in all (after a short warm-up). */
export interface SnapshotReadsResult {
  clients: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  bodyBytes: number;
  dynamodb: DynamoDbCounts;
}

export class SnapshotReadFailedError extends Error {
  override name = 'SnapshotReadFailedError';
}

export async function runSnapshotReads(options: { api: ApiClient; proxy: DynamoDbCountingProxy; clients: number; requests: number; warmUp?: number }): Promise<SnapshotReadsResult> {
  const { api, proxy, clients, requests } = options;
  for (let i = 0; i < (options.warmUp ?? 50); i += 1) await api.getLatest();

  proxy.reset();
  const bar = createProgressBar({ label: `  GET /v1/snapshots/latest ×${clients}` });
  const latencies: number[] = [];
  let next = 0;
  let bodyBytes = 0;
  const startedAt = performance.now();
  const client = async () => {
    while (next < requests) {
      next += 1;
      const answer = await api.getLatest();
      if (answer.status !== 200) throw new SnapshotReadFailedError(`GET /v1/snapshots/latest answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      latencies.push(answer.ms);
      bodyBytes = answer.body.length;
      if (latencies.length % 100 === 0) bar.update(latencies.length, requests);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - startedAt) / 1000;
  bar.update(latencies.length, requests);
  bar.finish();
  return {
    clients,
    requests: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    requestsPerSecond: Math.round(latencies.length / seconds),
    latencyMs: summarizeLatencies(latencies),
    bodyBytes,
    dynamodb: proxy.counts(),
  };
}
