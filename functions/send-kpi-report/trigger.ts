import { PROVINCE_TIME_ZONE } from '../../domain/calendar';
import { SCHEDULE_RETRY_POLICY, type ScheduleTrigger } from '../trigger-kinds';

/** What invokes send-kpi-report: a weekly schedule. */
export const sendKpiReportTriggers = [
  {
    kind: 'schedule',
    id: 'weekly-kpi-report',
    description: 'Emails the KPI snapshot to the stakeholders every Monday at 07:00',
    expression: 'cron(0 7 ? * MON *)',
    timeZone: PROVINCE_TIME_ZONE,
    input: { source: 'ocop.schedule', schedule: 'weekly-kpi-report' },
    retryPolicy: SCHEDULE_RETRY_POLICY,
  },
] as const satisfies readonly ScheduleTrigger[];
