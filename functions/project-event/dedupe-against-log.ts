import { appendToEventLog, findLogged, type EventLogRecord, type LoggedEvent } from '../storage/event-log-store';
import { eventIdOf, merged, metaOf, rejectedMessage, type Candidate, type Resolved } from './messages';
import { reusedEventIdRejection } from './rejections';

/** Step 2's output. */
export interface Deduped {
  /** The candidates to decide, `redelivered` when the log had them with the same content. */
  candidates: Candidate[];
  /** The reuses: an eventId the log holds with other content, rejected. */
  resolved: Resolved;
}

/** Where a candidate stands against what the log holds for its eventId. */
export type Standing = { kind: 'absent'; candidate: Candidate } | { kind: 'present'; candidate: Candidate } | { kind: 'reused'; resolved: Resolved };

/**
 * Step 2: the event log, the source of truth. One read of what it has for
 * the batch's eventIds, then each event it lacks appended on condition its
 * eventId is still absent (README "Bounded work and races"), so a racing
 * batch's event is never overwritten. What another batch logged in between
 * is told apart as the first read's answer is. A failure here fails the
 * whole batch: nothing was decided yet.
 */
export async function dedupeAgainstLog(candidates: readonly Candidate[], now: Date): Promise<Deduped> {
  const logged = await findLogged(candidates.map(eventIdOf));
  const before = candidates.map((candidate) => standingInLog(candidate, logged.get(eventIdOf(candidate)), now));
  const absent = before.flatMap((s) => (s.kind === 'absent' ? [s.candidate] : []));
  const loggedMeanwhile = await appendToEventLog(absent.map(logRecordOf));
  // Still absent after the append: this batch logged it, a new event.
  const after = absent.map((candidate) => standingInLog(candidate, loggedMeanwhile.get(eventIdOf(candidate)), now));
  const standings = [...before.filter((s) => s.kind !== 'absent'), ...after];
  return {
    candidates: standings.flatMap((s) => (s.kind === 'reused' ? [] : [s.candidate])),
    resolved: merged(...standings.flatMap((s) => (s.kind === 'reused' ? [s.resolved] : []))),
  };
}

/** Pure: nothing logged (absent), the same content (a redelivery, received when first logged), other content (a reuse, rejected). */
export function standingInLog(candidate: Candidate, entry: LoggedEvent | undefined, now: Date): Standing {
  if (!entry) return { kind: 'absent', candidate };
  if (entry.contentHash === candidate.contentHash) return { kind: 'present', candidate: { ...candidate, redelivered: true, receivedAt: entry.receivedAt } };
  return { kind: 'reused', resolved: rejectedMessage(candidate.messageId, reusedEventIdRejection(candidate, entry.receivedAt, now), metaOf(candidate)) };
}

export function logRecordOf(candidate: Candidate): EventLogRecord {
  return {
    eventId: eventIdOf(candidate),
    aggregateKey: candidate.pk,
    detailType: candidate.event.detailType,
    source: candidate.event.source,
    contentHash: candidate.contentHash,
    receivedAt: candidate.receivedAt,
    envelope: candidate.envelope,
  };
}
