import { BadRequestError } from './api-errors';

/** Opaque pagination cursors: a DynamoDB LastEvaluatedKey as base64url JSON. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new TypeError('not an object');
    return key as Record<string, unknown>;
  } catch (error) {
    throw new BadRequestError('cursor: not a cursor this API gave out; pass the nextCursor of the previous page unchanged', { cause: error });
  }
}
