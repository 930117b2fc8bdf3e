import { PROVINCE_TIME_ZONE } from '../../domain/calendar';
import { SCHEDULE_RETRY_POLICY, type ScheduleTrigger, type StreamTrigger } from '../trigger-kinds';

/**
 * What invokes recompute-snapshot: the changes of the projections table (its
 * stream, new images), and a daily schedule.
 */
export const recomputeSnapshotTriggers = [
  {
    kind: 'stream',
    table: 'projections',
    // No batching window: records gather while the previous recompute runs, which is what keeps
    // freshness under 2 s; a 1 s window halves the scans in a burst (README, "Benchmarks").
    batchSize: 1000,
    maxBatchingWindowSeconds: 0,
    startingPosition: 'TRIM_HORIZON',
    bisectBatchOnError: true,
    retryAttempts: 3,
    maximumRecordAgeSeconds: 6 * 3600,
  },
  {
    kind: 'schedule',
    id: 'daily-snapshot',
    description: 'Recomputes the snapshot just after midnight, so certificates that expire with the passing of time are counted',
    expression: 'cron(1 0 * * ? *)',
    timeZone: PROVINCE_TIME_ZONE,
    input: { source: 'ocop.schedule', schedule: 'daily-snapshot' },
    retryPolicy: SCHEDULE_RETRY_POLICY,
  },
] as const satisfies readonly (StreamTrigger | ScheduleTrigger)[];
