import { EventBusClosedError, LocalEventBus, type BusTargets } from '../../../local/eventbridge/bus';
import { entrySize, PutEventsValidationError, type BusEvent } from '../../../local/eventbridge/entries';
import { InvalidEventPatternError } from '../../../local/eventbridge/event-pattern';
import type { Subscription } from '../../../events/subscriptions';
import { queues, subscriptions } from '../../../functions/triggers';

/** The envelopes a function received in an SQS batch from its queue (one per record). */
function envelopesOf(event: unknown): BusEvent[] {
  return (event as { Records: { body: string }[] }).Records.map((record) => JSON.parse(record.body) as BusEvent);
}

/** Targets that record what they receive; `fail` decides, per call, whether the queue's consumer throws. */
function recordingTargets(fail: (call: number) => boolean = () => false) {
  const invoked: Array<{ functionId: string; envelope: BusEvent }> = [];
  const batches: unknown[] = [];
  const audited: BusEvent[] = [];
  let calls = 0;
  const targets: BusTargets = {
    async invokeFunction(functionId, event) {
      calls++;
      if (fail(calls)) throw new Error(`handler failed on call ${calls}`);
      batches.push(event);
      for (const envelope of envelopesOf(event)) invoked.push({ functionId, envelope });
    },
    auditLog(envelope) {
      audited.push(envelope);
    },
  };
  return { targets, invoked, batches, audited, calls: () => calls };
}

const detail = (eventId: string) => JSON.stringify({ eventId, schemaVersion: 1, occurredAt: '2025-03-01T08:00:00+07:00', districtCode: '842' });
const entry = (overrides: Record<string, unknown> = {}) => ({
  EventBusName: 'ocop-pulse',
  Source: 'ocop.district.842',
  DetailType: 'ProductRegistered',
  Detail: detail('evt-00000001'),
  ...overrides,
});

/** The queues of the functions' queue triggers, their visibility timeouts scaled down (180 s → 18 ms) so redeliveries happen within a test. */
const QUEUE_OPTIONS = { queues, queueTimeScale: 0.0001 };

/**
 * The audit rule alone, with the given retry policy: the path of the bus's own retries and dead letters
 * (EventBridge's target RetryPolicy). A queue target's failures are the queue's (receives, visibility timeout).
 */
function auditOnly(retryPolicy: Subscription['retryPolicy']): Subscription[] {
  return [{ ...subscriptions.find((s) => s.id === 'audit-every-event')!, retryPolicy }];
}

/** An audit log that fails when `fail` says so, per call, and keeps what it wrote. */
function failingAuditLog(fail: (call: number) => boolean) {
  const written: BusEvent[] = [];
  let calls = 0;
  const targets: BusTargets = {
    invokeFunction: () => Promise.reject(new Error('no queue in this test')),
    auditLog(envelope) {
      calls++;
      if (fail(calls)) throw new Error(`audit log failed on call ${calls}`);
      written.push(envelope);
    },
  };
  return { targets, written, calls: () => calls };
}

describe('LocalEventBus: PutEvents', () => {
  it('keeps nothing of a message once its queue has deleted it: no waiter is left per message delivered', async () => {
    // Prepare
    const { targets, invoked } = recordingTargets();
    const bus = new LocalEventBus({ subscriptions, targets, account: '123456789012', ...QUEUE_OPTIONS });
    const entries = Array.from({ length: 30 }, (_, i) => entry({ Detail: detail(`evt-${String(i).padStart(8, '0')}`) }));

    // Act
    for (let i = 0; i < entries.length; i += 10) bus.putEvents(entries.slice(i, i + 10));
    await bus.drain();

    // Assess
    expect(invoked).toHaveLength(30);
    expect(bus['stopWaiting'].size).toBe(0);
    expect(bus['queueWaiters'].size).toBe(0);
  });

  it('turns accepted entries into EventBridge envelopes delivered to every matching subscription (project-event through its queue, as an SQS batch)', async () => {
    // Prepare
    const { targets, invoked, batches, audited } = recordingTargets();
    const bus = new LocalEventBus({ subscriptions, targets, account: '123456789012', ...QUEUE_OPTIONS });

    // Act
    const result = bus.putEvents([entry({ Resources: ['urn:ocop:product:TV-001'], Time: new Date('2025-03-01T01:02:03.456Z') })]);
    await bus.drain();

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    const eventId = (result.Entries[0] as { EventId: string }).EventId;
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    const expected: BusEvent = {
      version: '0',
      id: eventId,
      'detail-type': 'ProductRegistered',
      source: 'ocop.district.842',
      account: '123456789012',
      time: '2025-03-01T01:02:03Z',
      region: 'ap-southeast-1',
      resources: ['urn:ocop:product:TV-001'],
      detail: JSON.parse(detail('evt-00000001')),
    };
    expect(invoked).toEqual([{ functionId: 'project-event', envelope: expected }]);
    expect(batches).toEqual([
      { Records: [expect.objectContaining({ body: JSON.stringify(expected), eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:ap-southeast-1:123456789012:inbound-events' })] },
    ]);
    expect(audited).toEqual([expected]);
  });

  it('does not hand the events the system announces itself back to project-event, but audits them', async () => {
    // Prepare
    const { targets, invoked, audited } = recordingTargets();
    const bus = new LocalEventBus({ subscriptions, targets, ...QUEUE_OPTIONS });

    // Act
    bus.putEvents([entry({ Source: 'ocop.province', DetailType: 'EventRejected' })]);
    await bus.drain();

    // Assess
    expect(invoked).toEqual([]);
    expect(audited.map((e) => e['detail-type'])).toEqual(['EventRejected']);
  });

  it('answers each entry in order, with the error codes of EventBridge for the bad ones', async () => {
    // Prepare
    const { targets, invoked } = recordingTargets();
    const bus = new LocalEventBus({ subscriptions, targets, ...QUEUE_OPTIONS });
    const arn = 'arn:aws:events:ap-southeast-1:000000000000:event-bus/ocop-pulse';

    // Act
    const result = bus.putEvents([
      entry(),
      entry({ Source: undefined }),
      entry({ DetailType: '' }),
      entry({ Detail: undefined }),
      entry({ Detail: '{not json' }),
      entry({ Detail: '[1, 2]' }),
      entry({ EventBusName: 'default' }),
      entry({ EventBusName: undefined }),
      entry({ EventBusName: arn, Time: 1740790923 }),
      entry({ Time: 'yesterday' }),
    ]);
    await bus.drain();

    // Assess
    expect(result.FailedEntryCount).toBe(8);
    expect(result.Entries.map((e) => ('ErrorCode' in e ? e.ErrorCode : 'ok'))).toEqual([
      'ok',
      'InvalidArgument',
      'InvalidArgument',
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'ResourceNotFoundException',
      'ResourceNotFoundException',
      'ok',
      'InvalidArgument',
    ]);
    expect(result.Entries[1]).toEqual({ ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' });
    expect(result.Entries[4]).toEqual({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
    expect(invoked.map((i) => i.envelope.time)).toEqual(expect.arrayContaining([expect.any(String), '2025-03-01T01:02:03Z']));
    expect(invoked).toHaveLength(2);
  });

  it('refuses a request of no entry or of more than 10 as a whole', () => {
    // Prepare
    const bus = new LocalEventBus({ subscriptions, targets: recordingTargets().targets, ...QUEUE_OPTIONS });

    // Act / Assess
    expect(() => bus.putEvents([])).toThrow(PutEventsValidationError);
    expect(() => bus.putEvents(undefined)).toThrow("Value null at 'entries'");
    expect(() => bus.putEvents(Array.from({ length: 11 }, () => entry()))).toThrow('Member must have length between 1 and 10');
  });

  it('counts entry sizes as AWS documents and refuses a request over the limit', () => {
    // Prepare
    const bus = new LocalEventBus({ subscriptions, targets: recordingTargets().targets, maxRequestBytes: 1000, ...QUEUE_OPTIONS });
    const base = entry({ Detail: '{}', Resources: ['é'] });
    const fixed = entrySize(base);
    const padded = (size: number) => entry({ Detail: JSON.stringify({ p: 'x'.repeat(size - fixed - 6) }), Resources: ['é'] });

    // Act / Assess
    expect(fixed).toBe('ocop.district.842'.length + 'ProductRegistered'.length + 2 + 2);
    expect(entrySize({ ...base, Time: new Date() })).toBe(fixed + 14);
    expect(entrySize(padded(1000))).toBe(1000);
    expect(bus.putEvents([padded(1000)]).FailedEntryCount).toBe(0);
    expect(() => bus.putEvents([padded(1001)])).toThrow('Total size of the entries in the request is over the limit');
    expect(() => bus.putEvents([padded(500), padded(501)])).toThrow(PutEventsValidationError);
  });

  it('refuses to start with a subscription whose pattern EventBridge would refuse', () => {
    // Prepare
    const broken: Subscription = { ...subscriptions[0]!, pattern: { source: 'ocop.province' } };

    // Act / Assess
    expect(() => new LocalEventBus({ subscriptions: [broken], targets: recordingTargets().targets, ...QUEUE_OPTIONS })).toThrow(InvalidEventPatternError);
  });

  it('refuses to start with a subscription whose queue it was not given', () => {
    // Act / Assess
    expect(() => new LocalEventBus({ subscriptions, targets: recordingTargets().targets })).toThrow(
      'Subscription project-inbound-events targets queue inbound-events, which is not among the bus\'s queues',
    );
  });
});

describe('LocalEventBus: delivery through a queue', () => {
  const inbound = queues['inbound-events'];

  it('hands project-event batches of at most the queue batch size, every event once', async () => {
    // Prepare
    const { targets, invoked, batches } = recordingTargets();
    const bus = new LocalEventBus({ subscriptions, targets, ...QUEUE_OPTIONS });
    const ids = Array.from({ length: 25 }, (_, i) => `evt-${String(i).padStart(8, '0')}`);

    // Act
    for (let i = 0; i < ids.length; i += 5) bus.putEvents(ids.slice(i, i + 5).map((id) => entry({ Detail: detail(id) })));
    await bus.drain();

    // Assess
    expect(invoked.map((i) => (i.envelope.detail as { eventId: string }).eventId).sort()).toEqual(ids);
    expect(batches.every((b) => envelopesOf(b).length >= 1 && envelopesOf(b).length <= inbound.batchSize)).toBe(true);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('redelivers only the messages reported in batchItemFailures, after the visibility timeout', async () => {
    // Prepare
    const received: string[] = [];
    const targets: BusTargets = {
      async invokeFunction(_, event) {
        const records = (event as { Records: { messageId: string; body: string }[] }).Records;
        const failures = records.filter((record) => {
          const eventId = (JSON.parse(record.body) as { detail: { eventId: string } }).detail.eventId;
          received.push(eventId);
          return eventId === 'evt-00000002' && received.filter((id) => id === eventId).length < 3;
        });
        return { batchItemFailures: failures.map((record) => ({ itemIdentifier: record.messageId })) };
      },
      auditLog: () => {},
    };
    const bus = new LocalEventBus({ subscriptions, targets, ...QUEUE_OPTIONS });

    // Act
    bus.putEvents([entry({ Detail: detail('evt-00000001') }), entry({ Detail: detail('evt-00000002') })]);
    await bus.drain();

    // Assess
    expect(received.filter((id) => id === 'evt-00000001')).toHaveLength(1);
    expect(received.filter((id) => id === 'evt-00000002')).toHaveLength(3);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('dead-letters a message after maxReceiveCount receives, with the receives as attempts', async () => {
    // Prepare
    const { targets, calls } = recordingTargets(() => true);
    const bus = new LocalEventBus({ subscriptions, targets, ...QUEUE_OPTIONS });

    // Act
    const result = bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(calls()).toBe(inbound.maxReceiveCount);
    expect(bus.deadLetters()).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        subscriptionId: 'project-inbound-events',
        target: { kind: 'queue', queueId: 'inbound-events' },
        reason: 'max-receives-exceeded',
        attempts: inbound.maxReceiveCount,
        error: { name: 'Error', message: `handler failed on call ${inbound.maxReceiveCount}` },
        event: expect.objectContaining({ id: (result.Entries[0] as { EventId: string }).EventId }),
      }),
    ]);
  });
});

describe('LocalEventBus: delivery', () => {
  it('retries a failing delivery with backoff until it succeeds', async () => {
    // Prepare
    const { targets, written, calls } = failingAuditLog((call) => call <= 2);
    const bus = new LocalEventBus({ subscriptions: auditOnly({ maximumRetryAttempts: 3, maximumEventAgeSeconds: 60 }), targets, retryBaseDelayMs: 1 });

    // Act
    bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(calls()).toBe(3);
    expect(written).toHaveLength(1);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('dead-letters an event after its last retry, with the last error', async () => {
    // Prepare
    const { targets, calls } = failingAuditLog(() => true);
    const bus = new LocalEventBus({ subscriptions: auditOnly({ maximumRetryAttempts: 2, maximumEventAgeSeconds: 60 }), targets, retryBaseDelayMs: 1 });

    // Act
    const result = bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(calls()).toBe(3);
    expect(bus.deadLetters()).toEqual([
      expect.objectContaining({
        subscriptionId: 'audit-every-event',
        target: { kind: 'audit-log' },
        reason: 'retries-exhausted',
        attempts: 3,
        error: { name: 'Error', message: 'audit log failed on call 3' },
        event: expect.objectContaining({ id: (result.Entries[0] as { EventId: string }).EventId }),
      }),
    ]);
  });

  it('stops retrying an event older than the maximum event age', async () => {
    // Prepare
    const targets: BusTargets = {
      invokeFunction: () => Promise.reject(new Error('no queue in this test')),
      auditLog: () => new Promise((_, reject) => setTimeout(() => reject(new Error('still down')), 5)),
    };
    const bus = new LocalEventBus({ subscriptions: auditOnly({ maximumRetryAttempts: 100, maximumEventAgeSeconds: 0 }), targets, retryBaseDelayMs: 1 });

    // Act
    bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(bus.deadLetters()).toEqual([expect.objectContaining({ reason: 'maximum-event-age-exceeded', attempts: 1 })]);
  });

  it('runs at most the configured number of deliveries to one target at once', async () => {
    // Prepare
    let running = 0;
    let highest = 0;
    const gates: Array<() => void> = [];
    const targets: BusTargets = {
      invokeFunction: () => Promise.reject(new Error('no queue in this test')),
      auditLog: async () => {
        running++;
        highest = Math.max(highest, running);
        await new Promise<void>((open) => gates.push(open));
        running--;
      },
    };
    const bus = new LocalEventBus({ subscriptions: auditOnly({ maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 }), targets, concurrencyPerTarget: 2 });

    // Act
    for (let i = 0; i < 3; i++) bus.putEvents([entry(), entry(), entry()]);
    await new Promise((resolve) => setImmediate(resolve));
    const runningBeforeRelease = running;
    const drained = bus.drain();
    while (gates.length > 0 || running > 0) {
      gates.splice(0).forEach((open) => open());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await drained;

    // Assess
    expect(runningBeforeRelease).toBe(2);
    expect(highest).toBe(2);
  });

  it('close() stops accepting events and delivers the ones already accepted', async () => {
    // Prepare
    const { targets, invoked } = recordingTargets();
    const bus = new LocalEventBus({ subscriptions, targets, ...QUEUE_OPTIONS });
    bus.putEvents([entry(), entry()]);

    // Act
    await bus.close();

    // Assess
    expect(invoked).toHaveLength(2);
    expect(() => bus.putEvents([entry()])).toThrow(EventBusClosedError);
  });
});
