import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { observability } from '../shared/observability';
import { recomputeSnapshot, type RecomputeResult } from './recompute';

const { logger, metrics } = observability('recompute-snapshot');

type ScheduleInput = { source: 'ocop.schedule'; schedule: string };

/**
 * Two triggers: a batch of changes from the projections table's stream (many
 * records, one recompute), and the daily schedule (always stores a snapshot,
 * so certificates that expire with the passing of time are counted).
 */
export const handler = middy(async (event: DynamoDBStreamEvent | ScheduleInput): Promise<RecomputeResult> => {
  const fromSchedule = 'source' in event && event.source === 'ocop.schedule';
  const changes = 'Records' in event ? event.Records.length : 0;
  const result = await recomputeSnapshot({ force: fromSchedule });
  metrics.addMetric('SnapshotRecomputed', MetricUnit.Count, 1);
  if (result.written) metrics.addMetric('SnapshotWritten', MetricUnit.Count, 1);
  logger.info('snapshot recomputed', { trigger: fromSchedule ? 'schedule' : 'stream', changes, ...result });
  return result;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
