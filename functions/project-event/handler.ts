import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { metricNames, type MetricName } from '../metric-names';
import { observability } from '../shared/observability';
import type { InboundMessage, MessageResult, Outcome } from './messages';
import { projectBatch } from './project-batch';

const { logger, metrics } = observability('project-event');

const METRIC_OF_OUTCOME: Record<Outcome | 'failed', MetricName> = {
  accepted: metricNames.eventsAccepted,
  duplicate: metricNames.eventsDuplicate,
  waiting: metricNames.eventsWaiting,
  rejected: metricNames.eventsRejected,
  settled: metricNames.waitingChunksSettled,
  failed: metricNames.eventsFailed,
};

/**
 * Consumer of the `inbound-events` queue (functions/queues.ts), in three
 * steps: the SQS records as messages, the batch taken to the projections
 * (project-batch.ts lists its steps), then a metric and a log line per
 * message. Answers the messages to deliver again in `batchItemFailures` (the
 * event source mapping has ReportBatchItemFailures), so one failing
 * aggregate does not make the queue redeliver the rest of the batch.
 * Logs carry ids, source, type and outcome only.
 */
export const handler = middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const results = await projectBatch(event.Records.map(messageOf));
  results.forEach(record);
  return { batchItemFailures: results.filter((r) => r.outcome === undefined).map((r) => ({ itemIdentifier: r.messageId })) };
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));

function messageOf(record: SQSRecord): InboundMessage {
  let body: unknown = record.body;
  try {
    body = JSON.parse(record.body);
  } catch {
    // Not JSON: projectBatch keeps it as a rejection, with the body as it came.
  }
  const sent = Number(record.attributes?.SentTimestamp);
  return { messageId: record.messageId, body, ...(Number.isFinite(sent) && sent > 0 && { sentAt: new Date(sent).toISOString() }) };
}

function record(result: MessageResult): void {
  metrics.addMetric(METRIC_OF_OUTCOME[result.outcome ?? 'failed'], MetricUnit.Count, 1);
  const fields = {
    messageId: result.messageId,
    eventId: result.eventId,
    source: result.source,
    detailType: result.detailType,
    productId: result.productId,
    outcome: result.outcome ?? 'failed',
    rejectionId: result.rejectionId,
    reasonCount: result.reasons?.length,
  };
  if (result.error) logger.warn('event not projected; the queue delivers it again', { ...fields, error: { name: result.error.name, message: result.error.message } });
  else logger.info('event projected', fields);
}
