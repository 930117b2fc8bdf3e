import type { AggregateDecision, AggregateKey, UnitDirectory } from '../../domain';
import { PROVINCE_SOURCE } from '../../events';
import { getProjection, type Projection } from '../storage/projection-store';
import { putWaiting } from '../storage/waiting-store';
import { decideAndPut, type Written } from './decide-and-put';
import { eventIdOf, merged, metaOf, rejectedMessage, type Candidate, type MessageResult, type Resolved, type ResultMeta } from './messages';
import { rejectionOf } from './rejections';
import { SETTLE_WAITING_DETAIL_TYPE } from './settle-request';
import { keepAndRemoveSettled, NO_SETTLEMENT, settleWaiting, type Settlement } from './settle-waiting';

type Verdict = AggregateDecision['verdicts'][number];

/** One aggregate of a batch: its events, in the order they are decided, and the follow-up messages asking to settle it. */
export interface AggregateWork {
  pk: AggregateKey;
  candidates: readonly Candidate[];
  followUps: readonly string[];
}

/** The outcome of deciding and persisting an aggregate's events. */
export interface Decided {
  /** The verdicts of its events and of the waiting events settled with them, by eventId. */
  verdicts: ReadonlyMap<string, Verdict>;
  /** The waiting events settled (none unless a registration or a follow-up asked). */
  settlement: Settlement;
  /** What leaves the waiting table: the events settled, and the aggregate's own events when they were parked and then decided. */
  removable: readonly string[];
}

/**
 * Step 3, one aggregate: decide and persist its events (a product not
 * registered yet keeps them in the waiting table), settle a chunk of what
 * waited for it, keep the rejections of what waited and remove it from the
 * waiting table. A failure fails this aggregate's messages only: the queue
 * delivers them again, and every part is idempotent.
 */
export async function projectAggregate(work: AggregateWork, read: Projection | undefined, now: Date, directory: UnitDirectory): Promise<Resolved> {
  let decided: Decided;
  try {
    decided = await decideAndPersist(work, read, directory);
  } catch (error) {
    return failedAggregate(work, error as Error);
  }
  const own = resolvedByVerdicts(work.candidates, decided.verdicts, now);
  try {
    const waitedRejections = await keepAndRemoveSettled(work.pk, decided.settlement, decided.verdicts, decided.removable, now);
    return merged(own, { results: work.followUps.map((messageId) => ({ messageId, outcome: 'settled', ...followUpMeta(work.pk) })), rejections: waitedRejections });
  } catch (error) {
    // The messages come again; their events' rejections are kept and announced now all the same (keeping one is idempotent).
    return { ...failedAggregate(work, error as Error), rejections: own.rejections };
  }
}

/**
 * Decides the aggregate's events against its item and writes the result
 * (decide-and-put.ts). A batch that brings a registration (or a follow-up
 * message asking for it) then settles what waited (settle-waiting.ts),
 * after its write: parked before, or while the registration was being
 * written; at most a chunk per invocation. It settles even when the product
 * existed: a registration delivered again after a failure between the
 * product's write and the waiting events' rejections (or their removal)
 * settles them then, instead of leaving them waiting for good.
 */
export async function decideAndPersist(work: AggregateWork, read: Projection | undefined, directory: UnitDirectory): Promise<Decided> {
  // A follow-up for a product that is not there: nothing to decide.
  if (work.candidates.length === 0 && !read) return { verdicts: new Map(), settlement: NO_SETTLEMENT, removable: [] };
  const { written, parked } = await decideOwnEvents(work, read, directory);
  const own = written.decision.verdicts;
  if (!written.decision.state) return { verdicts: verdictsById(own), settlement: NO_SETTLEMENT, removable: [] };
  const ownIds = work.candidates.map(eventIdOf);
  const unparked = parked ? ownIds : [];
  if (!asksToSettle(work)) return { verdicts: verdictsById(own), settlement: NO_SETTLEMENT, removable: unparked };
  // Asked once the product exists, so nothing parked later can be missed: a later event sees the product and is not parked.
  const settlement = await settleWaiting(work.pk, written.item, ownIds, directory);
  return {
    verdicts: verdictsById([...settlement.verdicts, ...own]),
    settlement,
    removable: [...settlement.decided.map((w) => w.event.detail.eventId), ...settlement.unreadable.map((u) => u.eventId), ...unparked],
  };
}

/**
 * The aggregate's own events, decided and written. Not registered yet: they
 * wait outside the product (`parked`); then it looks again, in case the
 * registration was just written, and decides them against it.
 */
async function decideOwnEvents(work: AggregateWork, read: Projection | undefined, directory: UnitDirectory): Promise<{ written: Written; parked: boolean }> {
  const events = work.candidates.map((c) => c.event);
  const written = await decideAndPut(work.pk, read, events, directory);
  if (written.decision.state) return { written, parked: false };
  await putWaiting(work.candidates.map((c) => ({ aggregateKey: work.pk, eventId: eventIdOf(c), receivedAt: c.receivedAt, envelope: c.envelope })));
  const meanwhile = await getProjection(work.pk);
  if (!meanwhile) return { written, parked: true };
  return { written: await decideAndPut(work.pk, meanwhile, events, directory), parked: true };
}

/** A registration of a product, or a follow-up message for it, settles what waited for it. */
export function asksToSettle(work: AggregateWork): boolean {
  return work.pk.startsWith('PRODUCT#') && (work.followUps.length > 0 || work.candidates.some((c) => c.event.detailType === 'ProductRegistered'));
}

/** Pure: each event's result by its verdict; an event the log had already, accepted again, is a duplicate. */
export function resolvedByVerdicts(candidates: readonly Candidate[], verdicts: ReadonlyMap<string, Verdict>, now: Date): Resolved {
  return merged(
    ...candidates.map((candidate): Resolved => {
      const verdict = verdicts.get(eventIdOf(candidate))!;
      if (verdict.verdict === 'rejected') return rejectedMessage(candidate.messageId, rejectionOf(candidate.envelope, verdict.reasons, now), metaOf(candidate));
      const outcome = verdict.verdict === 'accepted' && candidate.redelivered ? 'duplicate' : verdict.verdict;
      return { results: [{ messageId: candidate.messageId, outcome, ...metaOf(candidate) }], rejections: [] };
    }),
  );
}

/** Pure: every message of a failed aggregate fails, to be delivered again. */
export function failedAggregate(work: AggregateWork, error: Error): Resolved {
  const results: MessageResult[] = [
    ...work.candidates.map((candidate) => ({ messageId: candidate.messageId, error, ...metaOf(candidate) })),
    ...work.followUps.map((messageId) => ({ messageId, error, ...followUpMeta(work.pk) })),
  ];
  return { results, rejections: [] };
}

function followUpMeta(pk: AggregateKey): ResultMeta {
  return { source: PROVINCE_SOURCE, detailType: SETTLE_WAITING_DETAIL_TYPE, productId: pk.slice('PRODUCT#'.length) };
}

const verdictsById = (verdicts: readonly Verdict[]): ReadonlyMap<string, Verdict> => new Map(verdicts.map((v) => [v.eventId, v]));
