/**
 * Runs calls one after another per key, as the batches of one stream shard reach their consumer: a call starts once
 * the previous call of its key has settled. A failed call fails only itself: the next one still runs (the caller
 * retries the failed batch, as an event source mapping does).
 */
export interface InTurn<Key> {
  run<T>(key: Key, call: () => Promise<T>): Promise<T>;
  /** Resolves once every call made so far has settled (succeeded or failed). */
  settled(): Promise<void>;
}

export function inTurnPerKey<Key>(): InTurn<Key> {
  const last = new Map<Key, Promise<unknown>>();
  const settledOf = (call: Promise<unknown> | undefined) => (call ?? Promise.resolve()).then(() => undefined, () => undefined);
  return {
    run(key, call) {
      const next = settledOf(last.get(key)).then(call);
      last.set(key, next);
      return next;
    },
    async settled() {
      await Promise.all([...last.values()].map(settledOf));
    },
  };
}
