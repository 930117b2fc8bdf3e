import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { dynamoDocumentClient, tableName } from '../../shared/clients';
import type { RejectionRecord } from '../../storage/rejection-store';
import type { ApiRequest, Page } from '../api-request';
import { decodeCursor, encodeCursor, queryFromCursor } from '../cursor';
import type { RejectionsQuery } from '../query-schemas';

export const rejectionSchema = z.object({
  rejectionId: z.string(),
  eventId: z.string().optional(),
  source: z.string(),
  detailType: z.string(),
  districtCode: z.string().optional(),
  reasons: z.array(z.string()).describe('What is wrong, in words an operator can act on'),
  rejectedAt: z.string(),
  original: z.unknown().describe('The rejected event, whole'),
});
export type RejectionView = z.infer<typeof rejectionSchema>;

/** Rejected events, newest first; `source` narrows to one sender. */
export async function listRejections({ query }: ApiRequest<RejectionsQuery>): Promise<Page<RejectionView>> {
  const [indexName, keyAttribute, keyValue] = query.source ? ['bySource', 'source', query.source] : ['byTime', 'listPartition', 'rejections'];
  const startKey = decodeCursor(query.cursor, ['rejectionId', keyAttribute, 'rejectedAtKey']);
  const page = await queryFromCursor(query.cursor, () =>
    dynamoDocumentClient().send(
      new QueryCommand({
        TableName: tableName('rejections'),
        IndexName: indexName,
        KeyConditionExpression: '#key = :key',
        ExpressionAttributeNames: { '#key': keyAttribute },
        ExpressionAttributeValues: { ':key': keyValue },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: startKey,
      }),
    ),
  );
  const nextCursor = encodeCursor(page.LastEvaluatedKey);
  const items = ((page.Items ?? []) as RejectionRecord[]).map(
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
