import * as z from 'zod';
import { endOfVnDay, isIsoDay, type KpiSnapshot } from '../../../domain';
import { latestSnapshot, SNAPSHOT_PAGE_KEY_ATTRIBUTES, snapshotsNewestFirst, sortKeyOf, type StoredSnapshot } from '../../storage/snapshot-store';
import { NotFoundError, BadRequestError } from '../api-errors';
import { TaggedAnswer, type ApiRequest, type Page } from '../api-request';
import { decodeCursor, encodeCursor, queryFromCursor } from '../cursor';
import { cursor, dayOrInstant, limit } from '../query-schemas';

export const snapshotsQuery = z.strictObject({
  from: dayOrInstant.optional().describe('Oldest asOf to include (a day means from its start, Asia/Ho_Chi_Minh)'),
  to: dayOrInstant.optional().describe('Newest asOf to include (a day means to its end, Asia/Ho_Chi_Minh)'),
  limit,
  cursor,
});

/**
 * An instance answers the latest snapshot from memory, so dashboards polling it cost no DynamoDB
 * read and wait for none: for LATEST_FRESH_MS the answer in memory is the answer; after that, up to
 * LATEST_STALE_MS, it still answers at once while one read in the background refreshes it (stale
 * while revalidate); past that (an instance that sat idle), it waits for the read.
 */
const LATEST_FRESH_MS = 200;
const LATEST_STALE_MS = 5_000;
/** What Cache-Control lets a client or a CDN reuse without asking (seconds). */
const LATEST_MAX_AGE_SECONDS = 1;
let cachedLatest: { item: StoredSnapshot; at: number } | undefined;
let refreshing: Promise<StoredSnapshot> | undefined;

function refreshLatest(): Promise<StoredSnapshot> {
  refreshing ??= latestSnapshot()
    .then((latest) => {
      if (!latest) throw new NotFoundError('No snapshot yet: the first one is computed a few seconds after the first accepted event.');
      cachedLatest = { item: latest, at: Date.now() };
      return latest;
    })
    .finally(() => (refreshing = undefined));
  return refreshing;
}

/** The latest snapshot, with an ETag (its instant) and Cache-Control, so a poller gets a 304 while nothing changed. */
export async function getLatestSnapshot(): Promise<TaggedAnswer> {
  const age = cachedLatest ? Date.now() - cachedLatest.at : Infinity;
  let item: StoredSnapshot;
  if (cachedLatest && age < LATEST_FRESH_MS) item = cachedLatest.item;
  else if (cachedLatest && age < LATEST_STALE_MS) {
    item = cachedLatest.item;
    // A failed background read is not this request's failure: the next request past the fresh period tries again.
    refreshLatest().catch(() => undefined);
  } else item = await refreshLatest();
  return new TaggedAnswer(item.snapshot, `"${item.asOf}"`, LATEST_MAX_AGE_SECONDS);
}

/** Snapshot history, newest first. A day bound covers the whole day in Asia/Ho_Chi_Minh. */
export async function listSnapshots({ query }: ApiRequest<z.infer<typeof snapshotsQuery>>): Promise<Page<KpiSnapshot>> {
  const from = query.from && sortKeyOf(isIsoDay(query.from) ? `${query.from}T00:00:00+07:00` : query.from);
  const to = query.to && sortKeyOf(isIsoDay(query.to) ? endOfVnDay(query.to) : query.to);
  if (from && to && from > to) throw new BadRequestError(`query.from (${query.from}) is after query.to (${query.to})`);
  const startKey = decodeCursor(query.cursor, SNAPSHOT_PAGE_KEY_ATTRIBUTES);
  const page = await queryFromCursor(query.cursor, () => snapshotsNewestFirst({ ...(from && { from }), ...(to && { to }), limit: query.limit, ...(startKey && { startKey }) }));
  const nextCursor = encodeCursor(page.lastKey);
  return { items: page.items.map((item) => item.snapshot), ...(nextCursor && { nextCursor }) };
}
