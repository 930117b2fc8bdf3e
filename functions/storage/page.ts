/** Where a Query or Scan goes on from: DynamoDB's LastEvaluatedKey, handed back as ExclusiveStartKey (absent: from the start). */
export type StartKey = Record<string, unknown>;

/** One page of a listing, in the index's order, with the key to go on from (absent after the last page). */
export interface Page<T> {
  items: T[];
  lastKey?: StartKey;
}
