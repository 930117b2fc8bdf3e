import type { PutEventsCommand, PutEventsCommandOutput } from '@aws-sdk/client-eventbridge';
import { publishEvents, PublishError, putEventsBatches } from '../../../functions/shared/register-import';
import type { InboundEvent } from '../../../events';

const event = (n: number, padding = 0): InboundEvent =>
  ({
    detailType: 'ProductTraceabilityEnrolled',
    source: 'ocop.province',
    detail: { eventId: `import-${n}`, schemaVersion: 1, occurredAt: '2025-09-01T00:00:00+07:00', productId: `P-${n}`, system: 'x'.repeat(padding + 1), enrolledAt: '2025-09-01T00:00:00+07:00' },
  }) as InboundEvent;

/** A PutEvents sender that refuses the entries named, once each, as EventBridge does under throttling (FailedEntryCount). */
function sender(refuseOnce: Set<string>) {
  const calls: string[][] = [];
  return {
    calls,
    async send(command: PutEventsCommand): Promise<PutEventsCommandOutput> {
      const ids = command.input.Entries!.map((e) => (JSON.parse(e.Detail!) as { eventId: string }).eventId);
      calls.push(ids);
      const entries = ids.map((id) => (refuseOnce.delete(id) ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' } : { EventId: `eb-${id}` }));
      return { FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length, Entries: entries, $metadata: {} };
    },
  };
}

describe('putEventsBatches', () => {
  it('puts at most 10 entries and 256 KB in a call', () => {
    // Act
    const small = putEventsBatches(Array.from({ length: 25 }, (_, i) => ({ Detail: `{"n":${i}}` })));
    const large = putEventsBatches(Array.from({ length: 4 }, () => ({ Detail: 'x'.repeat(100 * 1024) })));

    // Assess
    expect(small.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(large.map((b) => b.length)).toEqual([2, 2]);
  });
});

describe('publishEvents', () => {
  it('retries the entries PutEvents refused, and counts each event once', async () => {
    // Prepare
    const client = sender(new Set(['import-3', 'import-17']));

    // Act
    const published = await publishEvents(Array.from({ length: 20 }, (_, i) => event(i)), { client, eventBusName: 'ocop-pulse', concurrency: 2 });

    // Assess
    expect(published).toBe(20);
    expect(client.calls.flat().sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `import-${i}`), 'import-17', 'import-3'].sort());
  });

  it('names what never got through', async () => {
    // Prepare: a bus that refuses everything.
    const client = { send: async () => { throw new Error('connect ECONNREFUSED'); } };

    // Act
    const failure = await publishEvents([event(1)], { client: client as never, eventBusName: 'ocop-pulse' }).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(PublishError);
    expect((failure as Error).message).toMatch(/import-1: connect ECONNREFUSED/);
  });
});
