import { PutEventsCommand, type PutEventsCommandOutput, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { InboundEvent } from '../../../events';

/** What publishing needs of a client: `EventBridgeClient` has it. */
export interface PutEventsSender {
  send(command: PutEventsCommand): Promise<PutEventsCommandOutput>;
}

/** EventBridge's limits per PutEvents call: 10 entries, 256 KB. */
const MAX_ENTRIES = 10;
const MAX_CALL_BYTES = 256 * 1024;
const MAX_ATTEMPTS = 5;

export class PublishError extends Error {
  override name = 'PublishError';
}

const entrySize = (entry: PutEventsRequestEntry) =>
  Buffer.byteLength(entry.Source ?? '') + Buffer.byteLength(entry.DetailType ?? '') + Buffer.byteLength(entry.Detail ?? '') + Buffer.byteLength(entry.EventBusName ?? '');

/** Entries in calls of at most 10 entries and 256 KB. */
export function putEventsBatches(entries: readonly PutEventsRequestEntry[]): PutEventsRequestEntry[][] {
  const batches: PutEventsRequestEntry[][] = [];
  let batch: PutEventsRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (batch.length === MAX_ENTRIES || (batch.length > 0 && bytes + size > MAX_CALL_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Publishes the events through PutEvents, a few calls at a time. Entries
 * EventBridge refuses (FailedEntryCount, ErrorCode) are retried with backoff;
 * what still fails is thrown (PublishError), naming the events. Publishing the
 * same events again is harmless: the pipeline dedupes by eventId.
 */
export async function publishEvents(
  events: readonly InboundEvent[],
  options: { client: PutEventsSender; eventBusName: string; concurrency?: number; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  const { client, eventBusName, concurrency = 4, onProgress } = options;
  const entries = events.map((event): PutEventsRequestEntry => ({ EventBusName: eventBusName, Source: event.source, DetailType: event.detailType, Detail: JSON.stringify(event.detail) }));
  const batches = putEventsBatches(entries);
  let published = 0;
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++]!;
      for (let attempt = 1; pending.length > 0 && attempt <= MAX_ATTEMPTS; attempt++) {
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 2)));
        let output: PutEventsCommandOutput | undefined;
        try {
          output = await client.send(new PutEventsCommand({ Entries: pending }));
        } catch (error) {
          if (attempt === MAX_ATTEMPTS) failures.push(...pending.map((e) => `${eventIdOfEntry(e)}: ${error instanceof Error ? error.message : String(error)}`));
          continue;
        }
        // PutEvents answers 200 even when entries were refused: read FailedEntryCount and each entry.
        const results = output.Entries ?? [];
        const failed = pending.filter((_, i) => !results[i]?.EventId || results[i]?.ErrorCode);
        published += pending.length - failed.length;
        if (attempt === MAX_ATTEMPTS) failures.push(...failed.map((e) => `${eventIdOfEntry(e)}: ${results[pending.indexOf(e)]?.ErrorCode ?? 'no result'}`));
        pending = (output.FailedEntryCount ?? 0) > 0 || failed.length > 0 ? failed : [];
      }
      onProgress?.(published, entries.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  if (failures.length > 0) throw new PublishError(`${failures.length} event(s) could not be published (${published} were): ${failures.slice(0, 5).join('; ')}`);
  return published;
}

const eventIdOfEntry = (entry: PutEventsRequestEntry) => (JSON.parse(entry.Detail ?? '{}') as { eventId?: string }).eventId ?? '?';
