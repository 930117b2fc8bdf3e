import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BusEvent } from './entries';

/**
 * The bus's durable journal, a JSON-lines file: an accepted event is written
 * (and flushed to disk) before PutEvents answers, with the subscriptions it
 * matched; each delivery is marked settled once delivered or dead-lettered.
 * On open, the deliveries not yet settled are handed back for replay and the
 * file is rewritten with only them. A settled mark lost in a crash means one
 * more delivery (at least once, as in EventBridge), never a lost event.
 */
export interface JournaledEvent {
  event: BusEvent;
  acceptedAt: string;
  /** Subscriptions still to deliver to. */
  subscriptionIds: string[];
}

export class EventJournalClosedError extends Error {
  override name = 'EventJournalClosedError';
}

type JournalLine =
  | ({ op: 'accepted' } & JournaledEvent)
  | { op: 'settled'; eventId: string; subscriptionId: string; outcome: 'delivered' | 'dead-lettered' };

export class EventJournal {
  private constructor(
    private readonly file: string,
    private fd: number | undefined,
  ) {}

  /** Opens (or creates) the journal; returns it with the deliveries left unsettled by the previous run. */
  static open(file: string, onUnreadableLine: (line: string) => void = () => {}): { journal: EventJournal; unsettled: JournaledEvent[] } {
    mkdirSync(dirname(file), { recursive: true });
    const unsettled = existsSync(file) ? replay(readFileSync(file, 'utf8'), onUnreadableLine) : [];
    const compacted = unsettled.map((record) => `${JSON.stringify({ op: 'accepted', ...record })}\n`).join('');
    writeFileSync(`${file}.tmp`, compacted);
    renameSync(`${file}.tmp`, file);
    return { journal: new EventJournal(file, openSync(file, 'a')), unsettled };
  }

  /** Appends accepted events and flushes them to disk. */
  appendAccepted(records: JournaledEvent[]): void {
    if (records.length === 0) return;
    const fd = this.descriptor();
    writeSync(fd, records.map((record) => `${JSON.stringify({ op: 'accepted', ...record })}\n`).join(''));
    fsyncSync(fd);
  }

  appendSettled(eventId: string, subscriptionId: string, outcome: 'delivered' | 'dead-lettered'): void {
    writeSync(this.descriptor(), `${JSON.stringify({ op: 'settled', eventId, subscriptionId, outcome })}\n`);
  }

  /** Empties the journal; call only when no delivery is unsettled. */
  clear(): void {
    ftruncateSync(this.descriptor(), 0);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private descriptor(): number {
    if (this.fd === undefined) throw new EventJournalClosedError(`The journal ${this.file} is closed`);
    return this.fd;
  }
}

function replay(text: string, onUnreadableLine: (line: string) => void): JournaledEvent[] {
  const pending = new Map<string, JournaledEvent>();
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let line: JournalLine;
    try {
      line = JSON.parse(raw) as JournalLine;
    } catch {
      onUnreadableLine(raw); // a line torn by a crash mid-write
      continue;
    }
    if (line.op === 'accepted') {
      pending.set(line.event.id, { event: line.event, acceptedAt: line.acceptedAt, subscriptionIds: [...line.subscriptionIds] });
    } else if (line.op === 'settled') {
      const record = pending.get(line.eventId);
      if (record) record.subscriptionIds = record.subscriptionIds.filter((id) => id !== line.subscriptionId);
    }
  }
  return [...pending.values()].filter((record) => record.subscriptionIds.length > 0);
}
