/**
 * The pure core of `npm run dlq:redrive`: what is in the dead letters (the
 * same shape locally and in AWS), which of them to move, and how to print it.
 */
export interface DeadLetterView {
  /** What to pass to `--id`: the local dead letter's id, or the SQS message id. */
  id: string;
  /** The queue (a function's queue trigger) it died on and goes back to. */
  queueId: string;
  /** Why it is here, in words an operator can act on. */
  reason: string;
  receiveCount?: number;
  error?: { name?: string; message?: string };
  deadLetteredAt?: string;
  /** Of the EventBridge envelope inside. */
  eventId?: string;
  source?: string;
  detailType?: string;
}

export interface MovedLetter {
  id: string;
  queueId: string;
  eventId?: string;
}

export class RedriveSelectionError extends Error {
  override name = 'RedriveSelectionError';
}

/** Which dead letters to move: `--all`, or the given ids (each must be there: a typo moves nothing). */
export function planRedrive(deadLetters: readonly DeadLetterView[], selection: { all?: boolean; ids?: readonly string[] }): DeadLetterView[] {
  const ids = [...new Set(selection.ids ?? [])];
  if (selection.all && ids.length > 0) throw new RedriveSelectionError('give either --all or --id, not both');
  if (selection.all) return [...deadLetters];
  if (ids.length === 0) throw new RedriveSelectionError('say what to redrive: --all, or --id <id> (repeatable); without either the command only lists');
  const unknown = ids.filter((id) => !deadLetters.some((letter) => letter.id === id));
  if (unknown.length > 0) throw new RedriveSelectionError(`not in the dead letters: ${unknown.join(', ')} (nothing was moved)`);
  return deadLetters.filter((letter) => ids.includes(letter.id));
}

/** One block per dead letter: id, queue, event, receives, when, and the reason with the last error. */
export function formatListing(deadLetters: readonly DeadLetterView[]): string {
  if (deadLetters.length === 0) return 'No dead letters.';
  const lines = [`${deadLetters.length} dead letter${deadLetters.length === 1 ? '' : 's'}:`];
  for (const letter of deadLetters) {
    const event = [letter.detailType, letter.source, letter.eventId && `eventId ${letter.eventId}`].filter(Boolean).join(' · ');
    lines.push(`- ${letter.id}  queue ${letter.queueId}${event ? `  ${event}` : ''}`);
    const facts = [letter.receiveCount !== undefined && `${letter.receiveCount} receives`, letter.deadLetteredAt && `dead-lettered ${letter.deadLetteredAt}`].filter(Boolean);
    if (facts.length > 0) lines.push(`    ${facts.join(', ')}`);
    lines.push(`    reason: ${letter.reason}${letter.error?.message ? ` (${[letter.error.name, letter.error.message].filter(Boolean).join(': ')})` : ''}`);
  }
  return lines.join('\n');
}

export function formatMoved(moved: readonly MovedLetter[], options: { dryRun: boolean }): string {
  if (moved.length === 0) return options.dryRun ? 'Dry run: nothing would be moved.' : 'Nothing was moved.';
  const head = options.dryRun ? `Dry run: would move ${moved.length}:` : `Moved ${moved.length} back to their queues:`;
  return [head, ...moved.map((letter) => `- ${letter.id} → ${letter.queueId}${letter.eventId ? ` (eventId ${letter.eventId})` : ''}`)].join('\n');
}
