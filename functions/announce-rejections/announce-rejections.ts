import { inboundEventsQueue } from '../project-event/trigger';
import { announceRejections, type AnnounceableRejection, type AnnouncementOutcome } from '../shared/announce-rejection';
import { countUnannouncedBefore, markAnnounced, unannouncedRejectionsBefore } from '../storage/rejection-store';

/**
 * The sweep that leaves no rejection unannounced: every rejection still in
 * the sparse `unannounced` index once its own delivery can no longer announce
 * it gets its `EventRejected` now. "Can no longer" is the grace period: the
 * inbound queue's visibility timeout × its receives (after that the delivery
 * either announced it or sits in the dead letters). An announcement may still
 * come twice (the sweep and a late redrive); its eventId,
 * `rejected-<rejectionId>`, is the same both times, so a district can drop the repeat.
 */
export const ANNOUNCEMENT_GRACE_SECONDS = inboundEventsQueue.visibilityTimeoutSeconds * inboundEventsQueue.maxReceiveCount;
/** At most this many per run (the next run takes the rest; the metric shows them meanwhile). */
export const MAX_ANNOUNCEMENTS_PER_RUN = 500;

export interface SweepResult {
  /** Announced (EventRejected accepted by the bus) and marked by this run. */
  announced: number;
  /** Refused by the bus in this run; they stay pending for the next. */
  failed: AnnouncementOutcome['failed'];
  /** Past the grace period and still unannounced after this run: what the RejectionsUnannounced metric reports. */
  left: number;
}

export async function announcePendingRejections(options: { now?: Date; maxPerRun?: number } = {}): Promise<SweepResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - ANNOUNCEMENT_GRACE_SECONDS * 1000).toISOString();
  const maxPerRun = options.maxPerRun ?? MAX_ANNOUNCEMENTS_PER_RUN;
  const due = await unannouncedRejectionsBefore(cutoff, maxPerRun);
  const outcome = await announceEachChunk(due);
  for (const rejectionId of outcome.announced) await markAnnounced(rejectionId);
  return { announced: outcome.announced.length, failed: outcome.failed, left: await countUnannouncedBefore(cutoff) };
}

/** A request the bus refuses whole (one entry too large, say) is retried entry by entry, so one bad entry holds back only itself. */
async function announceEachChunk(rejections: AnnounceableRejection[]): Promise<AnnouncementOutcome> {
  try {
    return await announceRejections(rejections);
  } catch (error) {
    if (rejections.length <= 1) {
      return { announced: [], failed: rejections.map((r) => ({ rejectionId: r.rejectionId, errorCode: (error as Error).name, errorMessage: (error as Error).message })) };
    }
    const outcome: AnnouncementOutcome = { announced: [], failed: [] };
    for (const rejection of rejections) {
      const one = await announceEachChunk([rejection]);
      outcome.announced.push(...one.announced);
      outcome.failed.push(...one.failed);
    }
    return outcome;
  }
}
