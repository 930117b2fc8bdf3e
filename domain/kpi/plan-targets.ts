import { minDay, type IsoDay } from '../calendar';
import type { Plan } from '../plan';
import { forecastCount } from './forecast';
import { INDICATORS, type IndicatorId } from './indicators';
import type { Indicator } from './snapshot';
import { countStatus, shareStatus } from './status';

/**
 * An indicator's value against the plan in force on `day`, if any.
 * - No plan: no target, no status.
 * - A yearly count is judged over the calendar year of the day, cut at the plan's end: a yearly target never rolls
 *   into a year the plan does not cover (no plan is in force then).
 * - A plan count is judged over the plan's period.
 * - On the last day of the plan's period the result is final: `met` or `not_met`, `final: true`, no forecast.
 */
export function judgeIndicator(id: IndicatorId, value: number, plan: Plan | undefined, day: IsoDay): Indicator {
  const target = plan?.targets[id];
  if (!plan || !target) return { id, value };
  const kind = INDICATORS[id];
  const final = day >= plan.period.end;
  if (kind === 'share') {
    const status = shareStatus(value, target);
    return {
      id,
      value,
      target: target.value,
      comparison: target.comparison,
      status: final && status !== 'met' ? 'not_met' : status,
      ...(final && { final: true }),
    };
  }
  const stretch = target.stretch !== undefined ? { stretchTarget: target.stretch } : {};
  if (final) {
    return { id, value, target: target.value, ...stretch, status: value >= target.value ? 'met' : 'not_met', final: true };
  }
  const year = day.slice(0, 4);
  const period = kind === 'yearly-count' ? { start: `${year}-01-01`, end: minDay(`${year}-12-31`, plan.period.end) } : plan.period;
  const forecast = forecastCount(value, target.value, period, day);
  return { id, value, target: target.value, ...stretch, ...countStatus(value, target.value, period, day), ...(forecast && { forecast }) };
}
