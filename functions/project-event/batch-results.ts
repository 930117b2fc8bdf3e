import type { InboundMessage, MessageResult } from './messages';

/**
 * Step 5, pure: one result per message, in the batch's order. A message
 * whose rejection could not be kept or announced fails (`failures`); a copy
 * of an event earlier in the batch answers as that one does, a duplicate
 * when it was taken.
 */
export function resultsOf(
  messages: readonly InboundMessage[],
  results: readonly MessageResult[],
  failures: ReadonlyMap<string, Error>,
  copies: ReadonlyMap<string, string>,
): MessageResult[] {
  const byMessage = new Map(results.map((result) => [result.messageId, result]));
  for (const [messageId, error] of failures) byMessage.set(messageId, failed(byMessage.get(messageId)!, error));
  return messages.map(({ messageId }) => {
    const first = copies.get(messageId);
    return first === undefined ? byMessage.get(messageId)! : copyOf(byMessage.get(first)!, messageId);
  });
}

function failed(result: MessageResult, error: Error): MessageResult {
  const { messageId, eventId, source, detailType } = result;
  return { messageId, error, ...(eventId && { eventId }), ...(source && { source }), ...(detailType && { detailType }) };
}

function copyOf(first: MessageResult, messageId: string): MessageResult {
  return { ...first, messageId, ...(first.outcome !== undefined && first.outcome !== 'rejected' && { outcome: 'duplicate' as const }) };
}
