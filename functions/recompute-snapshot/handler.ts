import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { readModelItemsOfStream } from '../storage/projection-stream';
import { metricNames } from '../metric-names';
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
  const records = 'Records' in event ? event.Records : [];
  const images = readModelItemsOfStream(records);
  const result = await recomputeSnapshot({ force: fromSchedule, images });
  metrics.addMetric(metricNames.snapshotRecomputed, MetricUnit.Count, 1);
  if (result.written) metrics.addMetric(metricNames.snapshotWritten, MetricUnit.Count, 1);
  logger.info('snapshot recomputed', { trigger: fromSchedule ? 'schedule' : 'stream', changes: records.length, ...result });
  return result;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
