import { daysInclusive, minDay, type IsoDay } from '../calendar';
import type { PlanTarget } from '../plan';
import type { IndicatorStatus } from './snapshot';

/**
 * A count against its target: `met` when the whole target is reached,
 * `on_track` when at or above the target prorated to the elapsed days of its
 * period (asOf included), else `behind`.
 */
export function countStatus(
  value: number,
  target: number,
  period: { start: IsoDay; end: IsoDay },
  day: IsoDay,
): { expectedByNow: number; status: IndicatorStatus } {
  const total = daysInclusive(period.start, period.end);
  const elapsed = day < period.start ? 0 : daysInclusive(period.start, minDay(day, period.end));
  const expectedByNow = (target * elapsed) / total;
  const status: IndicatorStatus = value >= target ? 'met' : value >= expectedByNow ? 'on_track' : 'behind';
  return { expectedByNow: Math.round(expectedByNow * 100) / 100, status };
}

/** A share against its target: `met` or `behind`, compared as the plan says (>= or >). */
export function shareStatus(value: number, target: PlanTarget): IndicatorStatus {
  const met = target.comparison === 'moreThan' ? value > target.value : value >= target.value;
  return met ? 'met' : 'behind';
}

/** A ratio whose empty denominator gives 0. */
export function share(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
