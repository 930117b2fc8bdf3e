import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { EventBridgeEnvelope } from '../../events';
import { observability } from '../shared/observability';
import { provinceOfDeployment } from '../shared/province-config';
import { projectEvent, type ProjectEventResult } from './project-event';

const { logger, metrics } = observability('project-event');
const province = provinceOfDeployment();

const METRIC_OF_OUTCOME = { accepted: 'EventsAccepted', duplicate: 'EventsDuplicate', rejected: 'EventsRejected' } as const;

/** Target of the `project-inbound-events` rule: one EventBridge event in, its projection written. */
export const handler = middy(async (envelope: EventBridgeEnvelope): Promise<ProjectEventResult> => {
  const result = await projectEvent(envelope, province);
  metrics.addMetric(METRIC_OF_OUTCOME[result.outcome], MetricUnit.Count, 1);
  logger.info('event projected', {
    busEventId: envelope.id,
    detailType: envelope['detail-type'],
    source: envelope.source,
    outcome: result.outcome,
    rejectionId: result.rejectionId,
    reasonCount: result.reasons?.length,
    settledRejections: result.settledRejections,
  });
  return result;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
