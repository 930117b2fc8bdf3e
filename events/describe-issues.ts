import type * as z from 'zod';

const MAX_SHOWN_INPUT = 60;

function showInput(input: unknown): string {
  if (input === undefined) return 'missing';
  const shown = JSON.stringify(input) ?? String(input);
  return `got ${shown.length > MAX_SHOWN_INPUT ? `${shown.slice(0, MAX_SHOWN_INPUT)}…` : shown}`;
}

function pathOf(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    prefix,
  );
}

/**
 * Turns zod issues into sentences a district operator can act on:
 * `detail.score: must be a score from 0 to 100 (got 120)`.
 * Parse with `{ reportInput: true }` so the offending value can be shown.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = 'detail'): string[] {
  return issues.map((issue) => {
    const where = pathOf(prefix, issue.path);
    const input = 'input' in issue ? issue.input : undefined;
    if (issue.code === 'unrecognized_keys') return `${where}: unexpected fields ${issue.keys.join(', ')}`;
    return `${where}: ${issue.message} (${showInput(input)})`;
  });
}
