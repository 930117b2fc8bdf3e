import { daysInclusive, minDay, type IsoDay } from '../calendar';

/**
 * Where a counted indicator is heading: its value projected to the end of its
 * period at the pace so far (value per elapsed day, asOf included, times the
 * days of the period), and `at_risk` when that projection falls short of the
 * target. A period that has not started has no pace: no forecast. Once the
 * period is over, the forecast is the value itself.
 */
export interface Forecast {
  /** The projected value at the end of the period, rounded to 2 decimals. */
  value: number;
  /** The last day of the period the projection reaches. */
  periodEnd: IsoDay;
  /** The projection falls short of the target. */
  at_risk: boolean;
}

export function forecastCount(value: number, target: number, period: { start: IsoDay; end: IsoDay }, day: IsoDay): Forecast | undefined {
  if (day < period.start) return undefined;
  const total = daysInclusive(period.start, period.end);
  const elapsed = daysInclusive(period.start, minDay(day, period.end));
  const projected = (value * total) / elapsed;
  return { value: Math.round(projected * 100) / 100, periodEnd: period.end, at_risk: projected < target };
}
