import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { EventBridgeEnvelope } from '../../events';
import { handler as projectEventHandler } from '../../functions/project-event/handler';
import { projectBatch, type MessageResult } from '../../functions/project-event/project-batch';
import { provinceOfDeployment } from '../../functions/shared/province-config';
import type { QueueId } from '../../functions/triggers';
import { lambdaContext } from './lambda';

/**
 * Ways for tests to reach the projector: `projectOne` takes one message
 * through the batch core (its outcome, rejectionId and reasons), and
 * `invokeProjectEvent` calls the real Lambda handler with an SQS event of
 * the `inbound-events` queue, as its event source mapping would.
 */
const INBOUND_QUEUE: QueueId = 'inbound-events';
export const QUEUE_ARN = `arn:aws:sqs:ap-southeast-1:000000000000:${INBOUND_QUEUE}`;

/** An SQS event of envelopes (or of anything, as raw bodies), one record each, sent in the order given. */
export function sqsEventOf(bodies: readonly unknown[], { sentAt = Date.now() }: { sentAt?: number } = {}): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
      messageId: randomUUID(),
      receiptHandle: randomUUID(),
      body: typeof body === 'string' ? body : JSON.stringify(body),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(sentAt + i),
        SenderId: 'AROAEVENTBRIDGE',
        ApproximateFirstReceiveTimestamp: String(sentAt + i),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: QUEUE_ARN,
      awsRegion: 'ap-southeast-1',
    })),
  };
}

/** One message through projectBatch, the core the handler runs: its result. */
export async function projectOne(body: EventBridgeEnvelope | unknown): Promise<MessageResult> {
  const [result] = await projectBatch([{ messageId: randomUUID(), body, sentAt: new Date().toISOString() }]);
  return result!;
}

/** Messages through projectBatch as one batch, in order: their results. */
export async function projectMany(bodies: readonly unknown[]): Promise<MessageResult[]> {
  const sentAt = Date.now();
  return projectBatch(
    bodies.map((body, i) => ({ messageId: randomUUID(), body, sentAt: new Date(sentAt + i).toISOString() })),
  );
}

/** The real handler with an SQS event built from the bodies (`batchItemFailures` names the messages to deliver again). */
export async function invokeProjectEvent(bodies: readonly unknown[] | SQSEvent): Promise<SQSBatchResponse> {
  const event = Array.isArray(bodies) ? sqsEventOf(bodies) : (bodies as SQSEvent);
  return projectEventHandler(event, lambdaContext('project-event'));
}
