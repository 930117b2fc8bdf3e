import * as z from 'zod';
import type { DeadLetterView, MovedLetter } from './plan';

/**
 * The dead letters of a running `npm start`, through the two endpoints of its
 * local PutEvents server (eventsUrl in its runtime info):
 *   GET  {eventsUrl}/_local/dead-letters
 *   POST {eventsUrl}/_local/dead-letters/redrive  { ids?, dryRun? }
 */
const envelope = z.object({ id: z.string().optional(), source: z.string().optional(), 'detail-type': z.string().optional(), detail: z.unknown() }).loose();
const deadLetter = z.object({
  id: z.string(),
  queueId: z.string(),
  reason: z.string(),
  receiveCount: z.number().optional(),
  error: z.object({ name: z.string().optional(), message: z.string().optional() }).optional(),
  deadLetteredAt: z.string().optional(),
  event: envelope.optional(),
});
const listing = z.object({ deadLetters: z.array(deadLetter) });
const redriven = z.object({ dryRun: z.boolean(), moved: z.array(z.object({ id: z.string(), queueId: z.string(), eventId: z.string().optional() })) });

export class LocalDeadLettersError extends Error {
  override name = 'LocalDeadLettersError';
}

export function viewOfLocal(letter: z.infer<typeof deadLetter>): DeadLetterView {
  const detail = letter.event?.detail as { eventId?: unknown } | undefined;
  return {
    id: letter.id,
    queueId: letter.queueId,
    reason: letter.reason,
    ...(letter.receiveCount !== undefined && { receiveCount: letter.receiveCount }),
    ...(letter.error && { error: letter.error }),
    ...(letter.deadLetteredAt && { deadLetteredAt: letter.deadLetteredAt }),
    ...(typeof detail?.eventId === 'string' && { eventId: detail.eventId }),
    ...(letter.event?.source && { source: letter.event.source }),
    ...(letter.event?.['detail-type'] && { detailType: letter.event['detail-type'] }),
  };
}

async function call<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new LocalDeadLettersError(`cannot reach ${url}: is npm start running?`, { cause: error });
  }
  const text = await response.text();
  if (!response.ok) throw new LocalDeadLettersError(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new LocalDeadLettersError(`${url} answered in an unexpected shape: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function listLocalDeadLetters(eventsUrl: string): Promise<DeadLetterView[]> {
  const body = await call(`${eventsUrl.replace(/\/$/, '')}/_local/dead-letters`, listing);
  return body.deadLetters.map(viewOfLocal);
}

export async function redriveLocal(eventsUrl: string, ids: string[], dryRun: boolean): Promise<MovedLetter[]> {
  const body = await call(`${eventsUrl.replace(/\/$/, '')}/_local/dead-letters/redrive`, redriven, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ids, dryRun }),
  });
  return body.moved;
}
