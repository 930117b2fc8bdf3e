import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Subscription, SubscriptionTarget } from '../../events/subscriptions';
import { InvalidEventPatternError, matchesPattern, validatePattern } from './event-pattern';
import {
  checkRequest,
  DEFAULT_MAX_REQUEST_BYTES,
  toEnvelope,
  type BusEvent,
  type BusIdentity,
  type PutEventsResult,
  type PutEventsResultEntry,
} from './entries';
import { EventJournal, type JournaledEvent } from './journal';
import { LocalQueue } from './local-queue';
import type { QueueDefinition } from '../../functions/triggers';

/** Where the bus delivers; `npm start` passes the in-process handlers and the audit log. */
export interface BusTargets {
  /** Invokes the consumer of a queue with an SQS batch of its messages. */
  invokeFunction(functionId: string, event: unknown): Promise<unknown>;
  /** Writes an event to the audit log; a throw (or a rejection) is a failed delivery, retried per the rule's retry policy. */
  auditLog(envelope: BusEvent): void | Promise<void>;
}

export type BusLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface LocalEventBusOptions {
  subscriptions: readonly Subscription[];
  targets: BusTargets;
  /** Default `ocop-pulse`. */
  name?: string;
  /** Default `ap-southeast-1`. */
  region?: string;
  /** Default `000000000000`. */
  account?: string;
  /** Keeps the journal and the dead letters here (`journal.jsonl`, `dead-letters.jsonl`); without it the bus keeps nothing. */
  dataDir?: string;
  /** Deliveries running at once to a target that is not a queue (the audit log). Default 4. Queues have their own (maximumConcurrency). */
  concurrencyPerTarget?: number;
  /** The queues subscriptions may target (the functions' queue triggers, functions/triggers.ts). */
  queues?: Readonly<Record<string, QueueDefinition>>;
  /** Scales the queues' visibility timeouts and batching windows (tests). Default 1: as deployed. */
  queueTimeScale?: number;
  /** Backoff before retry n is about base * 2^(n-1), half of it random, capped at retryMaxDelayMs. Default 500 ms. */
  retryBaseDelayMs?: number;
  /** Default 60 s. */
  retryMaxDelayMs?: number;
  /** Total entry size of one PutEvents call. Default 256 KB, as documented by AWS. */
  maxRequestBytes?: number;
  log?: BusLog;
}

/** An event the bus gave up delivering to one target, as the dead-letter queue of that target would hold it. */
export interface DeadLetter {
  /** Stable id of this dead letter (for the redrive). */
  id: string;
  subscriptionId: string;
  target: SubscriptionTarget | undefined;
  /** The first three as EventBridge's target DLQ; the last as an SQS redrive policy (receives past maxReceiveCount). */
  reason: 'retries-exhausted' | 'maximum-event-age-exceeded' | 'subscription-removed' | 'max-receives-exceeded';
  /** Delivery attempts, or for a queue the receives. */
  attempts: number;
  error: { name: string; message: string };
  deadLetteredAt: string;
  event: BusEvent;
}

export class EventBusClosedError extends Error {
  override name = 'EventBusClosedError';
}

interface Delivery {
  event: BusEvent;
  acceptedAt: string;
  subscriptionId: string;
}

/**
 * A local EventBridge custom bus: PutEvents validated as AWS does, accepted
 * entries become envelopes routed through the subscriptions' patterns to
 * their targets, each delivery retried with exponential backoff and jitter per
 * the subscription's retry policy, then dead-lettered. With a data directory,
 * accepted events are journaled before PutEvents answers and replayed by the
 * next bus opened on that directory.
 */
export class LocalEventBus {
  readonly identity: BusIdentity;
  private readonly subscriptions: Map<string, Subscription>;
  private readonly journal: EventJournal | undefined;
  private readonly deadLetterFile: string | undefined;
  private readonly limits = new Map<string, ConcurrencyLimit>();
  private readonly active = new Set<Promise<void>>();
  private readonly sleepers = new Set<() => void>();
  private readonly deadLettered: DeadLetter[] = [];
  private readonly queues = new Map<string, LocalQueue>();
  private readonly queueWaiters = new Map<string, (outcome: { deleted: true } | { deleted: false; error: { name: string; message: string }; receives: number }) => void>();
  private unsettled = 0;
  private closed = false;
  private abandoning = false;

  constructor(private readonly options: LocalEventBusOptions) {
    for (const subscription of options.subscriptions) validatePatternOf(subscription);
    for (const [queueId, definition] of Object.entries(options.queues ?? {})) {
      this.queues.set(
        queueId,
        new LocalQueue({
          queueId,
          definition,
          region: options.region ?? 'ap-southeast-1',
          account: options.account ?? '000000000000',
          ...(options.queueTimeScale !== undefined && { timeScale: options.queueTimeScale }),
          consume: (event) => options.targets.invokeFunction(definition.consumer, event),
          onDone: (message, outcome) => {
            this.queueWaiters.get(message.messageId)?.(outcome.deleted ? outcome : { ...outcome, receives: message.receiveCount });
            this.queueWaiters.delete(message.messageId);
          },
        }),
      );
    }
    for (const subscription of options.subscriptions) {
      if (subscription.target.kind === 'queue' && !this.queues.has(subscription.target.queueId)) {
        throw new InvalidEventPatternError(`Subscription ${subscription.id} targets queue ${subscription.target.queueId}, which is not among the bus's queues`);
      }
    }
    this.subscriptions = new Map(options.subscriptions.map((s) => [s.id, s]));
    const name = options.name ?? 'ocop-pulse';
    const region = options.region ?? 'ap-southeast-1';
    const account = options.account ?? '000000000000';
    this.identity = { name, region, account, arn: `arn:aws:events:${region}:${account}:event-bus/${name}` };

    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      this.deadLetterFile = join(options.dataDir, 'dead-letters.jsonl');
      if (existsSync(this.deadLetterFile)) {
        for (const line of readFileSync(this.deadLetterFile, 'utf8').split('\n')) {
          if (!line.trim()) continue;
          try {
            const letter = JSON.parse(line) as DeadLetter;
            this.deadLettered.push({ ...letter, id: letter.id ?? `${letter.subscriptionId}:${letter.event.id}` });
          } catch {
            this.log('warn', 'Skipped an unreadable dead-letter line', { line: line.slice(0, 200) });
          }
        }
      }
      const opened = EventJournal.open(join(options.dataDir, 'journal.jsonl'), (line) =>
        this.log('warn', 'Skipped an unreadable journal line (torn by a crash?)', { line: line.slice(0, 200) }),
      );
      this.journal = opened.journal;
      if (opened.unsettled.length > 0) this.log('info', `Replaying ${opened.unsettled.length} event(s) accepted before the last stop`);
      for (const record of opened.unsettled) this.dispatch(record);
    }
  }

  /** PutEvents: answers per entry, in order; throws PutEventsValidationError when the request as a whole is refused. */
  putEvents(entries: unknown): PutEventsResult {
    if (this.closed) throw new EventBusClosedError(`The event bus ${this.identity.name} is closed`);
    checkRequest(entries, this.options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
    const now = new Date();
    const results: PutEventsResultEntry[] = [];
    const accepted: JournaledEvent[] = [];
    for (const entry of entries) {
      const outcome = toEnvelope(entry, this.identity, now);
      if (!('envelope' in outcome)) {
        results.push(outcome);
        continue;
      }
      results.push({ EventId: outcome.envelope.id });
      const subscriptionIds = this.options.subscriptions.filter((s) => matchesPattern(s.pattern, outcome.envelope)).map((s) => s.id);
      if (subscriptionIds.length > 0) accepted.push({ event: outcome.envelope, acceptedAt: now.toISOString(), subscriptionIds });
    }
    this.journal?.appendAccepted(accepted); // durable before the answer
    for (const record of accepted) this.dispatch(record);
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  }

  /** Resolves once every accepted event is delivered or dead-lettered. */
  async drain(): Promise<void> {
    while (this.active.size > 0) await Promise.all([...this.active]);
  }

  /**
   * Stops accepting events. By default waits until every accepted event is
   * delivered or dead-lettered; with `{ drain: false }` it only waits for the
   * deliveries running now, and the rest stay in the journal for the next start.
   */
  async close(options: { drain?: boolean } = {}): Promise<void> {
    this.closed = true;
    if (options.drain === false) {
      this.abandoning = true;
      for (const wake of this.sleepers) wake();
      await Promise.all([...this.queues.values()].map((queue) => queue.stop()));
      for (const stop of this.stopWaiting) stop();
    }
    await this.drain();
    await Promise.all([...this.queues.values()].map((queue) => queue.stop()));
    this.journal?.close();
  }

  /** The subscriptions this bus routes to, in order. */
  subscriptionList(): readonly Subscription[] {
    return this.options.subscriptions;
  }

  /** The dead letters not redriven yet, this run's and (with a data directory) earlier runs'. */
  deadLetters(): readonly DeadLetter[] {
    return this.deadLettered;
  }

  /**
   * Moves dead letters back (all, or those named): a queue's to its queue, as SQS's redrive does, others to
   * their target's delivery. With `dryRun`, says what would move and moves nothing.
   */
  redriveDeadLetters({ ids, dryRun = false }: { ids?: readonly string[]; dryRun?: boolean } = {}): { dryRun: boolean; moved: { id: string; queueId?: string; eventId: string }[] } {
    const chosen = this.deadLettered.filter((letter) => !ids || ids.includes(letter.id));
    const moved = chosen.map((letter) => ({
      id: letter.id,
      ...(letter.target?.kind === 'queue' && { queueId: letter.target.queueId }),
      eventId: letter.event.id,
    }));
    if (dryRun || chosen.length === 0) return { dryRun, moved };
    if (this.closed) throw new EventBusClosedError(`The event bus ${this.identity.name} is closed`);
    const remaining = this.deadLettered.filter((letter) => !chosen.includes(letter));
    this.deadLettered.splice(0, this.deadLettered.length, ...remaining);
    if (this.deadLetterFile) writeFileSync(this.deadLetterFile, remaining.map((letter) => `${JSON.stringify(letter)}\n`).join(''));
    const records: JournaledEvent[] = chosen.map((letter) => ({ event: letter.event, acceptedAt: new Date().toISOString(), subscriptionIds: [letter.subscriptionId] }));
    this.journal?.appendAccepted(records);
    for (const record of records) this.dispatch(record);
    return { dryRun, moved };
  }

  private dispatch(record: JournaledEvent): void {
    for (const subscriptionId of record.subscriptionIds) {
      this.unsettled++;
      const delivery = this.deliver({ event: record.event, acceptedAt: record.acceptedAt, subscriptionId })
        .catch((error: unknown) => this.log('error', 'Delivery loop failed', { error: String(error), eventId: record.event.id }))
        .finally(() => this.active.delete(delivery));
      this.active.add(delivery);
    }
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const subscription = this.subscriptions.get(delivery.subscriptionId);
    if (!subscription) {
      return this.deadLetter(delivery, undefined, 'subscription-removed', 0, new Error(`No subscription ${delivery.subscriptionId} any more`));
    }
    if (subscription.target.kind === 'queue') return this.deliverThroughQueue(delivery, subscription.target);
    // The audit log: EventBridge's own retries (the rule's retry policy), then the rule's dead letters.
    const { maximumRetryAttempts, maximumEventAgeSeconds } = subscription.retryPolicy;
    const limit = this.limitFor(subscription.target);
    for (let attempt = 1; ; attempt++) {
      const release = await limit.acquire();
      if (this.abandoning) return release();
      let failure: unknown;
      try {
        await this.options.targets.auditLog(structuredClone(delivery.event));
        return this.settle(delivery, 'delivered');
      } catch (error) {
        failure = error;
      } finally {
        release();
      }
      const ageSeconds = (Date.now() - Date.parse(delivery.acceptedAt)) / 1000;
      if (attempt > maximumRetryAttempts) return this.deadLetter(delivery, subscription.target, 'retries-exhausted', attempt, failure);
      if (ageSeconds > maximumEventAgeSeconds) return this.deadLetter(delivery, subscription.target, 'maximum-event-age-exceeded', attempt, failure);
      this.log('warn', `Delivery to ${describeTarget(subscription.target)} failed, retrying`, { eventId: delivery.event.id, attempt, error: String(failure) });
      await this.sleep(this.backoffMs(attempt));
      if (this.abandoning) return;
    }
  }

  /**
   * EventBridge → SQS → the consumer: the message is sent to the queue (a
   * send never fails here), and the delivery is settled once the queue deleted
   * it or moved it to the dead letters after maxReceiveCount receives.
   */
  private async deliverThroughQueue(delivery: Delivery, target: Extract<SubscriptionTarget, { kind: 'queue' }>): Promise<void> {
    const queue = this.queues.get(target.queueId)!;
    if (this.abandoning) return;
    const outcome = await new Promise<Parameters<NonNullable<ReturnType<typeof this.queueWaiters.get>>>[0]>((resolve) => {
      const message = queue.send(delivery.event, Date.parse(delivery.acceptedAt));
      const abandon = () => resolve({ deleted: false, error: { name: 'Abandoned', message: 'the bus closed' }, receives: -1 });
      this.stopWaiting.add(abandon);
      this.queueWaiters.set(message.messageId, (outcome) => {
        this.stopWaiting.delete(abandon); // one waiter per message in flight, not one per message ever sent
        resolve(outcome);
      });
    });
    if (outcome.deleted) return this.settle(delivery, 'delivered');
    if (outcome.receives < 0) return; // closed without draining: the journal keeps it for the next start
    this.deadLetter(delivery, target, 'max-receives-exceeded', outcome.receives, Object.assign(new Error(outcome.error.message), { name: outcome.error.name }));
  }

  private readonly stopWaiting = new Set<() => void>();


  private settle(delivery: Delivery, outcome: 'delivered' | 'dead-lettered'): void {
    this.unsettled--;
    if (!this.journal) return;
    if (this.unsettled === 0) this.journal.clear();
    else this.journal.appendSettled(delivery.event.id, delivery.subscriptionId, outcome);
  }

  private deadLetter(delivery: Delivery, target: SubscriptionTarget | undefined, reason: DeadLetter['reason'], attempts: number, failure: unknown): void {
    const error = failure instanceof Error ? { name: failure.name, message: failure.message } : { name: 'Error', message: String(failure) };
    const letter: DeadLetter = {
      id: `${delivery.subscriptionId}:${delivery.event.id}`,
      subscriptionId: delivery.subscriptionId,
      target,
      reason,
      attempts,
      error,
      deadLetteredAt: new Date().toISOString(),
      event: delivery.event,
    };
    this.deadLettered.push(letter);
    if (this.deadLetterFile) appendFileSync(this.deadLetterFile, `${JSON.stringify(letter)}\n`);
    this.log('error', `Event ${delivery.event.id} dead-lettered for ${delivery.subscriptionId} (${reason}): ${error.message}`, { attempts });
    this.settle(delivery, 'dead-lettered');
  }

  private backoffMs(attempt: number): number {
    const ceiling = Math.min(this.options.retryMaxDelayMs ?? 60_000, (this.options.retryBaseDelayMs ?? 500) * 2 ** (attempt - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private limitFor(target: SubscriptionTarget): ConcurrencyLimit {
    const key = describeTarget(target);
    let limit = this.limits.get(key);
    if (!limit) this.limits.set(key, (limit = new ConcurrencyLimit(this.options.concurrencyPerTarget ?? 4)));
    return limit;
  }

  private log(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void {
    this.options.log?.(level, message, fields);
  }
}

function validatePatternOf(subscription: Subscription): void {
  try {
    validatePattern(subscription.pattern);
  } catch (error) {
    throw new InvalidEventPatternError(`Subscription ${subscription.id}: ${(error as Error).message}`, { cause: error });
  }
}

function describeTarget(target: SubscriptionTarget): string {
  return target.kind === 'queue' ? `queue ${target.queueId}` : 'the audit log';
}

/** At most `limit` holders at once; the others wait in order. */
class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.running++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.running--;
          this.waiting.shift()?.();
        });
      };
      if (this.running < this.limit) grant();
      else this.waiting.push(grant);
    });
  }
}
