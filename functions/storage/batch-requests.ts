import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient } from './dynamodb-client';

/** DynamoDB's own limits: 100 keys per BatchGetItem, 25 requests per BatchWriteItem. */
const GET_CHUNK = 100;
const WRITE_CHUNK = 25;
/** Unprocessed items (throttling) are retried with backoff this many times, then the call fails (and the delivery is retried). */
const MAX_UNPROCESSED_ROUNDS = 8;

export class UnprocessedItemsError extends Error {
  override name = 'UnprocessedItemsError';
}

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const backoff = (round: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 25 * 2 ** round)));

/** BatchGetItem, consistent, in chunks of 100, retrying unprocessed keys. */
export async function batchGet<T>(table: string, keys: readonly Record<string, unknown>[], projection?: { expression: string; names: Record<string, string> }): Promise<T[]> {
  const found: T[] = [];
  for (const chunk of chunks(keys, GET_CHUNK)) {
    let pending: Record<string, unknown>[] | undefined = chunk;
    for (let round = 0; pending && pending.length > 0; round++) {
      if (round > MAX_UNPROCESSED_ROUNDS) throw new UnprocessedItemsError(`${table}: ${pending.length} key(s) still unprocessed after ${MAX_UNPROCESSED_ROUNDS} retries`);
      if (round > 0) await backoff(round);
      const result = await dynamoDocumentClient().send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: pending,
              ConsistentRead: true,
              ...(projection && { ProjectionExpression: projection.expression, ExpressionAttributeNames: projection.names }),
            },
          },
        }),
      );
      found.push(...((result.Responses?.[table] ?? []) as T[]));
      pending = result.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}

/** BatchWriteItem (puts and deletes, unconditional), in chunks of 25, retrying unprocessed items. */
export async function batchWrite(table: string, requests: readonly WriteRequest[]): Promise<void> {
  await Promise.all(
    chunks(requests, WRITE_CHUNK).map(async (chunk) => {
      let pending: WriteRequest[] | undefined = chunk;
      for (let round = 0; pending && pending.length > 0; round++) {
        if (round > MAX_UNPROCESSED_ROUNDS) throw new UnprocessedItemsError(`${table}: ${pending.length} write(s) still unprocessed after ${MAX_UNPROCESSED_ROUNDS} retries`);
        if (round > 0) await backoff(round);
        const result = await dynamoDocumentClient().send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = result.UnprocessedItems?.[table] as WriteRequest[] | undefined;
      }
    }),
  );
}
