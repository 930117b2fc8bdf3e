import { Cron } from 'croner';
import type { ScheduleDefinition } from '../functions/triggers';

/**
 * Runs the functions' schedule triggers (functions/<name>/trigger.ts) in-process, with the same
 * EventBridge cron expressions and time zone the CDK app gives EventBridge Scheduler.
 */
export class InvalidScheduleExpressionError extends Error {
  override name = 'InvalidScheduleExpressionError';
}

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/**
 * `cron(0 7 ? * MON *)` (minutes hours day-of-month month day-of-week year) →
 * `0 7 * * MON` for croner. EventBridge numbers weekdays 1 (Sunday) to 7; croner 0 to 6.
 */
export function toCronerPattern(expression: string): string {
  const match = /^cron\((.+)\)$/.exec(expression.trim());
  const fields = match?.[1]!.trim().split(/\s+/);
  if (!fields || fields.length !== 6) throw new InvalidScheduleExpressionError(`${expression}: expected cron(minutes hours day-of-month month day-of-week year)`);
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  if (year !== '*') throw new InvalidScheduleExpressionError(`${expression}: the local runner supports only "*" as the year`);
  const weekday = dayOfWeek.replace(/\b([1-7])\b/g, (_m, n: string) => WEEKDAYS[Number(n) - 1]!);
  return [minutes, hours, dayOfMonth, month, weekday].map((field) => (field === '?' ? '*' : field)).join(' ');
}

export interface RunningSchedules {
  next(): Array<{ id: string; nextRun: Date | null }>;
  stop(): void;
}

export function runSchedules(schedules: readonly ScheduleDefinition[], fire: (schedule: ScheduleDefinition) => Promise<void>): RunningSchedules {
  const jobs = schedules.map((schedule) => ({
    schedule,
    job: new Cron(toCronerPattern(schedule.expression), { timezone: schedule.timeZone, protect: true, catch: true }, () => fire(schedule)),
  }));
  return {
    next: () => jobs.map(({ schedule, job }) => ({ id: schedule.id, nextRun: job.nextRun() })),
    stop: () => jobs.forEach(({ job }) => job.stop()),
  };
}
