import { randomUUID } from 'node:crypto';
import type { EventBridgeEnvelope } from '../../events/envelope';

/**
 * PutEvents as EventBridge defines it: request entries, their validation, and
 * the event envelope an accepted entry becomes.
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 */

/** One entry of a PutEvents request, as it arrives (over HTTP every field is untrusted). */
export interface PutEventsEntry {
  Source?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  EventBusName?: unknown;
  Resources?: unknown;
  /** A Date, epoch seconds (what the AWS SDK sends) or an ISO 8601 string. */
  Time?: unknown;
  TraceHeader?: unknown;
}

export type PutEventsResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

export interface PutEventsResult {
  FailedEntryCount: number;
  Entries: PutEventsResultEntry[];
}

/** An event as the bus delivers it to targets: the envelope of events/envelope.ts, its detail a JSON object (PutEvents accepts no other). */
export type BusEvent = EventBridgeEnvelope<Record<string, unknown>>;

export interface BusIdentity {
  name: string;
  arn: string;
  account: string;
  region: string;
}

/** A request EventBridge refuses as a whole (HTTP 400 `ValidationException`); no entry of it is accepted. */
export class PutEventsValidationError extends Error {
  override name = 'PutEventsValidationError';
  readonly awsErrorType = 'ValidationException';
}

export const MAX_ENTRIES_PER_REQUEST = 10;
/** EventBridge's documented limit on the total entry size of one request. */
export const DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;

/**
 * The size EventBridge counts for an entry (eb-putevent-size.html): 14 bytes
 * for Time when given, plus the UTF-8 bytes of Source, DetailType, Detail and
 * each of Resources.
 */
export function entrySize(entry: PutEventsEntry): number {
  const bytes = (value: unknown) => (typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0);
  const resources = Array.isArray(entry.Resources) ? entry.Resources.reduce((sum: number, r) => sum + bytes(r), 0) : 0;
  return (entry.Time !== undefined && entry.Time !== null ? 14 : 0) + bytes(entry.Source) + bytes(entry.DetailType) + bytes(entry.Detail) + resources;
}

/** The checks EventBridge makes on the request as a whole; throws PutEventsValidationError. */
export function checkRequest(entries: unknown, maxRequestBytes: number): asserts entries is PutEventsEntry[] {
  if (entries === undefined || entries === null) {
    throw new PutEventsValidationError("1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null");
  }
  if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))) {
    throw new PutEventsValidationError('Entries must be a list of PutEventsRequestEntry objects');
  }
  if (entries.length < 1 || entries.length > MAX_ENTRIES_PER_REQUEST) {
    throw new PutEventsValidationError(
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${MAX_ENTRIES_PER_REQUEST} (got ${entries.length})`,
    );
  }
  const total = (entries as PutEventsEntry[]).reduce((sum, entry) => sum + entrySize(entry), 0);
  if (total > maxRequestBytes) {
    throw new PutEventsValidationError(`Total size of the entries in the request is over the limit (${total} bytes, limit ${maxRequestBytes}).`);
  }
}

const invalid = (parameter: string, reason: string) => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${reason}`,
});

/**
 * The envelope an entry becomes, or the per-entry error EventBridge answers
 * (same codes and messages as AWS where AWS documents or shows them).
 * Unlike AWS, an entry without EventBusName is refused: in AWS it would go to
 * the account's default bus, where no rule of this system listens.
 */
export function toEnvelope(entry: PutEventsEntry, bus: BusIdentity, now: Date): { envelope: BusEvent } | { ErrorCode: string; ErrorMessage: string } {
  for (const parameter of ['Source', 'DetailType', 'Detail'] as const) {
    const value = entry[parameter];
    if (value === undefined || value === null || value === '') return invalid(parameter, `${parameter} is a required argument.`);
    if (typeof value !== 'string') return invalid(parameter, `${parameter} must be a string.`);
  }
  let detail: unknown;
  if (nestingDepth(entry.Detail as string) > MAX_DETAIL_DEPTH) return { ErrorCode: 'MalformedDetail', ErrorMessage: `Detail is malformed: nested deeper than ${MAX_DETAIL_DEPTH} levels.` };
  try {
    detail = JSON.parse(entry.Detail as string);
  } catch {
    detail = undefined;
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };

  if (entry.EventBusName !== bus.name && entry.EventBusName !== bus.arn) {
    const named = typeof entry.EventBusName === 'string' && entry.EventBusName !== '' ? entry.EventBusName : 'default';
    return {
      ErrorCode: 'ResourceNotFoundException',
      ErrorMessage: `Event bus ${named} does not exist. The local bus is ${bus.name} (or ${bus.arn}): set EventBusName to it.`,
    };
  }

  const resources = entry.Resources ?? [];
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string')) return invalid('Resources', 'Resources must be a list of strings.');

  const time = entry.Time === undefined || entry.Time === null ? now : parseTime(entry.Time);
  if (!time) return invalid('Time', `${JSON.stringify(entry.Time)} is not a timestamp.`);

  return {
    envelope: {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType as string,
      source: entry.Source as string,
      account: bus.account,
      time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: bus.region,
      resources: resources as string[],
      detail: detail as Record<string, unknown>,
    },
  };
}

/**
 * How deep a Detail may nest. AWS documents no limit; 1000 is the default of
 * Jackson (the JSON parser of Event Ruler, EventBridge's engine), and a deeper
 * Detail would overflow the stack of the code that journals and matches it.
 */
const MAX_DETAIL_DEPTH = 1000;

/** The deepest nesting of objects and arrays in a JSON text (brackets inside strings do not count). */
function nestingDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

function parseTime(value: unknown): Date | undefined {
  const time =
    value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  return time && Number.isFinite(time.getTime()) ? time : undefined;
}
