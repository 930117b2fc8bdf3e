import { addDays, type IsoDay, type KpiSnapshot } from '../../domain';
import type { InboundEvent } from '../../events';
import { createProgressBar } from '../../local/demo/progress-bar';
import type { ApiClient } from '../api-client';
import type { DynamoDbCountingProxy, DynamoDbCounts } from '../dynamodb-counting-proxy';
import { expectedSnapshot, sameFigures } from '../expected-snapshot';
import { summarizeLatencies, type LatencySummary } from '../stats';

/**
 * GET /v1/kpis?asOf=<a past day>, one client, `requests` days spread over the
 * history (each a different day, so no answer comes from a cache of the day).
 * The first request is reported apart: it loads the function's read model.
 * One answer is checked against the figures the domain computes from the events.
 */
export interface KpisAsOfResult {
  requests: number;
  firstMs: number;
  latencyMs: LatencySummary;
  /** What the requests after the first asked of DynamoDB. */
  dynamodb: DynamoDbCounts;
  checkedDay: IsoDay;
}

export class KpisAsOfFailedError extends Error {
  override name = 'KpisAsOfFailedError';
}

export async function runKpisAsOf(options: { api: ApiClient; proxy: DynamoDbCountingProxy; events: readonly InboundEvent[]; today: IsoDay; requests: number }): Promise<KpisAsOfResult> {
  const { api, proxy, today, requests } = options;
  // Days from 1,000 days ago to 30 days ago, evenly spaced.
  const days = Array.from({ length: requests + 1 }, (_, i) => addDays(today, -30 - Math.floor((i * 970) / requests)));
  const ask = async (day: IsoDay) => {
    const answer = await api.get(`/v1/kpis?asOf=${day}`);
    if (answer.status !== 200) throw new KpisAsOfFailedError(`GET /v1/kpis?asOf=${day} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return answer;
  };
  const first = await ask(days[0]!);
  const checkedDay = days[0]!;
  const answered = JSON.parse(first.body) as KpiSnapshot;
  if (!sameFigures(answered, expectedSnapshot(options.events, answered.asOf))) {
    throw new KpisAsOfFailedError(`GET /v1/kpis?asOf=${checkedDay} does not give the figures the domain computes from the events`);
  }
  proxy.reset();
  const bar = createProgressBar({ label: `  GET /v1/kpis?asOf= ×${requests}` });
  const latencies: number[] = [];
  for (const day of days.slice(1)) {
    latencies.push((await ask(day)).ms);
    bar.update(latencies.length, requests);
  }
  bar.finish();
  return { requests, firstMs: Math.round(first.ms * 10) / 10, latencyMs: summarizeLatencies(latencies), dynamodb: proxy.counts(), checkedDay };
}
