import { BadRequestError } from './api-errors';

/** Opaque pagination cursors: a DynamoDB LastEvaluatedKey as base64url JSON. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : undefined;
}

const BAD_CURSOR = 'cursor: not a cursor this API gave out; pass the nextCursor of the previous page unchanged';

/**
 * The start key in a cursor. With `keyAttributes` (the key attributes of the
 * table and index the query reads), the key must name exactly those, each a
 * non-empty string: anything else is the client's bad cursor (400), not a
 * key DynamoDB would refuse (500).
 */
export function decodeCursor(cursor: string | undefined, keyAttributes?: readonly string[]): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new BadRequestError(BAD_CURSOR, { cause: error });
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new BadRequestError(BAD_CURSOR);
  if (keyAttributes) {
    const names = Object.keys(key);
    const expected = new Set(keyAttributes);
    const fits = names.length === expected.size && names.every((name) => expected.has(name) && typeof (key as Record<string, unknown>)[name] === 'string' && (key as Record<string, string>)[name] !== '');
    if (!fits) throw new BadRequestError(BAD_CURSOR);
  }
  return key as Record<string, unknown>;
}

/**
 * Runs a query that starts at a client's cursor. DynamoDB refusing the start
 * key (a cursor of another listing, or outside this query's bounds) is the
 * client's bad cursor, answered 400.
 */
export async function queryFromCursor<T>(cursor: string | undefined, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (cursor !== undefined && (error as { name?: string }).name === 'ValidationException') throw new BadRequestError(BAD_CURSOR, { cause: error });
    throw error;
  }
}
