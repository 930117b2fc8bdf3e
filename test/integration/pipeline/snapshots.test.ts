import '../../support/quiet-powertools';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  aggregateKeyOf,
  computeSnapshot,
  projectHistory,
  addDays,
  vnDayOf,
  type KpiSnapshot,
} from '../../../domain';
import { parseInboundEvent, type EventBridgeEnvelope, type InboundEvent } from '../../../events';
import { handler as recomputeHandler } from '../../../functions/recompute-snapshot/handler';
import { recomputeSnapshot } from '../../../functions/recompute-snapshot/recompute';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { latestSnapshot, type StoredSnapshot } from '../../../functions/storage/snapshot-store';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope, onItsDay } from '../../support/envelopes';
import { lambdaContext } from '../../support/lambda';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { projectOne } from '../../support/project';
import { projectionStreamBatch } from '../../support/stream-batch';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/** recompute-snapshot on DynamoDB Local: stream batches, the daily schedule, and the figures against the pure computation. */
const project = projectOne;
const recompute = (input: Parameters<typeof recomputeHandler>[0]) => recomputeHandler(input, lambdaContext('recompute-snapshot'));
const daily = { source: 'ocop.schedule', schedule: 'daily-snapshot' } as const;
const district = (code: string) => `ocop.district.${code}`;
const parsed = (e: EventBridgeEnvelope): InboundEvent => {
  const result = parseInboundEvent(e);
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.event;
};
/** Days relative to the test's own clock (Vietnam time): certificates stay as valid when the suite runs years later. */
const daysAgo = (days: number) => addDays(vnDayOf(new Date()), -days);
const indicator = (snapshot: KpiSnapshot, id: string) => snapshot.indicators.find((i) => i.id === id)?.value;

let tables: Awaited<ReturnType<typeof createTestTables>>;
let bus: RunningLocalBus;

beforeAll(async () => {
  bus = await startLocalBus();
});
afterAll(async () => bus.close());

async function storedSnapshots(): Promise<StoredSnapshot[]> {
  const page = await dynamoDocumentClient().send(
    new QueryCommand({ TableName: tables.names.snapshots, KeyConditionExpression: '#scope = :scope', ExpressionAttributeNames: { '#scope': 'scope' }, ExpressionAttributeValues: { ':scope': 'province' }, ConsistentRead: true }),
  );
  return (page.Items ?? []) as StoredSnapshot[];
}

/** The snapshot the pure domain computes from the same events, projected here without DynamoDB. */
function expectedSnapshot(events: EventBridgeEnvelope[], asOf: string): KpiSnapshot {
  return computeSnapshot(projectHistory(events.map(parsed)).inputs, { asOf, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });
}

describe('recompute-snapshot from the projections stream', () => {
  const history = [
    onItsDay(district('842'), 'ProductRegistered', details.registered('S-DUA', '842', { occurredAt: `${daysAgo(700)}T09:00:00+07:00` })),
    onItsDay(district('842'), 'ProductRated', details.rated('S-DUA', 82, 4, daysAgo(600), '842')),
    onItsDay(district('842'), 'ProductListedOnMarketplace', details.listed('S-DUA', 'postmart', `${daysAgo(590)}T08:00:00+07:00`, '842')),
    onItsDay(district('842'), 'ProductTraceabilityEnrolled', details.enrolled('S-DUA', `${daysAgo(589)}T08:00:00+07:00`, '842')),
    onItsDay(district('845'), 'ProductRegistered', details.registered('S-MAM', '845', { group: 'herbal' })),
    onItsDay(district('845'), 'ProductRated', details.rated('S-MAM', 64, 3, daysAgo(400), '845')),
    onItsDay(district('846'), 'ProductRegistered', details.registered('S-BANH', '846', { group: 'handicraft' })),
    onItsDay('ocop.province', 'ProductRated', details.rated('S-BANH', 93, 5, daysAgo(300), '846', { council: 'central' })),
    envelope('ocop.province', 'IntellectualPropertyGranted', details.ipGranted('CM-CAU-KE', 'collective_mark', daysAgo(500))),
    envelope('ocop.province', 'ScienceTaskApproved', details.taskApproved('KHCN-S-01', daysAgo(550))),
  ];
  const writes = history.map((e) => ({ pk: aggregateKeyOf(parsed(e)), eventName: 'MODIFY' as const }));

  beforeAll(async () => {
    tables = await createTestTables();
    for (const e of history) expect((await project(e)).outcome).toBe('accepted');
  });

  it('recomputes once for a batch of many records and stores one snapshot equal to the pure computation', async () => {
    // Prepare
    const batch = await projectionStreamBatch(tables.client, tables.names.projections, writes);

    // Act
    const result = await recompute(batch);

    // Assess
    expect(result).toMatchObject({ written: true, products: 3 });
    const stored = await storedSnapshots();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.snapshot.asOf).toBe(result.asOf);
    expect(stored[0]!.snapshot).toEqual(expectedSnapshot(history, result.asOf));
  });

  it('stores nothing new when a batch leaves the figures unchanged', async () => {
    // Prepare
    const before = await latestSnapshot();
    const batch = await projectionStreamBatch(tables.client, tables.names.projections, writes.slice(0, 3));

    // Act
    const result = await recompute(batch);

    // Assess
    expect(result.written).toBe(false);
    expect(result.asOf).toBe(before!.snapshot.asOf);
    expect(await storedSnapshots()).toHaveLength(1);
  });

  it('stores a new snapshot when a batch changes the figures', async () => {
    // Prepare
    const listing = onItsDay(district('845'), 'ProductListedOnMarketplace', details.listed('S-MAM', 'voso', `${daysAgo(380)}T08:00:00+07:00`, '845'));
    await project(listing);
    const count = (await storedSnapshots()).length;

    // Act
    const result = await recompute(await projectionStreamBatch(tables.client, tables.names.projections, [{ pk: 'PRODUCT#S-MAM' }]));

    // Assess
    expect(result).toMatchObject({ written: true, changed: 1 });
    const stored = await storedSnapshots();
    expect(stored).toHaveLength(count + 1);
    expect((await latestSnapshot())!.snapshot).toEqual(expectedSnapshot([...history, listing], result.asOf));
  });

  it('always stores a snapshot for the daily schedule, even with unchanged figures', async () => {
    // Prepare
    const count = (await storedSnapshots()).length;

    // Act
    const first = await recompute(daily);
    const second = await recompute(daily);

    // Assess
    expect([first.written, second.written]).toEqual([true, true]);
    expect(await storedSnapshots()).toHaveLength(count + 2);
    expect((await latestSnapshot())!.snapshot.asOf).toBe(second.asOf);
  });
});

describe('the daily recompute and the passing of time', () => {
  const history = [
    envelope(district('847'), 'ProductRegistered', details.registered('S-OLD', '847', { occurredAt: '2021-03-01T09:00:00+07:00' })),
    envelope(district('847'), 'ProductRated', details.rated('S-OLD', 71, 4, '2021-06-01', '847')),
    envelope(district('848'), 'ProductRegistered', details.registered('S-NEW', '848', { occurredAt: '2023-03-01T09:00:00+07:00' })),
    envelope(district('848'), 'ProductRated', details.rated('S-NEW', 58, 3, '2023-07-01', '848')),
  ];

  beforeAll(async () => {
    tables = await createTestTables();
    for (const e of history) expect((await project(e)).outcome).toBe('accepted');
  });

  it('stops counting a certificate the day after its validUntil, with no event in between', async () => {
    // Prepare
    const lastValidDay = new Date('2024-06-01T12:00:00+07:00');
    const dayAfter = new Date('2024-06-02T06:00:00+07:00');

    // Act
    const onLastDay = await recomputeSnapshot({ now: lastValidDay, force: true });
    const stateOnLastDay = (await latestSnapshot())!.snapshot;
    const nextDay = await recomputeSnapshot({ now: dayAfter, force: true });
    const stateNextDay = (await latestSnapshot())!.snapshot;

    // Assess
    expect([onLastDay.written, nextDay.written]).toEqual([true, true]);
    expect(indicator(stateOnLastDay, 'ocop.active')).toBe(2);
    expect(stateOnLastDay.expiring.map((e) => e.productId)).toEqual(['S-OLD']);
    expect(stateOnLastDay.breakdown.byDistrict['847']!.active).toBe(1);
    expect(indicator(stateNextDay, 'ocop.active')).toBe(1);
    expect(stateNextDay.expiring).toEqual([]);
    expect(stateNextDay.breakdown.byDistrict['847']!.active).toBe(0);
    expect(stateNextDay.breakdown.byLevel['4'].active).toBe(0);
    expect(stateNextDay).toEqual(expectedSnapshot(history, dayAfter.toISOString()));
    expect((await storedSnapshots()).map((s) => s.asOf)).toEqual([lastValidDay.toISOString(), dayAfter.toISOString()]);
  });
});
