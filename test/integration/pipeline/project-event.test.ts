import '../../support/quiet-powertools';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { foldProduct, type ProductState } from '../../../domain';
import { parseInboundEvent, type EventBridgeEnvelope, type InboundEvent } from '../../../events';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { getProjection } from '../../../functions/storage/projection-store';
import { countWaiting } from '../../../functions/storage/waiting-store';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent, projectOne, sqsEventOf } from '../../support/project';

const district = (code: string) => `ocop.district.${code}`;
const stateOf = async (productId: string) => (await getProjection(`PRODUCT#${productId}`))?.state as ProductState | undefined;
const parsed = (e: EventBridgeEnvelope): InboundEvent => {
  const result = parseInboundEvent(e);
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.event;
};

let names: Awaited<ReturnType<typeof createTestTables>>['names'];
let bus: RunningLocalBus;

beforeAll(async () => {
  ({ names } = await createTestTables());
  bus = await startLocalBus();
});
afterAll(async () => bus.close());

describe('project-event', () => {
  it('appends an accepted event to the event log and writes the product projection', async () => {
    // Prepare
    const registered = envelope(district('842'), 'ProductRegistered', details.registered('P-ACCEPT'));

    // Act
    const result = await projectOne(registered);

    // Assess
    expect(result.outcome).toBe('accepted');
    const logged = await dynamoDocumentClient().send(new GetCommand({ TableName: names.events, Key: { eventId: (registered.detail as { eventId: string }).eventId } }));
    expect(logged.Item?.aggregateKey).toBe('PRODUCT#P-ACCEPT');
    const projection = await getProjection('PRODUCT#P-ACCEPT');
    expect(projection).toMatchObject({ kind: 'product', version: 1, districtCode: '842', group: 'food' });
    expect((projection?.state as ProductState).registration.name).toBe('Sản phẩm P-ACCEPT');
  });

  it('changes nothing for a duplicate eventId', async () => {
    // Prepare
    const registered = envelope(district('844'), 'ProductRegistered', details.registered('P-DUP', '844'));
    const rated = envelope(district('844'), 'ProductRated', details.rated('P-DUP', 75, 4, '2022-08-22', '844'));
    await projectOne(registered);
    await projectOne(rated);

    // Act
    const again = await projectOne({ ...rated, id: 'another-delivery-of-the-same-fact' });

    // Assess
    expect(again.outcome).toBe('duplicate');
    const projection = await getProjection('PRODUCT#P-DUP');
    expect(projection?.version).toBe(2);
    expect((projection?.state as ProductState).decisions).toHaveLength(1);
  });

  it('reaches the same state whatever the arrival order, the early events waiting outside the product', async () => {
    // Prepare
    const events = [
      envelope(district('845'), 'ProductRegistered', details.registered('P-ORDER', '845')),
      envelope(district('845'), 'ProductRated', details.rated('P-ORDER', 62, 3, '2021-06-01', '845')),
      envelope(district('845'), 'ProductUpgraded', details.upgraded('P-ORDER', 3, 4, 78, '2022-12-30', '845')),
      envelope(district('845'), 'ProductListedOnMarketplace', details.listed('P-ORDER', 'postmart', '2023-01-05T08:00:00+07:00', '845')),
      envelope(district('845'), 'ProductTraceabilityEnrolled', details.enrolled('P-ORDER', '2024-10-02T08:00:00+07:00', '845')),
    ];

    // Act
    const waiting = await projectOne(events[4]!);
    const stateBeforeRegistration = await stateOf('P-ORDER');
    const waitingBeforeRegistration = await countWaiting('PRODUCT#P-ORDER');
    for (const e of [...events].reverse().slice(1)) await projectOne(e);

    // Assess
    expect(waiting.outcome).toBe('waiting');
    expect(stateBeforeRegistration).toBeUndefined();
    expect(waitingBeforeRegistration).toBe(1);
    expect(await stateOf('P-ORDER')).toEqual(foldProduct('P-ORDER', events.map(parsed) as never).state);
    expect((await stateOf('P-ORDER'))?.enrollments).toHaveLength(1);
    expect(await countWaiting('PRODUCT#P-ORDER')).toBe(0);
  });

  it('loses no update when many batches for one product arrive at once', async () => {
    // Prepare
    await projectOne(envelope(district('846'), 'ProductRegistered', details.registered('P-RACE', '846')));
    const marketplaces = Array.from({ length: 16 }, (_, i) => `shop-${i}`);
    const listings = marketplaces.map((m) => envelope(district('846'), 'ProductListedOnMarketplace', details.listed('P-RACE', m, '2023-02-01T08:00:00+07:00', '846')));

    // Act
    const results = await Promise.all(listings.map(projectOne));

    // Assess
    expect(results.map((r) => r.outcome)).toEqual(listings.map(() => 'accepted'));
    const projection = await getProjection('PRODUCT#P-RACE');
    expect(projection?.version).toBe(1 + marketplaces.length);
    expect((projection?.state as ProductState).listings.map((l) => l.marketplace).sort()).toEqual([...marketplaces].sort());
  });

  it('writes one batch of events for one product in one write', async () => {
    // Prepare
    const events = [
      envelope(district('847'), 'ProductRegistered', details.registered('P-BATCH', '847')),
      envelope(district('847'), 'ProductRated', details.rated('P-BATCH', 80, 4, '2023-03-01', '847')),
      envelope(district('847'), 'ProductListedOnMarketplace', details.listed('P-BATCH', 'tiki', '2023-03-02T08:00:00+07:00', '847')),
    ];

    // Act
    const answer = await invokeProjectEvent(events);

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    const projection = await getProjection('PRODUCT#P-BATCH');
    expect(projection?.version).toBe(1);
    expect(projection?.state).toEqual(foldProduct('P-BATCH', events.map(parsed) as never).state);
  });

  it('keeps IP grants and science tasks as province facts', async () => {
    // Prepare
    const ip = envelope('ocop.province', 'IntellectualPropertyGranted', details.ipGranted('GI-DUA-SAP', 'geographical_indication', '2023-05-10'));
    const task = envelope('ocop.province', 'ScienceTaskApproved', details.taskApproved('KHCN-01', '2023-03-01'));

    // Act
    const results = [await projectOne(ip), await projectOne(task)];

    // Assess
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect((await getProjection('IP#GI-DUA-SAP'))?.state).toMatchObject({ kind: 'geographical_indication', grantedAt: '2023-05-10' });
    expect((await getProjection('TASK#KHCN-01'))?.state).toMatchObject({ approvedAt: '2023-03-01' });
  });

  it('keeps a message that is not an EventBridge event as a rejection instead of crashing', async () => {
    // Prepare
    const notAnEnvelope = { source: 'ocop.district.842', detail: { eventId: 'not-an-envelope-0001' } };

    // Act
    const result = await projectOne(notAnEnvelope);
    const answer = await invokeProjectEvent(sqsEventOf([notAnEnvelope, 'not JSON {']));

    // Assess
    expect(result.outcome).toBe('rejected');
    expect(result.rejectionId).toBe('not-an-envelope-0001');
    expect(result.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^event\.detail-type: /), expect.stringMatching(/^event\.id: /)]));
    expect(answer.batchItemFailures).toEqual([]);
    const stored = await dynamoDocumentClient().send(new GetCommand({ TableName: names.rejections, Key: { rejectionId: 'not-an-envelope-0001' } }));
    expect(stored.Item?.original).toEqual(notAnEnvelope);
  });
});
