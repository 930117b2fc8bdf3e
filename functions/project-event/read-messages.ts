import { eventBridgeEnvelope, describeIssues, parseInboundEvent } from '../../events';
import { aggregateKeyOf, checkEventRules, type AggregateKey, type UnitDirectory } from '../../domain';
import { contentHashOf } from '../storage/event-log-store';
import { eventIdOf, merged, metaOf, rejectedMessage, type Candidate, type InboundMessage, type Resolved } from './messages';
import { malformedRejection, rejectionOf, reusedEventIdRejection } from './rejections';
import { settleRequestOf } from './settle-request';

/** Step 1's output. */
export interface ReadBatch {
  /** The valid events, the first message of each eventId, in the batch's order. */
  candidates: Candidate[];
  /** Later messages carrying an event of `candidates` again, with the same content: messageId → the first one's messageId. */
  copies: Map<string, string>;
  /** Follow-up messages (settle-request.ts), by the product they ask to settle. */
  followUps: Map<AggregateKey, string[]>;
  /** The messages rejected already: not an EventBridge event, not a valid event, against the rules, an eventId reused within the batch. */
  resolved: Resolved;
}

/**
 * Step 1, pure: sorts a batch's messages into follow-ups, rejections and
 * candidates. The same eventId twice in one batch is one event (a copy) when
 * its content is the same, else a reuse, rejected.
 */
export function readMessages(messages: readonly InboundMessage[], directory: UnitDirectory, now: Date): ReadBatch {
  const firstOfEventId = new Map<string, Candidate>();
  const copies = new Map<string, string>();
  const followUps = new Map<AggregateKey, string[]>();
  const resolved: Resolved[] = [];
  for (const message of messages) {
    const settle = settleRequestOf(message.body);
    if (settle !== undefined) {
      followUps.set(settle, [...(followUps.get(settle) ?? []), message.messageId]);
      continue;
    }
    const checked = checkMessage(message, directory, now);
    if (!('candidate' in checked)) {
      resolved.push(checked);
      continue;
    }
    const candidate = checked.candidate;
    const first = firstOfEventId.get(eventIdOf(candidate));
    if (!first) firstOfEventId.set(eventIdOf(candidate), candidate);
    else if (first.contentHash === candidate.contentHash) copies.set(message.messageId, first.messageId);
    else resolved.push(rejectedMessage(message.messageId, reusedEventIdRejection(candidate, first.receivedAt, now), metaOf(candidate)));
  }
  return { candidates: [...firstOfEventId.values()], copies, followUps, resolved: merged(...resolved) };
}

/** One message: a candidate, or its rejection (an envelope that does not parse, an event that does not, or one against the rules). */
export function checkMessage(message: InboundMessage, directory: UnitDirectory, now: Date): { candidate: Candidate } | Resolved {
  const envelope = eventBridgeEnvelope().safeParse(message.body);
  if (!envelope.success) {
    const reasons = describeIssues(envelope.error.issues, 'event');
    return rejectedMessage(message.messageId, malformedRejection(message.body, reasons.length > 0 ? reasons : ['event: not an EventBridge event'], now));
  }
  const parsed = parseInboundEvent(envelope.data);
  const reasons = parsed.ok ? checkEventRules(parsed.event, directory) : parsed.reasons;
  if (!parsed.ok || reasons.length > 0) {
    return rejectedMessage(message.messageId, rejectionOf(envelope.data, reasons, now), { source: envelope.data.source, detailType: envelope.data['detail-type'] });
  }
  return {
    candidate: {
      messageId: message.messageId,
      envelope: envelope.data,
      event: parsed.event,
      pk: aggregateKeyOf(parsed.event),
      contentHash: contentHashOf(envelope.data),
      receivedAt: message.sentAt ?? now.toISOString(),
      redelivered: false,
    },
  };
}
