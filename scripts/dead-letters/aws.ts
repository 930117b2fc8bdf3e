import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  StartMessageMoveTaskCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { queues, type QueueId } from '../../functions/triggers';
import { workDeadLetterQueueName, workQueueName } from '../../infra/stacks/naming';
import type { DeadLetterView, MovedLetter } from './plan';

/**
 * The dead letters of a deployed stage's work queues (the functions' queue triggers, functions/triggers.ts),
 * found by the names the CDK app gives them (infra/stacks/naming.ts).
 *
 * Listing receives with VisibilityTimeout 0, so the messages stay visible and
 * nothing is consumed (each receive only raises their receive count, which a
 * dead-letter queue without a redrive policy ignores); repeated receives are
 * merged by MessageId, as SQS returns a sample of the queue per call.
 * `--all` moves with StartMessageMoveTask (SQS's own redrive, back to the
 * source queue) and reports the task from ListMessageMoveTasks; a subset is
 * moved message by message: receive (hidden for MOVE_VISIBILITY_SECONDS), send
 * to the queue, delete from the dead letters.
 */
const RECEIVE_ROUNDS = 10;
const MOVE_VISIBILITY_SECONDS = 60;

export interface StageQueues {
  queueId: QueueId;
  queueUrl: string;
  queueArn: string;
  deadLetterUrl: string;
  deadLetterArn: string;
}

export async function stageQueues(sqs: SQSClient, namePrefix: string, account: string): Promise<StageQueues[]> {
  const found: StageQueues[] = [];
  for (const queueId of Object.keys(queues) as QueueId[]) {
    const locate = async (name: string) => {
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }));
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
      return { url: QueueUrl!, arn: Attributes!.QueueArn! };
    };
    const queue = await locate(workQueueName(namePrefix, queueId));
    const deadLetters = await locate(workDeadLetterQueueName(namePrefix, queueId));
    found.push({ queueId, queueUrl: queue.url, queueArn: queue.arn, deadLetterUrl: deadLetters.url, deadLetterArn: deadLetters.arn });
  }
  return found;
}

export function viewOfMessage(queueId: QueueId, message: Message): DeadLetterView {
  let event: { source?: string; 'detail-type'?: string; detail?: { eventId?: unknown } } | undefined;
  try {
    event = JSON.parse(message.Body ?? '') as typeof event;
  } catch {
    event = undefined;
  }
  const receives = Number(message.Attributes?.ApproximateReceiveCount);
  const sent = Number(message.Attributes?.SentTimestamp);
  return {
    id: message.MessageId!,
    queueId,
    reason: `not processed after ${queues[queueId].maxReceiveCount} receives by ${queues[queueId].consumer} (its logs and Errors metric say why)`,
    ...(Number.isFinite(receives) && { receiveCount: receives }),
    ...(Number.isFinite(sent) && { deadLetteredAt: new Date(sent).toISOString() }),
    ...(typeof event?.detail?.eventId === 'string' && { eventId: event.detail.eventId }),
    ...(event?.source && { source: event.source }),
    ...(event?.['detail-type'] && { detailType: event['detail-type'] }),
  };
}

export async function listAwsDeadLetters(sqs: SQSClient, stage: readonly StageQueues[]): Promise<DeadLetterView[]> {
  const views: DeadLetterView[] = [];
  for (const queue of stage) {
    const seen = new Map<string, Message>();
    for (let round = 0; round < RECEIVE_ROUNDS; round += 1) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.deadLetterUrl,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 0,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
        }),
      );
      const before = seen.size;
      for (const message of Messages) seen.set(message.MessageId!, message);
      if (Messages.length === 0 || seen.size === before) break;
    }
    views.push(...[...seen.values()].map((message) => viewOfMessage(queue.queueId, message)));
  }
  return views;
}

/** `--all`: one SQS message move task per dead-letter queue, back to its source queue; returns the tasks' status. */
export async function moveAll(sqs: SQSClient, stage: readonly StageQueues[]): Promise<Array<{ queueId: QueueId; taskHandle?: string; status?: string; moved?: number; toMove?: number }>> {
  const tasks = [];
  for (const queue of stage) {
    const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: queue.deadLetterArn, DestinationArn: queue.queueArn }));
    const { Results = [] } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: queue.deadLetterArn, MaxResults: 1 }));
    const task = Results[0];
    tasks.push({
      queueId: queue.queueId,
      ...(TaskHandle && { taskHandle: TaskHandle }),
      ...(task?.Status && { status: task.Status }),
      ...(task?.ApproximateNumberOfMessagesMoved !== undefined && { moved: task.ApproximateNumberOfMessagesMoved }),
      ...(task?.ApproximateNumberOfMessagesToMove !== undefined && { toMove: task.ApproximateNumberOfMessagesToMove }),
    });
  }
  return tasks;
}

/** Some messages, by MessageId: receive them (hidden meanwhile), send each to its queue, then delete it from the dead letters. */
export async function moveSome(sqs: SQSClient, stage: readonly StageQueues[], selected: readonly DeadLetterView[]): Promise<MovedLetter[]> {
  const moved: MovedLetter[] = [];
  for (const queue of stage) {
    const wanted = new Set(selected.filter((letter) => letter.queueId === queue.queueId).map((letter) => letter.id));
    for (let round = 0; round < RECEIVE_ROUNDS && wanted.size > 0; round += 1) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queue.deadLetterUrl, MaxNumberOfMessages: 10, VisibilityTimeout: MOVE_VISIBILITY_SECONDS, WaitTimeSeconds: 1 }),
      );
      if (Messages.length === 0) break;
      for (const message of Messages) {
        if (!wanted.has(message.MessageId!)) continue;
        await sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: message.Body! }));
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.deadLetterUrl, ReceiptHandle: message.ReceiptHandle! }));
        wanted.delete(message.MessageId!);
        const view = viewOfMessage(queue.queueId, message);
        moved.push({ id: view.id, queueId: view.queueId, ...(view.eventId && { eventId: view.eventId }) });
      }
    }
  }
  return moved;
}
