/**
 * A value built on first use and kept: the event schemas are built when a
 * function first validates an event, not when its code loads (building every
 * zod schema of the catalog was a sixth of a cold start, README "Part 1: cold
 * starts"), and only those it needs.
 */
export function memoized<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
