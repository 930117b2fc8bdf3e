import { addDays, isIsoDay, vnDayOf, type IsoDay } from '../domain';

/**
 * A report period is the ISO 8601 week of the report day in Asia/Ho_Chi_Minh,
 * named `YYYY-Www` (e.g. `2026-W48`). One email per stakeholder and period.
 */
export interface ReportPeriod {
  id: string;
  /** ISO week-numbering year (the year of the week's Thursday). */
  weekYear: number;
  week: number;
  /** Monday and Sunday of the week. */
  start: IsoDay;
  end: IsoDay;
}

export class InvalidPeriodError extends Error {
  override name = 'InvalidPeriodError';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday = 1 .. Sunday = 7 */
function isoWeekday(day: IsoDay): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function periodId(weekYear: number, week: number): string {
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week holding a day. */
export function periodOfDay(day: IsoDay): ReportPeriod {
  if (!isIsoDay(day)) throw new InvalidPeriodError(`Not a day YYYY-MM-DD: ${day}`);
  const start = addDays(day, 1 - isoWeekday(day));
  const thursday = addDays(start, 3);
  const weekYear = Number(thursday.slice(0, 4));
  const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(weekYear, 0, 1)) / DAY_MS) + 1;
  const week = Math.floor((dayOfYear - 1) / 7) + 1;
  return { id: periodId(weekYear, week), weekYear, week, start, end: addDays(start, 6) };
}

/** The period of an instant, on its Vietnamese day. */
export function periodOfInstant(instant: Date | string): ReportPeriod {
  return periodOfDay(vnDayOf(instant));
}

/** Parses `YYYY-Www` (week 01..53, and the week must exist in that year). */
export function parsePeriodId(id: string): ReportPeriod {
  const match = /^(\d{4})-W(\d{2})$/.exec(id);
  if (!match) throw new InvalidPeriodError(`A period is an ISO week like 2026-W48, not "${id}"`);
  const weekYear = Number(match[1]);
  const week = Number(match[2]);
  // 4 January is always in week 1.
  const week1 = periodOfDay(`${match[1]}-01-04`);
  const period = periodOfDay(addDays(week1.start, (week - 1) * 7));
  if (week < 1 || period.weekYear !== weekYear || period.week !== week) {
    throw new InvalidPeriodError(`${id}: ${weekYear} has no week ${week}`);
  }
  return period;
}
