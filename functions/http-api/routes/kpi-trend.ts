import { addMonths, daysInclusive, MAX_TREND_DAYS, trendDays, trendPoint, vnDayOf, type Trend } from '../../../domain';
import { BadRequestError } from '../api-errors';
import type { ApiRequest } from '../api-request';
import { kpiTrendQuery, parseQuery } from '../query-schemas';
import { snapshotsAsOf } from './kpis';

/** Active products by level at the end of each month from `from` to `to`: the computation of GET /v1/kpis, day after day. */
export async function getKpiTrend(request: ApiRequest): Promise<Trend> {
  const query = parseQuery(kpiTrendQuery, request.query);
  const to = query.to ?? vnDayOf(new Date());
  const from = query.from ?? addMonths(to, -60);
  if (from > to) throw new BadRequestError(`query.from (${from}) is after query.to (${to})`);
  if (daysInclusive(from, to) > MAX_TREND_DAYS) throw new BadRequestError(`query.from..query.to spans more than ${MAX_TREND_DAYS} days: ask for ten years at most`);
  const snapshots = await snapshotsAsOf(trendDays(from, to));
  return { from, to, points: snapshots.map(trendPoint) };
}
