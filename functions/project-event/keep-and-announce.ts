import { announceRejections, PublishEventError } from '../shared/announce-rejection';
import { keepRejection, markAnnounced } from '../storage/rejection-store';
import { IN_FLIGHT, inParallel } from './in-parallel';
import type { PendingRejection } from './messages';

/** A rejection after one part of this step, with the error that stopped it there. */
interface Attempt {
  pending: PendingRejection;
  error?: Error;
}

/**
 * Step 4: keeps each rejection once (the stored one wins: an event rejected
 * before keeps its first record), announces those not announced yet
 * (EventRejected, 10 per PutEvents), and marks them announced. Returns the
 * messages whose rejection could not be kept, announced or marked: they fail,
 * and the queue delivers them again. A waited event's rejection has no
 * message: when it fails, it stays kept unannounced and the sweep
 * (announce-rejections) announces it.
 */
export async function keepAndAnnounce(rejections: readonly PendingRejection[]): Promise<ReadonlyMap<string, Error>> {
  const kept = await inParallel(rejections, IN_FLIGHT, keep);
  const announced = await announce(kept.filter((k) => !k.error && !k.pending.record.announced).map((k) => k.pending));
  const marked = await inParallel(
    announced.filter((a) => !a.error),
    IN_FLIGHT,
    async ({ pending }): Promise<Attempt> => markAnnounced(pending.record.rejectionId).then(() => ({ pending }), (error: Error) => ({ pending, error })),
  );
  return failuresByMessage([...kept, ...announced, ...marked]);
}

async function keep(pending: PendingRejection): Promise<Attempt> {
  if (pending.kept) return { pending };
  try {
    return { pending: { ...pending, record: await keepRejection(pending.record), kept: true } };
  } catch (error) {
    return { pending, error: error as Error };
  }
}

async function announce(pendings: readonly PendingRejection[]): Promise<Attempt[]> {
  if (pendings.length === 0) return [];
  try {
    const refused = new Set((await announceRejections(pendings.map((p) => p.record))).failed.map((f) => f.rejectionId));
    return pendings.map((pending) =>
      refused.has(pending.record.rejectionId)
        ? { pending, error: new PublishEventError(`EventRejected for ${pending.record.rejectionId} was not accepted by the bus`) }
        : { pending },
    );
  } catch (error) {
    return pendings.map((pending) => ({ pending, error: error as Error }));
  }
}

/** Pure: the errors of the attempts that failed, by the message they answer. */
export function failuresByMessage(attempts: readonly Attempt[]): ReadonlyMap<string, Error> {
  return new Map(attempts.flatMap(({ pending, error }) => (error && pending.messageId !== undefined ? [[pending.messageId, error] as const] : [])));
}
