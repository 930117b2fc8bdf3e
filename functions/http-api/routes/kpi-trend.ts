import * as z from 'zod';
import { addMonths, daysInclusive, MAX_TREND_DAYS, trendDays, trendPoint, vnDayOf, type Trend } from '../../../domain';
import { BadRequestError } from '../api-errors';
import type { ApiRequest } from '../api-request';
import { day } from '../query-schemas';
import { snapshotsAsOf } from './kpis';

export const kpiTrendQuery = z.strictObject({
  from: day.optional().describe('The first day of the trend (default: five years before `to`)'),
  to: day.optional().describe('The last day of the trend (Asia/Ho_Chi_Minh); default today'),
});

/** Active products by level at the end of each month from `from` to `to`: the computation of GET /v1/kpis, day after day. */
export async function getKpiTrend({ query }: ApiRequest<z.infer<typeof kpiTrendQuery>>): Promise<Trend> {
  const to = query.to ?? vnDayOf(new Date());
  const from = query.from ?? addMonths(to, -60);
  if (from > to) throw new BadRequestError(`query.from (${from}) is after query.to (${to})`);
  if (daysInclusive(from, to) > MAX_TREND_DAYS) throw new BadRequestError(`query.from..query.to spans more than ${MAX_TREND_DAYS} days: ask for ten years at most`);
  const snapshots = await snapshotsAsOf(trendDays(from, to));
  return { from, to, points: snapshots.map(trendPoint) };
}
