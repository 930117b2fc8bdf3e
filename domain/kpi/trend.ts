import * as z from 'zod';
import { memoized } from '../../events/memoized';
import { addDays, addMonths, type IsoDay } from '../calendar';
import { LEVELS } from '../stars';
import type { KpiSnapshot } from './snapshot';

/**
 * The trend of active products by level: one point at the end of each month
 * from `from` to `to`, and one on `to` itself. Each point is the same KPI
 * computation as GET /v1/kpis for that day.
 */
/** At most ten years of points (about 121). */
export const MAX_TREND_DAYS = 3660;

export const trendPointSchema = memoized(() =>
  z.object({
    asOfDay: z.string().describe('The day (Asia/Ho_Chi_Minh) whose end the point describes'),
    active: z.number().int().describe('Active OCOP products (ocop.active)'),
    byLevel: z.object(Object.fromEntries(LEVELS.map((level) => [level, z.number().int()])) as Record<(typeof LEVELS)[number], z.ZodNumber>),
  }),
);
export const trendSchema = memoized(() =>
  z.object({ from: z.string(), to: z.string(), points: z.array(trendPointSchema()) }),
);

export type TrendPoint = z.infer<ReturnType<typeof trendPointSchema>>;
export type Trend = z.infer<ReturnType<typeof trendSchema>>;

/** The last day of every month that ends within [from, to), then `to`; oldest first. */
export function trendDays(from: IsoDay, to: IsoDay): IsoDay[] {
  const days: IsoDay[] = [];
  let monthEnd = addDays(addMonths(`${from.slice(0, 7)}-01`, 1), -1);
  while (monthEnd < to) {
    if (monthEnd >= from) days.push(monthEnd);
    monthEnd = addDays(addMonths(addDays(monthEnd, 1), 1), -1);
  }
  days.push(to);
  return days;
}


export function trendPoint(snapshot: KpiSnapshot): TrendPoint {
  const byLevel = Object.fromEntries(LEVELS.map((level) => [level, snapshot.breakdown.byLevel[level].active])) as TrendPoint['byLevel'];
  return { asOfDay: snapshot.asOfDay, active: LEVELS.reduce((sum, level) => sum + byLevel[level], 0), byLevel };
}
