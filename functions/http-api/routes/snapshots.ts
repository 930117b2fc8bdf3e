import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { endOfVnDay, isIsoDay, type KpiSnapshot } from '../../../domain';
import { dynamoDocumentClient, tableName } from '../../shared/clients';
import { latestSnapshot, PROVINCE_SCOPE, readStoredSnapshot, sortKeyOf, type StoredSnapshot } from '../../shared/snapshot-store';
import { NotFoundError, BadRequestError } from '../api-errors';
import { TaggedAnswer, type ApiRequest, type Page } from '../api-request';
import { decodeCursor, encodeCursor, queryFromCursor } from '../cursor';
import { parseQuery, snapshotsQuery } from '../query-schemas';

/** An instance answers the latest snapshot from memory for this long, so dashboards polling it cost no DynamoDB read. */
const LATEST_CACHE_MS = 1_000;
let cachedLatest: { item: StoredSnapshot; at: number } | undefined;

/** The latest snapshot, with an ETag (its instant) and Cache-Control, so a poller gets a 304 while nothing changed. */
export async function getLatestSnapshot(): Promise<TaggedAnswer> {
  if (!cachedLatest || Date.now() - cachedLatest.at >= LATEST_CACHE_MS) {
    const latest = await latestSnapshot();
    if (!latest) throw new NotFoundError('No snapshot yet: the first one is computed a few seconds after the first accepted event.');
    cachedLatest = { item: latest, at: Date.now() };
  }
  return new TaggedAnswer(cachedLatest.item.snapshot, `"${cachedLatest.item.asOf}"`, Math.round(LATEST_CACHE_MS / 1000));
}

/** Snapshot history, newest first. A day bound covers the whole day in Asia/Ho_Chi_Minh. */
export async function listSnapshots(request: ApiRequest): Promise<Page<KpiSnapshot>> {
  const query = parseQuery(snapshotsQuery, request.query);
  const from = query.from && sortKeyOf(isIsoDay(query.from) ? `${query.from}T00:00:00+07:00` : query.from);
  const to = query.to && sortKeyOf(isIsoDay(query.to) ? endOfVnDay(query.to) : query.to);
  if (from && to && from > to) throw new BadRequestError(`query.from (${query.from}) is after query.to (${query.to})`);
  const bounds = from && to ? ' AND asOf BETWEEN :from AND :to' : from ? ' AND asOf >= :from' : to ? ' AND asOf <= :to' : '';
  const startKey = decodeCursor(query.cursor, ['scope', 'asOf']);
  const page = await queryFromCursor(query.cursor, () =>
    dynamoDocumentClient().send(
      new QueryCommand({
        TableName: tableName('snapshots'),
        KeyConditionExpression: `#scope = :scope${bounds}`,
        ExpressionAttributeNames: { '#scope': 'scope' },
        ExpressionAttributeValues: { ':scope': PROVINCE_SCOPE, ...(from && { ':from': from }), ...(to && { ':to': to }) },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: startKey,
      }),
    ),
  );
  const nextCursor = encodeCursor(page.LastEvaluatedKey);
  return { items: ((page.Items ?? []) as StoredSnapshot[]).map((item) => readStoredSnapshot(item).snapshot), ...(nextCursor && { nextCursor }) };
}
