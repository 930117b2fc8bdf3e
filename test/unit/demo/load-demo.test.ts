import { EventBridgeClient, PutEventsCommand, type PutEventsCommandOutput } from '@aws-sdk/client-eventbridge';
import type { InboundEvent } from '../../../events';
import { DemoLoadError, loadDemo, type DemoLoadProgress, type PutEventsSender } from '../../../local/demo/load-demo';

function registration(n: number): InboundEvent {
  const productId = `TV842-${String(n).padStart(4, '0')}`;
  return {
    source: 'ocop.district.842',
    detailType: 'ProductRegistered',
    detail: {
      eventId: `demo-2022-registered-${productId}`,
      schemaVersion: 1,
      occurredAt: '2022-03-01T09:00:00+07:00',
      districtCode: '842',
      productId,
      name: `Sản phẩm ${n}`,
      group: 'food',
      subject: { name: `Hộ kinh doanh ${n}`, kind: 'household' },
    },
  };
}

/** A PutEvents stub: records every entry it is sent and fails the entries `failFor` says, with an ErrorCode. */
class StubEventBridge implements PutEventsSender {
  readonly calls: Array<Array<{ eventId: string; bus: string | undefined; source: string | undefined; detailType: string | undefined }>> = [];
  readonly accepted: string[] = [];

  constructor(private readonly failFor: (eventId: string, attempt: number) => boolean) {}

  async send(command: PutEventsCommand): Promise<PutEventsCommandOutput> {
    const entries = (command.input.Entries ?? []).map((entry) => ({
      eventId: (JSON.parse(entry.Detail!) as { eventId: string }).eventId,
      bus: entry.EventBusName,
      source: entry.Source,
      detailType: entry.DetailType,
    }));
    this.calls.push(entries);
    const results = entries.map(({ eventId }) => {
      const attempt = this.calls.filter((call) => call.some((e) => e.eventId === eventId)).length;
      if (this.failFor(eventId, attempt)) return { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' };
      this.accepted.push(eventId);
      return { EventId: `id-${eventId}` };
    });
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results, $metadata: {} };
  }
}

const noWait = async () => {};

describe('loadDemo', () => {
  it('accepts a real EventBridgeClient', () => {
    // Prepare
    const client: PutEventsSender = new EventBridgeClient({ region: 'ap-southeast-1' });

    // Assess
    expect(typeof client.send).toBe('function');
  });

  it('publishes in history order, 10 entries per call, on the bus given, and reports progress', async () => {
    // Prepare
    const events = Array.from({ length: 25 }, (_, i) => registration(i + 1));
    const client = new StubEventBridge(() => false);
    const progress: DemoLoadProgress[] = [];

    // Act
    const result = await loadDemo({ client, eventBusName: 'ocop-pulse', events, onProgress: (p) => progress.push(p), sleep: noWait });

    // Assess
    expect(result).toEqual({ published: 25 });
    expect(client.calls.map((call) => call.length)).toEqual([10, 10, 5]);
    expect(client.accepted).toEqual(events.map((e) => e.detail.eventId));
    expect(client.calls.flat().every((e) => e.bus === 'ocop-pulse' && e.source === 'ocop.district.842' && e.detailType === 'ProductRegistered')).toBe(true);
    expect(progress.at(-1)).toEqual({ published: 25, total: 25 });
  });

  it('retries only the entries PutEvents reports as failed, with backoff, until they get through', async () => {
    // Prepare
    const events = Array.from({ length: 12 }, (_, i) => registration(i + 1));
    const flaky = new Set([events[2]!.detail.eventId, events[7]!.detail.eventId, events[11]!.detail.eventId]);
    const client = new StubEventBridge((eventId, attempt) => flaky.has(eventId) && attempt === 1);
    const waits: number[] = [];

    // Act
    const result = await loadDemo({ client, eventBusName: 'ocop-pulse', events, initialBackoffMs: 50, sleep: async (ms) => void waits.push(ms) });

    // Assess
    expect(result).toEqual({ published: 12 });
    expect(client.calls.map((call) => call.length)).toEqual([10, 2, 2, 1]);
    expect(client.calls[1]!.map((e) => e.eventId)).toEqual([events[2]!.detail.eventId, events[7]!.detail.eventId]);
    expect(new Set(client.accepted)).toEqual(new Set(events.map((e) => e.detail.eventId)));
    expect(waits).toEqual([50, 50]);
  });

  it('throws a DemoLoadError naming the events that never got through', async () => {
    // Prepare
    const events = Array.from({ length: 5 }, (_, i) => registration(i + 1));
    const doomed = events[3]!.detail.eventId;
    const client = new StubEventBridge((eventId) => eventId === doomed);
    const waits: number[] = [];

    // Act
    const loading = loadDemo({ client, eventBusName: 'ocop-pulse', events, maxAttempts: 3, initialBackoffMs: 10, sleep: async (ms) => void waits.push(ms) });

    // Assess
    const error = await loading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemoLoadError);
    expect((error as DemoLoadError).failures).toEqual([{ eventId: doomed, detailType: 'ProductRegistered', errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded' }]);
    expect((error as DemoLoadError).published).toBe(4);
    expect((error as DemoLoadError).message).toContain(doomed);
    expect(client.calls.length).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  it('retries a call that throws and keeps the last error as the cause when it never succeeds', async () => {
    // Prepare
    const events = [registration(1)];
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:4010');
    const client: PutEventsSender = { send: jest.fn().mockRejectedValue(outage) };

    // Act
    const error = await loadDemo({ client, eventBusName: 'ocop-pulse', events, maxAttempts: 2, sleep: noWait }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DemoLoadError);
    expect((error as DemoLoadError).cause).toBe(outage);
    expect((error as DemoLoadError).failures[0]).toMatchObject({ eventId: events[0]!.detail.eventId, errorCode: 'CallFailed' });
    expect(client.send).toHaveBeenCalledTimes(2);
  });
});
