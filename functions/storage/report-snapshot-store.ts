import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { KpiSnapshot } from '../../domain';
import type { ReportPeriod } from '../../report';
import { dynamoDocumentClient, tableName } from './dynamodb-client';

/**
 * The snapshot each report period was sent with, in the snapshots table under
 * scope "report", sort key `asOf` = the period's first instant (Monday 00:00
 * in Asia/Ho_Chi_Minh, as UTC ISO), so string order is period order. The first
 * run of a period fixes its snapshot; a retried run sends the same figures.
 * The next period compares with it ("change since the last email").
 */
export const REPORT_SCOPE = 'report';

export interface ReportSnapshotRecord {
  scope: typeof REPORT_SCOPE;
  asOf: string;
  period: ReportPeriod;
  keptAt: string;
  snapshot: KpiSnapshot;
}

export function periodSortKey(period: ReportPeriod): string {
  return new Date(`${period.start}T00:00:00+07:00`).toISOString();
}

/**
 * The snapshot of a period: the one kept by an earlier run of the same period,
 * else `latest`, kept now. With `replace` (a forced re-send), `latest` replaces it.
 */
export async function keepReportSnapshot(period: ReportPeriod, latest: KpiSnapshot, options: { replace?: boolean } = {}): Promise<ReportSnapshotRecord> {
  const record: ReportSnapshotRecord = { scope: REPORT_SCOPE, asOf: periodSortKey(period), period, keptAt: new Date().toISOString(), snapshot: latest };
  try {
    await dynamoDocumentClient().send(
      new PutCommand({
        TableName: tableName('snapshots'),
        Item: record,
        ...(!options.replace && { ConditionExpression: 'attribute_not_exists(#scope)', ExpressionAttributeNames: { '#scope': 'scope' } }),
      }),
    );
    return record;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const kept = await dynamoDocumentClient().send(
      new GetCommand({ TableName: tableName('snapshots'), Key: { scope: REPORT_SCOPE, asOf: record.asOf }, ConsistentRead: true }),
    );
    return (kept.Item as ReportSnapshotRecord | undefined) ?? record;
  }
}

/** The last report kept before a period, if any. */
export async function previousReportSnapshot(period: ReportPeriod): Promise<ReportSnapshotRecord | undefined> {
  const result = await dynamoDocumentClient().send(
    new QueryCommand({
      TableName: tableName('snapshots'),
      KeyConditionExpression: '#scope = :scope AND asOf < :start',
      ExpressionAttributeNames: { '#scope': 'scope' },
      ExpressionAttributeValues: { ':scope': REPORT_SCOPE, ':start': periodSortKey(period) },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return result.Items?.[0] as ReportSnapshotRecord | undefined;
}
