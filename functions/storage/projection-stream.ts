import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { ReadModelItem } from './projection-store';

/**
 * The projections table's stream (NEW_IMAGE, tables.ts) as the snapshot
 * recompute reads it: each record's new image as a read-model item (a removal
 * has none). Apart from projection-store.ts so that only the function the
 * stream triggers bundles the unmarshalling.
 */
export function readModelItemsOfStream(records: readonly DynamoDBRecord[]): ReadModelItem[] {
  return records.flatMap((record) => (record.dynamodb?.NewImage ? [unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) as ReadModelItem] : []));
}
