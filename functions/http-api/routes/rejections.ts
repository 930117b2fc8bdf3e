import * as z from 'zod';
import { memoized } from '../../../events/memoized';
import { rejectionPageKeyAttributes, rejectionsNewestFirst } from '../../storage/rejection-store';
import type { ApiRequest, Page } from '../api-request';
import { decodeCursor, encodeCursor, queryFromCursor } from '../cursor';
import { cursor, limit } from '../query-schemas';

export const rejectionsQuery = z.strictObject({
  source: z.string().min(1).optional().describe('Only rejections of events from this Source, e.g. ocop.district.842'),
  limit,
  cursor,
});

export const rejectionSchema = memoized(() =>
  z.object({
    rejectionId: z.string(),
    eventId: z.string().optional(),
    source: z.string(),
    detailType: z.string(),
    districtCode: z.string().optional(),
    reasons: z.array(z.string()).describe('What is wrong, in words an operator can act on'),
    rejectedAt: z.string(),
    original: z.unknown().describe('The rejected event, whole'),
  }),
);
export type RejectionView = z.infer<ReturnType<typeof rejectionSchema>>;

/** Rejected events, newest first; `source` narrows to one sender. */
export async function listRejections({ query }: ApiRequest<z.infer<typeof rejectionsQuery>>): Promise<Page<RejectionView>> {
  const startKey = decodeCursor(query.cursor, rejectionPageKeyAttributes(query.source));
  const page = await queryFromCursor(query.cursor, () => rejectionsNewestFirst({ ...(query.source !== undefined && { source: query.source }), limit: query.limit, ...(startKey && { startKey }) }));
  const nextCursor = encodeCursor(page.lastKey);
  const items = page.items.map(
    ({ rejectionId, eventId, source, detailType, districtCode, reasons, rejectedAt, original }): RejectionView => ({
      rejectionId,
      ...(eventId !== undefined && { eventId }),
      source,
      detailType,
      ...(districtCode !== undefined && { districtCode }),
      reasons,
      rejectedAt,
      original,
    }),
  );
  return { items, ...(nextCursor && { nextCursor }) };
}
