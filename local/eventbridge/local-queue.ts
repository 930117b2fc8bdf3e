import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { QueueDefinition } from '../../functions/triggers';
import type { BusEvent } from './entries';

/**
 * An SQS standard queue and its Lambda event source mapping, on one machine,
 * from a function's queue trigger (functions/<name>/trigger.ts): messages are received in batches
 * of up to `batchSize` by up to `maximumConcurrency` invocations at once; a
 * message the consumer reports in `batchItemFailures` (or all of a batch
 * whose invocation throws) stays invisible for the visibility timeout, then
 * comes back; after `maxReceiveCount` receives it moves to the dead letters.
 * A message is done when deleted (success) or dead-lettered.
 */
export interface LocalQueueOptions {
  queueId: string;
  definition: QueueDefinition;
  /** Invokes the consumer function with an SQS event. */
  consume(event: SQSEvent): Promise<unknown>;
  /** Called once per message: deleted after a successful receive, or moved to the dead letters. */
  onDone(message: QueuedMessage, outcome: { deleted: true } | { deleted: false; error: { name: string; message: string } }): void;
  /** Scales the visibility timeout and the batching window (tests: 0.001 turns 180 s into 180 ms). Default 1. */
  timeScale?: number;
  region: string;
  account: string;
}

export interface QueuedMessage {
  messageId: string;
  /** The message body as SQS holds it: the envelope's JSON (a string takes a fraction of the memory of the object). */
  body: string;
  sentAt: number;
  receiveCount: number;
  /** Invisible until then (a received message). */
  invisibleUntil: number;
  lastError?: { name: string; message: string };
}

export class LocalQueue {
  private readonly visible: QueuedMessage[] = [];
  private readonly invisible = new Set<QueuedMessage>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly idleWaiters = new Set<() => void>();
  private readonly batches = new Set<Promise<void>>();

  constructor(private readonly options: LocalQueueOptions) {}

  get arn(): string {
    return `arn:aws:sqs:${this.options.region}:${this.options.account}:${this.options.queueId}`;
  }

  /** SendMessage (what the EventBridge target does). */
  send(envelope: BusEvent, sentAt = Date.now()): QueuedMessage {
    const message: QueuedMessage = { messageId: randomUUID(), body: JSON.stringify(envelope), sentAt, receiveCount: 0, invisibleUntil: 0 };
    this.visible.push(message);
    this.pump();
    return message;
  }

  /** Messages waiting or being processed. */
  get depth(): number {
    return this.visible.length + this.invisible.size;
  }

  /** Stops receiving; resolves once the batches being processed are done. The messages left are the caller's (its journal). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.all([...this.batches]);
  }

  private pump(): void {
    if (this.stopped) return;
    const { batchSize, maximumConcurrency, maximumBatchingWindowSeconds } = this.options.definition;
    this.returnExpired();
    while (this.inFlight < maximumConcurrency && this.visible.length > 0) {
      const oldest = this.visible[0]!;
      const windowMs = maximumBatchingWindowSeconds * 1000 * this.scale;
      if (this.visible.length < batchSize && Date.now() - oldest.sentAt < windowMs) {
        this.schedule(oldest.sentAt + windowMs - Date.now());
        return;
      }
      this.receive(this.visible.splice(0, batchSize));
    }
    const nextReturn = Math.min(...[...this.invisible].map((m) => m.invisibleUntil));
    if (Number.isFinite(nextReturn)) this.schedule(nextReturn - Date.now());
    if (this.depth === 0) for (const wake of this.idleWaiters) wake();
  }

  /** Resolves when the queue is empty. */
  whenEmpty(): Promise<void> {
    if (this.depth === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.idleWaiters.delete(wake);
        resolve();
      };
      this.idleWaiters.add(wake);
    });
  }

  private get scale(): number {
    return this.options.timeScale ?? 1;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), Math.max(0, ms));
    this.timer.unref?.();
  }

  /** Messages whose visibility timeout ran out come back, or go to the dead letters past maxReceiveCount. */
  private returnExpired(): void {
    const now = Date.now();
    for (const message of this.invisible) {
      if (message.invisibleUntil > now || this.inFlightIds.has(message.messageId)) continue;
      this.invisible.delete(message);
      if (message.receiveCount >= this.options.definition.maxReceiveCount) {
        this.options.onDone(message, { deleted: false, error: message.lastError ?? { name: 'Error', message: 'not deleted' } });
      } else {
        this.visible.push(message);
      }
    }
  }

  private readonly inFlightIds = new Set<string>();

  private receive(batch: QueuedMessage[]): void {
    const now = Date.now();
    for (const message of batch) {
      message.receiveCount += 1;
      message.invisibleUntil = now + this.options.definition.visibilityTimeoutSeconds * 1000 * this.scale;
      this.invisible.add(message);
      this.inFlightIds.add(message.messageId);
    }
    this.inFlight += 1;
    const run = this.invoke(batch).finally(() => {
      for (const message of batch) this.inFlightIds.delete(message.messageId);
      this.inFlight -= 1;
      this.batches.delete(run);
      this.pump();
    });
    this.batches.add(run);
  }

  private async invoke(batch: QueuedMessage[]): Promise<void> {
    let failedIds: Set<string>;
    let error: { name: string; message: string } | undefined;
    try {
      const response = (await this.options.consume({ Records: batch.map((m) => this.recordOf(m)) })) as SQSBatchResponse | undefined;
      failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      error = { name: 'BatchItemFailure', message: 'reported in batchItemFailures' };
    } catch (thrown) {
      failedIds = new Set(batch.map((m) => m.messageId));
      error = thrown instanceof Error ? { name: thrown.name, message: thrown.message } : { name: 'Error', message: String(thrown) };
    }
    for (const message of batch) {
      if (failedIds.has(message.messageId)) {
        message.lastError = error;
        continue;
      }
      this.invisible.delete(message);
      this.options.onDone(message, { deleted: true });
    }
  }

  private recordOf(message: QueuedMessage): SQSRecord {
    return {
      messageId: message.messageId,
      receiptHandle: `${message.messageId}#${message.receiveCount}`,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'events.amazonaws.com',
        ApproximateFirstReceiveTimestamp: String(message.sentAt),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: this.options.region,
    };
  }
}
