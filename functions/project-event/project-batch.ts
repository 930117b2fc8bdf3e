import { unitDirectoryOfDeployment } from '../shared/unit-directory';
import { resultsOf } from './batch-results';
import { dedupeAgainstLog } from './dedupe-against-log';
import { keepAndAnnounce } from './keep-and-announce';
import { merged, type InboundMessage, type MessageResult } from './messages';
import { projectAggregates } from './project-aggregates';
import { readMessages } from './read-messages';

export type { InboundMessage, MessageResult, Outcome } from './messages';

/**
 * Takes a batch of inbound messages to the projections, step by step, each
 * step's output the next one's input:
 * 1. read: validate each message and check its rules (read-messages.ts);
 * 2. dedupe against the event log, appending each new event on condition its
 *    eventId is still absent (dedupe-against-log.ts);
 * 3. per aggregate: one read, the domain's decision, one conditional write,
 *    and for a registration or a follow-up a chunk of what waited
 *    (project-aggregates.ts, project-aggregate.ts);
 * 4. keep every rejection and announce it (keep-and-announce.ts);
 * 5. one result per message (batch-results.ts).
 *
 * Permanent problems (bad events, another unit's events, a reused eventId)
 * are rejections, never errors. Transient ones (DynamoDB, the bus) fail only
 * the messages of the aggregate concerned, and the queue delivers them again;
 * every step is idempotent, so a redelivery neither loses nor double-counts.
 * A failure reading the units, the log or the items fails the whole batch.
 */
export async function projectBatch(messages: readonly InboundMessage[], now = new Date()): Promise<MessageResult[]> {
  const directory = await unitDirectoryOfDeployment();
  const read = readMessages(messages, directory, now);
  const deduped = await dedupeAgainstLog(read.candidates, now);
  const projected = await projectAggregates(deduped.candidates, read.followUps, now, directory);
  const resolved = merged(read.resolved, deduped.resolved, projected);
  const failures = await keepAndAnnounce(resolved.rejections);
  return resultsOf(messages, resolved.results, failures, read.copies);
}
