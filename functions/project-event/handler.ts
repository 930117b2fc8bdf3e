import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import type { ParsedResult } from '@aws-lambda-powertools/parser/types';
import { describeIssues, eventBridgeEnvelope, type EventBridgeEnvelope } from '../../events';
import { observability } from '../shared/observability';
import { provinceOfDeployment } from '../shared/province-config';
import { projectEvent, rejectMalformedInvocation, type ProjectEventResult } from './project-event';
import type { z } from 'zod';
import type { Context } from 'aws-lambda';

const { logger, metrics } = observability('project-event');
const province = provinceOfDeployment();

const METRIC_OF_OUTCOME = { accepted: 'EventsAccepted', duplicate: 'EventsDuplicate', rejected: 'EventsRejected' } as const;

const projectParsedEvent = middy(async (parsed: ParsedResult<unknown, EventBridgeEnvelope>): Promise<ProjectEventResult> => {
  const envelope = parsed.success ? parsed.data : undefined;
  const result = parsed.success
    ? await projectEvent(parsed.data, province)
    : await rejectMalformedInvocation(parsed.originalEvent, malformedReasons(parsed.error));
  metrics.addMetric(METRIC_OF_OUTCOME[result.outcome], MetricUnit.Count, 1);
  logger.info('event projected', {
    busEventId: envelope?.id,
    detailType: envelope?.['detail-type'],
    source: envelope?.source,
    outcome: result.outcome,
    rejectionId: result.rejectionId,
    reasonCount: result.reasons?.length,
    settledRejections: result.settledRejections,
  });
  return result;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(parser({ schema: eventBridgeEnvelope, safeParse: true }));

/**
 * Target of the `project-inbound-events` rule: one EventBridge event in, its
 * projection written. Lambda hands it the envelope; the Powertools parser
 * middleware turns that into a ParsedResult before the function body runs.
 */
export const handler = projectParsedEvent as unknown as (envelope: EventBridgeEnvelope, context: Context) => Promise<ProjectEventResult>;

/** The parser's error carries the schema's issues (Standard Schema issues of zod) as its cause. */
function malformedReasons(error: Error): string[] {
  const issues = error.cause as z.core.$ZodIssue[] | undefined;
  return Array.isArray(issues) && issues.length > 0 ? describeIssues(issues, 'event') : [`event: not an EventBridge event (${error.message})`];
}
