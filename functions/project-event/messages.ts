import type { AggregateKey } from '../../domain';
import type { EventBridgeEnvelope, InboundEvent } from '../../events';
import type { RejectionRecord } from '../storage/rejection-store';

/**
 * What the projector's steps hand each other (project-batch.ts): plain
 * values, each step's output the next one's input.
 */

/** One message of a batch: an SQS message whose body should be an EventBridge envelope. */
export interface InboundMessage {
  messageId: string;
  /** The message body, JSON-parsed when it could be. */
  body: unknown;
  /** When the queue received it (SQS SentTimestamp): the order the province received events in. */
  sentAt?: string;
}

/** `settled`: a follow-up message, whose chunk of waiting events was settled. */
export type Outcome = 'accepted' | 'duplicate' | 'waiting' | 'rejected' | 'settled';

export interface MessageResult {
  messageId: string;
  /** Absent when the message failed (a transient error): it is to be delivered again. */
  outcome?: Outcome;
  error?: Error;
  rejectionId?: string;
  reasons?: string[];
  /** Metadata for the logs (never the event's content). */
  eventId?: string;
  source?: string;
  detailType?: string;
  productId?: string;
}

/** The log metadata of a result. */
export type ResultMeta = Pick<MessageResult, 'eventId' | 'source' | 'detailType' | 'productId'>;

/** A valid event of the batch, on its way to its aggregate. */
export interface Candidate {
  messageId: string;
  envelope: EventBridgeEnvelope;
  event: InboundEvent;
  pk: AggregateKey;
  contentHash: string;
  receivedAt: string;
  /** Already in the event log with the same content: a redelivery. */
  redelivered: boolean;
}

/** A rejection to keep (unless `kept`) and announce. */
export interface PendingRejection {
  /** The message it answers; none for an event that waited (its message was answered when it was parked). */
  messageId?: string;
  record: RejectionRecord;
  /** Already kept (the record is the stored one). */
  kept?: boolean;
}

/** What a step resolved: the results of the messages it answered, and the rejections to keep and announce. */
export interface Resolved {
  results: MessageResult[];
  rejections: PendingRejection[];
}

export function merged(...parts: readonly Resolved[]): Resolved {
  return { results: parts.flatMap((p) => p.results), rejections: parts.flatMap((p) => p.rejections) };
}

/** A message answered by a rejection: its result, and the rejection to keep and announce. */
export function rejectedMessage(messageId: string, record: RejectionRecord, meta: ResultMeta = {}): Resolved {
  return {
    results: [{ messageId, outcome: 'rejected', rejectionId: record.rejectionId, reasons: record.reasons, ...meta }],
    rejections: [{ messageId, record }],
  };
}

export function metaOf(candidate: Candidate): ResultMeta {
  const detail = candidate.event.detail as { productId?: string };
  return {
    eventId: candidate.event.detail.eventId,
    source: candidate.event.source,
    detailType: candidate.event.detailType,
    ...(detail.productId !== undefined && { productId: detail.productId }),
  };
}

export const eventIdOf = (candidate: Candidate): string => candidate.event.detail.eventId;
