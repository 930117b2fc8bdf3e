import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEventBus, type BusTargets, type LocalEventBusOptions } from '../../../local/eventbridge/bus';
import { startPutEventsServer, type PutEventsServer } from '../../../local/eventbridge/put-events-server';
import type { BusEvent } from '../../../local/eventbridge/entries';
import { freePort, LOCAL_AWS } from '../../../local/dynamodb-local';
import type { Subscription } from '../../../events/subscriptions';
import { queues, subscriptions } from '../../../functions/triggers';

const { maxReceiveCount } = queues['inbound-events'];

/** A bus with the project's queues (their timeouts scaled down) behind its HTTP endpoint on a free port, and the unmodified AWS SDK client pointed at it. */
async function startSystem(options: Partial<LocalEventBusOptions> & { targets: BusTargets }) {
  const bus = new LocalEventBus({ subscriptions, queues, queueTimeScale: 0.001, retryBaseDelayMs: 1, ...options });
  const server = await startPutEventsServer({ host: '127.0.0.1', port: await freePort(), bus });
  const client = new EventBridgeClient({ endpoint: server.url, region: LOCAL_AWS.region, credentials: LOCAL_AWS.credentials, maxAttempts: 1 });
  running.push({ bus, server, client });
  return { bus, server, client };
}

const running: Array<{ bus: LocalEventBus; server: PutEventsServer; client: EventBridgeClient }> = [];
afterEach(async () => {
  for (const { bus, server, client } of running.splice(0)) {
    client.destroy();
    await server.close();
    await bus.close({ drain: false });
  }
});

function recordingTargets(fail: (call: number) => boolean = () => false) {
  const invoked: Array<{ functionId: string; envelope: BusEvent }> = [];
  const audited: BusEvent[] = [];
  let calls = 0;
  const targets: BusTargets = {
    async invokeFunction(functionId, event) {
      calls++;
      if (fail(calls)) throw new Error(`project-event failed on call ${calls}`);
      // From a queue: an SQS batch whose bodies are the envelopes.
      for (const record of (event as { Records: Array<{ body: string }> }).Records) invoked.push({ functionId, envelope: JSON.parse(record.body) as BusEvent });
    },
    auditLog: (envelope) => void audited.push(envelope),
  };
  return { targets, invoked, audited, calls: () => calls };
}

const entry = (eventId: string, overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  EventBusName: 'ocop-pulse',
  Source: 'ocop.district.842',
  DetailType: 'ProductRegistered',
  Detail: JSON.stringify({ eventId, schemaVersion: 1, occurredAt: '2025-03-01T08:00:00+07:00', districtCode: '842' }),
  ...overrides,
});

/** One subscription alone (the projector's, through its queue, or the audit log's), with the given retry policy. */
function only(subscriptionId: string, retryPolicy: Subscription['retryPolicy']): Subscription[] {
  return [{ ...subscriptions.find((s) => s.id === subscriptionId)!, retryPolicy }];
}
const projectOnly = (retryPolicy: Subscription['retryPolicy']) => only('project-inbound-events', retryPolicy);

describe('PutEvents endpoint with @aws-sdk/client-eventbridge', () => {
  it('accepts a good batch and delivers the envelopes to the matching targets', async () => {
    // Prepare
    const { targets, invoked, audited } = recordingTargets();
    const { bus, client } = await startSystem({ targets });

    // Act
    const result = await client.send(
      new PutEventsCommand({ Entries: [entry('evt-00000001'), entry('evt-00000002', { Source: 'ocop.province', DetailType: 'EventRejected' })] }),
    );
    await bus.drain();

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    const ids = result.Entries!.map((e) => e.EventId);
    expect(invoked).toEqual([{ functionId: 'project-event', envelope: expect.objectContaining({ id: ids[0], source: 'ocop.district.842', version: '0' }) }]);
    expect(invoked[0]!.envelope.detail).toEqual(expect.objectContaining({ eventId: 'evt-00000001' }));
    expect(audited.map((e) => e.id).sort()).toEqual([...ids].sort());
  });

  it('answers a mixed batch entry by entry', async () => {
    // Prepare
    const { targets, invoked } = recordingTargets();
    const { bus, client } = await startSystem({ targets });

    // Act
    const result = await client.send(
      new PutEventsCommand({
        Entries: [entry('evt-00000001'), entry('evt-00000002', { Detail: 'not json' }), entry('evt-00000003', { EventBusName: 'default' }), entry('evt-00000004')],
      }),
    );
    await bus.drain();

    // Assess
    expect(result.FailedEntryCount).toBe(2);
    expect(result.Entries![0]!.EventId).toBeDefined();
    expect(result.Entries![1]).toEqual(expect.objectContaining({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }));
    expect(result.Entries![2]).toEqual(expect.objectContaining({ ErrorCode: 'ResourceNotFoundException' }));
    expect(result.Entries![3]!.EventId).toBeDefined();
    expect(invoked.map((i) => i.envelope.detail.eventId).sort()).toEqual(['evt-00000001', 'evt-00000004']);
  });

  it('refuses 11 entries with a ValidationException the SDK throws', async () => {
    // Prepare
    const { targets, invoked } = recordingTargets();
    const { client } = await startSystem({ targets });

    // Act
    const sending = client.send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, (_, i) => entry(`evt-0000001${i}`)) }));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect(invoked).toEqual([]);
  });

  it('refuses an entry over 256 KB with a ValidationException', async () => {
    // Prepare
    const { targets } = recordingTargets();
    const { client } = await startSystem({ targets });
    const oversized = entry('evt-00000001', { Detail: JSON.stringify({ eventId: 'evt-00000001', padding: 'x'.repeat(256 * 1024) }) });

    // Act
    const sending = client.send(new PutEventsCommand({ Entries: [oversized] }));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('Total size of the entries') });
  });

  it('delivers again through the queue a batch its consumer failed, until it succeeds', async () => {
    // Prepare
    const { targets, invoked, calls } = recordingTargets((call) => call <= 2);
    const { bus, client } = await startSystem({ targets, subscriptions: projectOnly({ maximumRetryAttempts: 3, maximumEventAgeSeconds: 60 }) });

    // Act
    await client.send(new PutEventsCommand({ Entries: [entry('evt-00000001')] }));
    await bus.drain();

    // Assess
    expect(calls()).toBe(3);
    expect(invoked).toHaveLength(1);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('dead-letters a message after the queue\'s receives, in memory and in dead-letters.jsonl', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bus-'));
    const { targets, calls } = recordingTargets(() => true);
    const { bus, client } = await startSystem({ targets, dataDir, subscriptions: projectOnly({ maximumRetryAttempts: 2, maximumEventAgeSeconds: 60 }) });

    // Act
    const result = await client.send(new PutEventsCommand({ Entries: [entry('evt-00000001')] }));
    await bus.drain();

    // Assess
    const eventId = result.Entries![0]!.EventId;
    expect(calls()).toBe(maxReceiveCount);
    expect(bus.deadLetters()).toEqual([
      expect.objectContaining({ reason: 'max-receives-exceeded', attempts: maxReceiveCount, error: { name: 'Error', message: `project-event failed on call ${maxReceiveCount}` } }),
    ]);
    const lines = readFileSync(join(dataDir, 'dead-letters.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ subscriptionId: 'project-inbound-events', event: expect.objectContaining({ id: eventId }) })]);
    expect(readFileSync(join(dataDir, 'journal.jsonl'), 'utf8')).toBe('');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('dead-letters an event whose retries to the audit log are exhausted, in memory and in dead-letters.jsonl', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bus-'));
    let calls = 0;
    const targets: BusTargets = {
      invokeFunction: () => Promise.reject(new Error('no queue in this test')),
      auditLog: () => {
        calls++;
        throw new Error(`audit log failed on call ${calls}`);
      },
    };
    const { bus, client } = await startSystem({ targets, dataDir, subscriptions: only('audit-every-event', { maximumRetryAttempts: 2, maximumEventAgeSeconds: 60 }) });

    // Act
    const result = await client.send(new PutEventsCommand({ Entries: [entry('evt-00000001')] }));
    await bus.drain();

    // Assess
    const eventId = result.Entries![0]!.EventId;
    expect(calls).toBe(3);
    expect(bus.deadLetters()).toEqual([expect.objectContaining({ reason: 'retries-exhausted', attempts: 3, error: { name: 'Error', message: 'audit log failed on call 3' } })]);
    const lines = readFileSync(join(dataDir, 'dead-letters.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ subscriptionId: 'audit-every-event', event: expect.objectContaining({ id: eventId }) })]);
    expect(readFileSync(join(dataDir, 'journal.jsonl'), 'utf8')).toBe('');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays, after a restart, the accepted events not yet delivered, and only those', async () => {
    // Prepare: the first run delivers one event, then its target goes down before the second.
    const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bus-'));
    const policy = { maximumRetryAttempts: 5, maximumEventAgeSeconds: 3600 };
    const first = recordingTargets((call) => call > 1);
    // Visibility timeouts as deployed: the failed message is not received again before the stop.
    const run1 = await startSystem({ targets: first.targets, dataDir, subscriptions: projectOnly(policy), queueTimeScale: 1 });
    await run1.client.send(new PutEventsCommand({ Entries: [entry('evt-00000001')] }));
    await run1.bus.drain();
    const pending = await run1.client.send(new PutEventsCommand({ Entries: [entry('evt-00000002')] }));
    while (first.calls() < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await run1.server.close();
    await run1.bus.close({ drain: false });
    appendFileSync(join(dataDir, 'journal.jsonl'), '{"op":"accepted","ev'); // a line torn by a crash

    // Act
    const second = recordingTargets();
    const run2 = await startSystem({ targets: second.targets, dataDir, subscriptions: projectOnly(policy) });
    await run2.bus.drain();

    // Assess
    expect(first.invoked.map((i) => i.envelope.detail.eventId)).toEqual(['evt-00000001']);
    expect(second.invoked.map((i) => i.envelope.id)).toEqual([pending.Entries![0]!.EventId]);
    expect(second.invoked[0]!.envelope.detail.eventId).toBe('evt-00000002');
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('PutEvents endpoint: malformed calls', () => {
  async function post(url: string, headers: Record<string, string>, body: string) {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', ...headers }, body });
    return { status: response.status, body: (await response.json()) as { __type: string; message: string } };
  }

  it('answers AWS-style errors for an unknown operation, bad JSON and missing Entries', async () => {
    // Prepare
    const { server } = await startSystem({ targets: recordingTargets().targets });

    // Act
    const unknown = await post(server.url, { 'X-Amz-Target': 'AWSEvents.DeleteRule' }, '{}');
    const badJson = await post(server.url, { 'X-Amz-Target': 'AWSEvents.PutEvents' }, '{"Entries": [');
    const noEntries = await post(server.url, { 'X-Amz-Target': 'AWSEvents.PutEvents' }, '{}');

    // Assess
    expect(unknown).toEqual({ status: 400, body: { __type: 'UnknownOperationException', message: expect.any(String) } });
    expect(badJson).toEqual({ status: 400, body: { __type: 'SerializationException', message: expect.any(String) } });
    expect(noEntries).toEqual({ status: 400, body: { __type: 'ValidationException', message: expect.stringContaining("'entries'") } });
  });

  it('describes the bus and lists its rules', async () => {
    // Prepare
    const { server } = await startSystem({ targets: recordingTargets().targets });

    // Act
    const described = await post(server.url, { 'X-Amz-Target': 'AWSEvents.DescribeEventBus' }, '{"Name":"ocop-pulse"}');
    const rules = (await post(server.url, { 'X-Amz-Target': 'AWSEvents.ListRules' }, '{}')).body as unknown as { Rules: Array<{ Name: string }> };

    // Assess
    expect(described.body).toEqual({ Name: 'ocop-pulse', Arn: 'arn:aws:events:ap-southeast-1:000000000000:event-bus/ocop-pulse' });
    expect(rules.Rules.map((r) => r.Name)).toEqual(subscriptions.map((s) => `ocop-pulse-${s.id}`));
  });
});
