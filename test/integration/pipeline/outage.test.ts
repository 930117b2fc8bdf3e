import '../../support/quiet-powertools';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { aggregateKeyOf, computeSnapshot, projectHistory, type ProductState } from '../../../domain';
import { parseInboundEvent, type EventBridgeEnvelope, type InboundEvent } from '../../../events';
import { recomputeSnapshot } from '../../../functions/recompute-snapshot/recompute';
import { queues } from '../../../functions/triggers';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { getProjection } from '../../../functions/storage/projection-store';
import { latestSnapshot } from '../../../functions/storage/snapshot-store';
import { countWaiting } from '../../../functions/storage/waiting-store';
import { LOCAL_AWS } from '../../../local/dynamodb-local';
import { createTestTables } from '../../support/dynamodb';
import { operationOn, startDynamoDbFaultProxy, type DynamoDbFaultProxy, type Fault } from '../../support/dynamodb-fault-proxy';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent, projectOne, sqsEventOf } from '../../support/project';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/**
 * A DynamoDB outage in the middle of a run: the functions reach DynamoDB
 * Local through a proxy that fails requests on command. A failed write must
 * make the handler report the message in batchItemFailures (so the queue
 * delivers it again), and the redeliveries must neither lose an event nor
 * count one twice.
 */
const { maxReceiveCount } = queues['inbound-events'];
const district = (code: string) => `ocop.district.${code}`;
const parsed = (e: EventBridgeEnvelope): InboundEvent => {
  const result = parseInboundEvent(e);
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.event;
};
const eventIdOf = (e: EventBridgeEnvelope) => (e.detail as { eventId: string }).eventId;
const indicator = (id: string, snapshot: { indicators: Array<{ id: string; value: number }> }) => snapshot.indicators.find((i) => i.id === id)?.value;

let tables: Awaited<ReturnType<typeof createTestTables>>;
let proxy: DynamoDbFaultProxy;
let bus: RunningLocalBus;
/** During the bus test: heals DynamoDB before any message would be received for the last time. */
let healBeforeLastReceive = false;
/** Event ids of the messages the handler reported as failed, through the bus. */
const failedThroughBus = new Set<string>();

beforeAll(async () => {
  tables = await createTestTables();
  proxy = await startDynamoDbFaultProxy(tables.endpoint);
  // Before the first function call: the functions' client is created once, with this endpoint.
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  bus = await startLocalBus({
    functions: {
      'project-event': async (event) => {
        const records = (event as SQSEvent).Records;
        if (healBeforeLastReceive && records.some((r) => Number(r.attributes.ApproximateReceiveCount) >= maxReceiveCount - 1)) proxy.heal();
        const failed = (messageIds: string[]) => {
          for (const record of records.filter((r) => messageIds.includes(r.messageId))) failedThroughBus.add(eventIdOf(JSON.parse(record.body) as EventBridgeEnvelope));
        };
        try {
          const answer = await invokeProjectEvent(event as SQSEvent);
          failed(answer.batchItemFailures.map((f) => f.itemIdentifier));
          return answer;
        } catch (error) {
          // The whole batch failed (the event log could not be read): the queue delivers all of it again.
          failed(records.map((r) => r.messageId));
          throw error;
        }
      },
    },
    queueTimeScale: 0.001,
  });
});
afterAll(async () => {
  await bus.close();
  await proxy.close();
  process.env.DYNAMODB_ENDPOINT = tables.endpoint;
});
afterEach(() => proxy.heal());

async function loggedEvent(eventId: string): Promise<unknown> {
  const result = await dynamoDocumentClient().send(new GetCommand({ TableName: tables.names.events, Key: { eventId }, ConsistentRead: true }));
  return result.Item;
}

describe('project-event when the projection write fails after the event-log append', () => {
  it.each<[Fault, string]>([
    ['internal-error', '842'],
    ['drop-connection', '845'],
  ])('reports the message on %s, then projects the redelivered event exactly once', async (fault, code) => {
    // Prepare
    const productId = `P-OUTAGE-${fault}`;
    await projectOne(envelope(district(code), 'ProductRegistered', details.registered(productId, code)));
    const rating = envelope(district(code), 'ProductRated', details.rated(productId, 77, 4, '2024-04-04', code));
    const delivery = sqsEventOf([rating]);
    proxy.failWhen((request) => (operationOn('PutItem', tables.names.projections)(request) ? fault : undefined));

    // Act
    const during = await invokeProjectEvent(delivery);
    const loggedDuringOutage = await loggedEvent(eventIdOf(rating));
    const projectionDuringOutage = await getProjection(`PRODUCT#${productId}`);
    proxy.heal();
    const retried = await invokeProjectEvent(delivery);
    const projectionAfterRetry = await getProjection(`PRODUCT#${productId}`);
    const retriedAgain = await projectOne(rating);
    await recomputeSnapshot({ now: new Date('2024-04-05T12:00:00+07:00'), force: true });

    // Assess
    expect(proxy.injected.PutItem).toBeGreaterThan(0);
    expect(during.batchItemFailures).toEqual([{ itemIdentifier: delivery.Records[0]!.messageId }]);
    expect(loggedDuringOutage).toMatchObject({ eventId: eventIdOf(rating), aggregateKey: `PRODUCT#${productId}` });
    expect(projectionDuringOutage?.version).toBe(1);
    expect(retried.batchItemFailures).toEqual([]);
    expect(projectionAfterRetry?.version).toBe(2);
    expect(retriedAgain.outcome).toBe('duplicate');
    const projection = await getProjection(`PRODUCT#${productId}`);
    expect(projection?.version).toBe(2);
    expect((projection?.state as ProductState).decisions.map((d) => d.eventId)).toEqual([eventIdOf(rating)]);
    const snapshot = (await latestSnapshot())!.snapshot;
    expect(snapshot.breakdown.byDistrict[code]).toMatchObject({ active: 1, byLevel: { '4': 1 } });
  });

  it('projects once when DynamoDB applied the write but its answer was lost', async () => {
    // Prepare
    await projectOne(envelope(district('844'), 'ProductRegistered', details.registered('P-LOST-ANSWER', '844')));
    const listing = envelope(district('844'), 'ProductListedOnMarketplace', details.listed('P-LOST-ANSWER', 'tiki', '2024-04-04T08:00:00+07:00', '844'));
    let lost = 0;
    proxy.failWhen((request) => (operationOn('PutItem', tables.names.projections)(request) && lost++ === 0 ? 'lose-response' : undefined));

    // Act
    const result = await projectOne(listing);

    // Assess
    expect(lost).toBeGreaterThan(1);
    expect(result.outcome).toBe('accepted');
    const projection = await getProjection('PRODUCT#P-LOST-ANSWER');
    expect(projection?.version).toBe(2);
    expect((projection?.state as ProductState).listings.map((l) => l.latest.eventId)).toEqual([eventIdOf(listing)]);
  });
});

describe('project-event when the events that waited cannot be settled after the registration was written', () => {
  it('settles them when the registration is delivered again: the foreign one kept as a rejection, none left waiting', async () => {
    // Prepare: another district's listing and the owner's own wait for the registration
    const productId = 'P-OUTAGE-WAITED';
    const foreign = envelope(district('844'), 'ProductListedOnMarketplace', details.listed(productId, 'voso', '2024-04-01T08:00:00+07:00', '844'));
    const own = envelope(district('847'), 'ProductListedOnMarketplace', details.listed(productId, 'postmart', '2024-04-02T08:00:00+07:00', '847'));
    expect((await invokeProjectEvent([foreign, own])).batchItemFailures).toEqual([]);
    const registration = envelope(district('847'), 'ProductRegistered', details.registered(productId, '847'));
    const delivery = sqsEventOf([registration]);
    proxy.failWhen((request) => (operationOn('PutItem', tables.names.rejections)(request) ? 'internal-error' : undefined));

    // Act
    const during = await invokeProjectEvent(delivery);
    const projectionDuringOutage = await getProjection(`PRODUCT#${productId}`);
    proxy.heal();
    const retried = await invokeProjectEvent(delivery);

    // Assess
    expect(during.batchItemFailures).toEqual([{ itemIdentifier: delivery.Records[0]!.messageId }]);
    // The product was written before the rejection could be kept: created (version 1), then the owner's waited listing decided into it (version 2).
    expect(projectionDuringOutage?.version).toBe(2);
    expect((projectionDuringOutage?.state as ProductState).listings.map((l) => l.marketplace)).toEqual(['postmart']);
    expect(retried.batchItemFailures).toEqual([]);
    const rejection = await dynamoDocumentClient().send(new GetCommand({ TableName: tables.names.rejections, Key: { rejectionId: eventIdOf(foreign) }, ConsistentRead: true }));
    expect(rejection.Item?.reasons).toEqual([expect.stringMatching(/belongs to unit 847; unit 844 may only publish/)]);
    expect(await countWaiting(`PRODUCT#${productId}`)).toBe(0);
    const state = (await getProjection(`PRODUCT#${productId}`))?.state as ProductState;
    expect(state.listings.map((l) => l.latest.eventId)).toEqual([eventIdOf(own)]);
  });
});

describe('the pipeline through the local bus and its queue during a whole DynamoDB outage', () => {
  it('loses nothing, counts nothing twice and dead-letters nothing once DynamoDB is back within the receives', async () => {
    // Prepare
    const client = new EventBridgeClient({ endpoint: bus.endpoint, region: LOCAL_AWS.region, credentials: LOCAL_AWS.credentials });
    const put = async (events: EventBridgeEnvelope[]) => {
      for (let i = 0; i < events.length; i += 10) {
        const entries = events.slice(i, i + 10).map((e) => ({ EventBusName: 'ocop-pulse', Source: e.source, DetailType: e['detail-type'], Detail: JSON.stringify(e.detail) }));
        const answer = await client.send(new PutEventsCommand({ Entries: entries }));
        expect(answer.FailedEntryCount).toBe(0);
      }
    };
    const products = ['849', '850', '851'].flatMap((code) => [1, 2, 3].map((i) => ({ code, productId: `P-BUS-${code}-${i}` })));
    const before = products.map(({ code, productId }) => envelope(district(code), 'ProductRegistered', details.registered(productId, code)));
    const during = [
      ...products.map(({ code, productId }, i) => envelope(district(code), 'ProductRated', details.rated(productId, 60 + i * 3, i < 4 ? 3 : 4, '2024-05-20', code))),
      ...products.slice(0, 4).map(({ code, productId }) => envelope(district(code), 'ProductListedOnMarketplace', details.listed(productId, 'postmart', '2024-05-21T08:00:00+07:00', code))),
      envelope('ocop.province', 'IntellectualPropertyGranted', details.ipGranted('CM-BUS-01', 'collective_mark', '2024-05-22')),
    ];
    const rejected = envelope(district('849'), 'ProductRated', details.rated('P-BUS-849-1', 75, 5, '2024-05-20', '849'));
    await put(before);
    await bus.drain();
    let fault = 0;
    const faults: Fault[] = ['internal-error', 'drop-connection', 'lose-response'];

    // Act
    proxy.failWhen(() => faults[fault++ % faults.length]);
    healBeforeLastReceive = true;
    await put([...during, rejected]);
    await bus.drain();
    healBeforeLastReceive = false;
    client.destroy();

    // Assess
    expect(bus.deadLetters()).toEqual([]);
    expect([...during, rejected].filter((e) => !failedThroughBus.has(eventIdOf(e)))).toEqual([]);
    const all = [...before, ...during];
    for (const e of all) expect(await loggedEvent(eventIdOf(e))).toBeDefined();
    const history = projectHistory(all.map(parsed));
    for (const { productId } of products) {
      const projection = await getProjection(`PRODUCT#${productId}`);
      expect(projection?.state).toEqual(history.states.get(`PRODUCT#${productId}`));
    }
    expect((await getProjection('IP#CM-BUS-01'))?.state).toEqual(history.states.get('IP#CM-BUS-01'));
    const announced = bus.seen.filter((e) => e['detail-type'] === 'EventRejected' && (e.detail as { rejectedEventId?: string }).rejectedEventId === eventIdOf(rejected));
    // At least once, always as the same announcement: a redelivery after a failed `markAnnounced` may put it again, with the same detail.eventId to deduplicate on.
    expect(announced.length).toBeGreaterThanOrEqual(1);
    expect(new Set(announced.map((e) => JSON.stringify(e.detail))).size).toBe(1);
    const asOf = new Date('2024-06-01T12:00:00+07:00');
    await recomputeSnapshot({ now: asOf, force: true });
    const snapshot = (await latestSnapshot())!.snapshot;
    const expected = computeSnapshot(history.inputs, { asOf: asOf.toISOString(), plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });
    for (const code of ['849', '850', '851']) expect(snapshot.breakdown.byDistrict[code]).toEqual(expected.breakdown.byDistrict[code]);
    expect(indicator('ip.collective_mark', snapshot)).toBe(1);
    expect(Object.values(proxy.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(during.length);
    expect(new Set(all.map((e) => aggregateKeyOf(parsed(e)))).size).toBe(products.length + 1);
  });

  it('moves a message to the dead letters after the queue\'s receives, and loses it from nowhere', async () => {
    // Prepare
    const client = new EventBridgeClient({ endpoint: bus.endpoint, region: LOCAL_AWS.region, credentials: LOCAL_AWS.credentials });
    const registration = envelope(district('852'), 'ProductRegistered', details.registered('P-BUS-DLQ', '852'));
    proxy.failWhen(() => 'internal-error');

    // Act
    const answer = await client.send(
      new PutEventsCommand({ Entries: [{ EventBusName: 'ocop-pulse', Source: registration.source, DetailType: registration['detail-type'], Detail: JSON.stringify(registration.detail) }] }),
    );
    await bus.drain();
    proxy.heal();
    client.destroy();

    // Assess
    expect(answer.FailedEntryCount).toBe(0);
    const letters = bus.deadLetters().filter((letter) => eventIdOf(letter.event) === eventIdOf(registration));
    expect(letters).toEqual([expect.objectContaining({ reason: 'max-receives-exceeded', attempts: maxReceiveCount, subscriptionId: 'project-inbound-events' })]);
    expect(letters[0]!.event.detail).toEqual(registration.detail);
    expect(await getProjection('PRODUCT#P-BUS-DLQ')).toBeUndefined();
  });
});
