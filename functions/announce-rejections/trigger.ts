import { PROVINCE_TIME_ZONE } from '../../domain/calendar';
import { SCHEDULE_RETRY_POLICY, type ScheduleTrigger } from '../trigger-kinds';

/** What invokes announce-rejections: a sweep every 15 minutes. */
export const announceRejectionsTriggers = [
  {
    kind: 'schedule',
    id: 'announce-rejections',
    description: 'Every 15 minutes: announces the rejections whose delivery did not (EventRejected), so none stays unannounced',
    expression: 'cron(0,15,30,45 * * * ? *)',
    timeZone: PROVINCE_TIME_ZONE,
    input: { source: 'ocop.schedule', schedule: 'announce-rejections' },
    retryPolicy: SCHEDULE_RETRY_POLICY,
  },
] as const satisfies readonly ScheduleTrigger[];
