import { PROVINCE_TIME_ZONE } from '../domain/calendar';
import type { FunctionId } from './catalog';

/**
 * The schedules, defined once: EventBridge Scheduler in the CDK app, an
 * in-process cron under `npm start`. Expressions use EventBridge's six-field
 * cron syntax: minutes hours day-of-month month day-of-week year.
 */
export interface ScheduleDefinition {
  id: string;
  description: string;
  /** e.g. `cron(0 7 ? * MON *)` */
  expression: string;
  timeZone: string;
  functionId: FunctionId;
  /** The event the function receives. */
  input: { source: 'ocop.schedule'; schedule: string };
}

export const schedules: readonly ScheduleDefinition[] = [
  {
    id: 'weekly-kpi-report',
    description: 'Emails the KPI snapshot to the stakeholders every Monday at 07:00',
    expression: 'cron(0 7 ? * MON *)',
    timeZone: PROVINCE_TIME_ZONE,
    functionId: 'send-kpi-report',
    input: { source: 'ocop.schedule', schedule: 'weekly-kpi-report' },
  },
  {
    id: 'daily-snapshot',
    description: 'Recomputes the snapshot just after midnight, so certificates that expire with the passing of time are counted',
    expression: 'cron(1 0 * * ? *)',
    timeZone: PROVINCE_TIME_ZONE,
    functionId: 'recompute-snapshot',
    input: { source: 'ocop.schedule', schedule: 'daily-snapshot' },
  },
  {
    id: 'announce-rejections',
    description: 'Every 15 minutes: announces the rejections whose delivery did not (EventRejected), so none stays unannounced',
    expression: 'cron(0,15,30,45 * * * ? *)',
    timeZone: PROVINCE_TIME_ZONE,
    functionId: 'announce-rejections',
    input: { source: 'ocop.schedule', schedule: 'announce-rejections' },
  },
];
