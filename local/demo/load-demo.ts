import { PutEventsCommand, type PutEventsCommandOutput, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { InboundEvent } from '../../events';

/** EventBridge accepts at most 10 entries per PutEvents call. */
export const PUT_EVENTS_BATCH_SIZE = 10;

/** What loadDemo needs of a client: `EventBridgeClient` has it. */
export interface PutEventsSender {
  send(command: PutEventsCommand): Promise<PutEventsCommandOutput>;
}

export interface DemoLoadProgress {
  published: number;
  total: number;
}

export interface LoadDemoOptions {
  client: PutEventsSender;
  eventBusName: string;
  /** Published in this order (history order). */
  events: readonly InboundEvent[];
  onProgress?: (progress: DemoLoadProgress) => void;
  /** Attempts per entry, the first included (default 5). */
  maxAttempts?: number;
  /** Delay before the first retry, doubled at each retry (default 100 ms). */
  initialBackoffMs?: number;
  /** How to wait; tests pass one that does not. */
  sleep?: (ms: number) => Promise<void>;
}

export interface DemoLoadFailure {
  eventId: string;
  detailType: string;
  errorCode: string;
  errorMessage?: string;
}

/** Some demo events could not be published after every retry. */
export class DemoLoadError extends Error {
  override name = 'DemoLoadError';

  constructor(
    readonly failures: DemoLoadFailure[],
    readonly published: number,
    options?: { cause?: unknown },
  ) {
    const named = failures
      .slice(0, 5)
      .map((f) => `${f.eventId} (${f.detailType}): ${f.errorCode}${f.errorMessage ? ` ${f.errorMessage}` : ''}`)
      .join('; ');
    const more = failures.length > 5 ? `; and ${failures.length - 5} more` : '';
    super(`${failures.length} demo event(s) could not be published (${published} were): ${named}${more}`, options);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Publishes the demo events through PutEvents, 10 at a time, in order. Entries
 * EventBridge reports as failed (FailedEntryCount, each entry's ErrorCode) are
 * retried with exponential backoff; a call that throws is retried whole.
 * Throws DemoLoadError naming the events that never got through.
 */
export async function loadDemo(options: LoadDemoOptions): Promise<{ published: number }> {
  const { client, eventBusName, events, onProgress, maxAttempts = 5, initialBackoffMs = 100, sleep = defaultSleep } = options;
  let published = 0;
  const failures: DemoLoadFailure[] = [];
  let lastError: unknown;
  onProgress?.({ published, total: events.length });

  for (let start = 0; start < events.length; start += PUT_EVENTS_BATCH_SIZE) {
    let pending = events.slice(start, start + PUT_EVENTS_BATCH_SIZE);
    let lastErrors = new Map<InboundEvent, { errorCode: string; errorMessage?: string }>();
    for (let attempt = 1; pending.length > 0 && attempt <= maxAttempts; attempt += 1) {
      if (attempt > 1) await sleep(initialBackoffMs * 2 ** (attempt - 2));
      const outcome = await putBatch(client, eventBusName, pending).catch((error: unknown) => {
        lastError = error;
        return pending.map(() => ({ errorCode: 'CallFailed', errorMessage: error instanceof Error ? error.message : String(error) }));
      });
      lastErrors = new Map();
      const stillPending: InboundEvent[] = [];
      pending.forEach((event, i) => {
        const error = outcome[i];
        if (error) {
          lastErrors.set(event, error);
          stillPending.push(event);
        } else {
          published += 1;
        }
      });
      pending = stillPending;
    }
    for (const event of pending) {
      const error = lastErrors.get(event)!;
      failures.push({ eventId: event.detail.eventId, detailType: event.detailType, ...error });
    }
    onProgress?.({ published, total: events.length });
  }

  if (failures.length > 0) throw new DemoLoadError(failures, published, { cause: lastError ?? failures });
  return { published };
}

/** One PutEvents call: for each entry, undefined if accepted, else its error. */
async function putBatch(
  client: PutEventsSender,
  eventBusName: string,
  batch: readonly InboundEvent[],
): Promise<Array<{ errorCode: string; errorMessage?: string } | undefined>> {
  const entries: PutEventsRequestEntry[] = batch.map((event) => ({
    EventBusName: eventBusName,
    Source: event.source,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
  }));
  const output = await client.send(new PutEventsCommand({ Entries: entries }));
  const results = output.Entries ?? [];
  if (!output.FailedEntryCount && results.every((entry) => !entry.ErrorCode)) return batch.map(() => undefined);
  return batch.map((_, i) => {
    const result = results[i];
    if (!result) return { errorCode: 'MissingResult', errorMessage: 'PutEvents returned no result for this entry' };
    if (result.ErrorCode) return { errorCode: result.ErrorCode, ...(result.ErrorMessage && { errorMessage: result.ErrorMessage }) };
    return undefined;
  });
}
