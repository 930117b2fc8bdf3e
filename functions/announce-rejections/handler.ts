import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { metricNames } from '../metric-names';
import { observability } from '../shared/observability';
import { announcePendingRejections, type SweepResult } from './announce-rejections';

const { logger, metrics } = observability('announce-rejections');

export class RejectionsNotAnnouncedError extends Error {
  override name = 'RejectionsNotAnnouncedError';
}

/**
 * `announce-rejections`: invoked by its schedule (functions/schedules.ts).
 * Publishes how many it announced and how many are left; when the bus refused
 * some, it throws after that (metrics are flushed on error too), so the
 * function's Errors alarm fires and the schedule's retries try again.
 */
export const handler = middy(async (): Promise<SweepResult> => {
  const result = await announcePendingRejections();
  metrics.addMetric(metricNames.rejectionsAnnouncedBySweep, MetricUnit.Count, result.announced);
  metrics.addMetric(metricNames.rejectionsUnannounced, MetricUnit.Count, result.left);
  logger.info('rejection sweep finished', { announced: result.announced, failed: result.failed.length, left: result.left });
  if (result.failed.length > 0) {
    logger.error('the bus refused some announcements', { failed: result.failed.map(({ rejectionId, errorCode }) => ({ rejectionId, errorCode })) });
    throw new RejectionsNotAnnouncedError(`${result.failed.length} rejections could not be announced (${result.left} left unannounced)`);
  }
  return result;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
