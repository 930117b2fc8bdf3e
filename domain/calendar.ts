/**
 * Calendar arithmetic in the province's time zone. Calendar questions
 * ("in year Y", "as of day D") are asked in Asia/Ho_Chi_Minh (CONTRACT §1),
 * which has kept UTC+07:00 without daylight saving since 1975.
 * Days are ISO strings `YYYY-MM-DD`; they compare correctly as strings.
 */
export const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type IsoDay = string;

/** The Vietnamese calendar day of an instant, e.g. 2022-12-31T20:00:00Z → 2023-01-01. */
export function vnDayOf(instant: string | Date): IsoDay {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: ${String(instant)}`);
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Vietnamese day, as an ISO instant with the +07:00 offset. */
export function endOfVnDay(day: IsoDay): string {
  return `${day}T23:59:59.999+07:00`;
}

export function yearOf(day: IsoDay): number {
  return Number(day.slice(0, 4));
}

function toUtcMs(day: IsoDay): number {
  return Date.UTC(yearOf(day), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDay {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return fromUtcMs(toUtcMs(day) + days * DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (2024-02-29 + 36 months = 2027-02-28). */
export function addMonths(day: IsoDay, months: number): IsoDay {
  const year = yearOf(day);
  const monthIndex = Number(day.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), lastDay);
  return fromUtcMs(Date.UTC(targetYear, targetMonth, dayOfMonth));
}

/** Days from `from` to `to`, both included: the same day is 1. */
export function daysInclusive(from: IsoDay, to: IsoDay): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS) + 1;
}

export function minDay(a: IsoDay, b: IsoDay): IsoDay {
  return a < b ? a : b;
}

export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtcMs(toUtcMs(value)) === value;
}
