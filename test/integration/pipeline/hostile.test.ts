import '../../support/quiet-powertools';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { addDays, decodeKpiRecord, MAX_PRODUCT_STATE_BYTES, recordUnitOn, type ProductKpiRecord, type ProductState } from '../../../domain';
import type { EventBridgeEnvelope } from '../../../events';
import { queues } from '../../../functions/triggers';
import { snapshotAsOf } from '../../../functions/http-api/routes/kpis';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { getProjection } from '../../../functions/storage/projection-store';
import type { RejectionRecord } from '../../../functions/storage/rejection-store';
import { countWaiting } from '../../../functions/storage/waiting-store';
import { LOCAL_AWS } from '../../../local/dynamodb-local';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope, newEventId } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent } from '../../support/project';

/**
 * The hostile scenarios of issue 9, on DynamoDB Local through the real
 * project-event handler (SQS batches of the inbound-events queue): a
 * back-dated take-over, a foreign flood, and a product with a long history
 * of its own. A district is authenticated, not trusted with others' products.
 * Each scenario has tables of its own. The bulk goes straight to the
 * handler in SQS batches, and no delivery may report batchItemFailures
 * (the only way to the dead letters); the owner's next events go through
 * the local bus, its queue and the handler, and no dead letter may appear.
 */
const DYNAMODB_ITEM_LIMIT_BYTES = 400 * 1024;
const { batchSize: BATCH_SIZE, maximumConcurrency: IN_FLIGHT } = queues['inbound-events'];
const district = (code: string) => `ocop.district.${code}`;
const eventIdOf = (e: EventBridgeEnvelope) => (e.detail as { eventId: string }).eventId;
const stateOf = async (productId: string) => (await getProjection(`PRODUCT#${productId}`))?.state as ProductState | undefined;
/** Days relative to the test's own clock (Vietnam time): a certificate stays in force when the suite runs years later. */

let tables: Awaited<ReturnType<typeof createTestTables>>;
let bus: RunningLocalBus;

beforeAll(async () => {
  // Where EventRejected goes, and the way of the owner's next events: the queue's consumer is the real handler.
  bus = await startLocalBus({ functions: { 'project-event': (event) => invokeProjectEvent(event as SQSEvent) } });
});
afterAll(async () => bus.close());

/** Through the handler, BATCH_SIZE messages per invocation, `inFlight` invocations at once; every message must be settled (no batchItemFailures). */
async function deliver(events: readonly EventBridgeEnvelope[], inFlight = 1): Promise<void> {
  const batches: EventBridgeEnvelope[][] = [];
  for (let i = 0; i < events.length; i += BATCH_SIZE) batches.push(events.slice(i, i + BATCH_SIZE));
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < batches.length) {
        const answer = await invokeProjectEvent(batches[next++]!);
        expect(answer.batchItemFailures).toEqual([]);
      }
    }),
  );
}

/** As a producer publishes them (PutEvents), through the bus, its queue and the handler; returns once every delivery has settled. */
async function publish(events: readonly EventBridgeEnvelope[]): Promise<void> {
  const client = new EventBridgeClient({ endpoint: bus.endpoint, region: LOCAL_AWS.region, credentials: LOCAL_AWS.credentials });
  const entries = events.map((e) => ({ EventBusName: 'ocop-pulse', Source: e.source, DetailType: e['detail-type'], Detail: JSON.stringify(e.detail) }));
  const answer = await client.send(new PutEventsCommand({ Entries: entries }));
  client.destroy();
  expect(answer.FailedEntryCount).toBe(0);
  await bus.drain();
}

/** The product's item as stored, with its size by DynamoDB's rules (the 400 KB limit is on this). */
async function itemOf(productId: string): Promise<{ item: Record<string, unknown> | undefined; bytes: number }> {
  const { Item } = await dynamoDocumentClient().send(new GetCommand({ TableName: tables.names.projections, Key: { pk: `PRODUCT#${productId}` }, ConsistentRead: true }));
  return { item: Item, bytes: Item ? dynamoItemBytes(Item) : 0 };
}

/**
 * An item's size as DynamoDB counts it (Developer Guide, "Item sizes"):
 * attribute names plus values; strings in UTF-8 bytes; numbers about one
 * byte per two significant digits plus one; lists and maps 3 bytes plus
 * one per element.
 */
function dynamoItemBytes(item: Record<string, unknown>): number {
  const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');
  const valueBytes = (value: unknown): number => {
    if (typeof value === 'string') return utf8(value);
    if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').replace(/^0+/, '').length / 2) + 1;
    if (typeof value === 'boolean' || value === null) return 1;
    if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueBytes(element), 0);
    if (typeof value === 'object') return 3 + Object.entries(value as Record<string, unknown>).reduce((sum, [name, v]) => sum + 1 + utf8(name) + valueBytes(v), 0);
    return 0;
  };
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueBytes(value), 0);
}

async function rejectionsOf(eventIds: readonly string[]): Promise<Map<string, RejectionRecord>> {
  const found = new Map<string, RejectionRecord>();
  for (let i = 0; i < eventIds.length; i += 100) {
    let keys: Array<Record<string, unknown>> = eventIds.slice(i, i + 100).map((rejectionId) => ({ rejectionId }));
    while (keys.length > 0) {
      const page = await dynamoDocumentClient().send(new BatchGetCommand({ RequestItems: { [tables.names.rejections]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of (page.Responses?.[tables.names.rejections] ?? []) as RejectionRecord[]) found.set(item.rejectionId, item);
      keys = (page.UnprocessedKeys?.[tables.names.rejections]?.Keys ?? []) as Array<Record<string, unknown>>;
    }
  }
  return found;
}

async function loggedCount(eventIds: readonly string[]): Promise<number> {
  let count = 0;
  for (let i = 0; i < eventIds.length; i += 100) {
    let keys: Array<Record<string, unknown>> = eventIds.slice(i, i + 100).map((eventId) => ({ eventId }));
    while (keys.length > 0) {
      const page = await dynamoDocumentClient().send(new BatchGetCommand({ RequestItems: { [tables.names.events]: { Keys: keys, ProjectionExpression: 'eventId' } } }));
      count += page.Responses?.[tables.names.events]?.length ?? 0;
      keys = (page.UnprocessedKeys?.[tables.names.events]?.Keys ?? []) as Array<Record<string, unknown>>;
    }
  }
  return count;
}

/** The KPI record the product's item carries (the read model of /v1/kpis and the snapshots). */
async function kpiRecordOf(productId: string): Promise<ProductKpiRecord> {
  const stored = await getProjection(`PRODUCT#${productId}`);
  const record = decodeKpiRecord(stored!.kpi);
  if (record.kind !== 'product') throw new Error(`PRODUCT#${productId} carries a ${record.kind} record`);
  return record.product;
}

function transferred(productId: string, fromUnitCode: string, toUnitCode: string, day: string): EventBridgeEnvelope {
  return envelope('ocop.province', 'ProductTransferred', {
    eventId: newEventId('trf'),
    schemaVersion: 1,
    occurredAt: `${day}T10:00:00+07:00`,
    productId,
    fromUnitCode,
    toUnitCode,
    reason: 'Điều chỉnh đơn vị đăng ký theo hồ sơ của chủ thể',
    effectiveDate: day,
  });
}

describe('a back-dated take-over by another district', () => {
  beforeAll(async () => {
    tables = await createTestTables();
  });

  it("rejects the registration and the rating of district 844 naming owner 842, and leaves the product, 842's events and the KPIs alone", async () => {
    // Prepare
    const productId = 'P-TAKEOVER';
    // Dated before the 2025 reform: a district's events (docs/sources-and-councils.md). The KPIs are asked for a fixed day.
    const ratedOn = '2024-06-10';
    const registration = envelope(district('842'), 'ProductRegistered', details.registered(productId, '842', { occurredAt: '2022-03-01T09:00:00+07:00' }));
    const provinceRating = envelope('ocop.province', 'ProductRated', details.rated(productId, 78, 4, ratedOn, '842'));
    await deliver([registration, provinceRating]);
    const before = await stateOf(productId);
    const takeOver = envelope(district('844'), 'ProductRegistered', details.registered(productId, '844', { occurredAt: '2020-01-02T09:00:00+07:00', name: 'Tên do huyện 844 đặt' }));
    const foreignRating = envelope(district('844'), 'ProductRated', details.rated(productId, 92, 4, '2020-06-01', '844', { fiveStarPotential: true }));

    // Act
    await deliver([foreignRating, takeOver]);
    await deliver([takeOver, foreignRating]); // delivered again, in the other order
    const afterAttack = await stateOf(productId);
    const ownListing = envelope(district('842'), 'ProductListedOnMarketplace', details.listed(productId, 'postmart', '2023-01-05T08:00:00+07:00', '842'));
    const ownCorrection = envelope(district('842'), 'ProductRegistered', details.registered(productId, '842', { occurredAt: '2022-04-01T09:00:00+07:00', name: 'Mật hoa dừa Cầu Kè' }));
    await deliver([ownListing, ownCorrection]);
    const snapshot = await snapshotAsOf('2025-06-30');

    // Assess
    expect(afterAttack).toEqual(before);
    const rejections = await rejectionsOf([eventIdOf(takeOver), eventIdOf(foreignRating)]);
    expect(rejections.get(eventIdOf(takeOver))?.reasons).toEqual([expect.stringMatching(/^productId P-TAKEOVER is already registered by unit 842 .*unit 844 cannot register it again/)]);
    expect(rejections.get(eventIdOf(foreignRating))?.reasons).toEqual([expect.stringMatching(/^productId P-TAKEOVER belongs to unit 842; unit 844 may only publish/)]);
    const after = await stateOf(productId);
    expect(after?.registration).toMatchObject({ districtCode: '842', name: 'Mật hoa dừa Cầu Kè', registeredAt: '2022-03-01T09:00:00+07:00' });
    expect(after?.decisions.map((d) => d.eventId)).toEqual([eventIdOf(provinceRating)]);
    expect(after?.listings.map((l) => l.latest.eventId)).toEqual([eventIdOf(ownListing)]);
    expect(await rejectionsOf([registration, provinceRating, ownListing, ownCorrection].map(eventIdOf))).toEqual(new Map());
    expect((await getProjection(`PRODUCT#${productId}`))?.districtCode).toBe('842');
    const record = await kpiRecordOf(productId);
    expect(record).toMatchObject({ name: 'Mật hoa dừa Cầu Kè', registeredOn: '2022-03-01', units: [{ from: null, unitCode: '842' }] });
    expect(record.decisions).toEqual([expect.objectContaining({ decisionDate: ratedOn, stars: 4, level: '4' })]);
    expect(snapshot.breakdown.byDistrict['842']).toMatchObject({ active: 1, byLevel: { '4': 1, '4-potential-5': 0 } });
    expect(snapshot.breakdown.byDistrict['844']).toMatchObject({ active: 0, byLevel: { '4': 0, '4-potential-5': 0 } });
  });

  it("keeps another district's events that arrived before the registration out of the owner's product, and takes the owner's own early ones", async () => {
    // Prepare
    const productId = 'P-EARLY-FOREIGN';
    const foreignRating = envelope(district('844'), 'ProductRated', details.rated(productId, 92, 4, '2024-06-01', '844'));
    const foreignListing = envelope(district('844'), 'ProductListedOnMarketplace', details.listed(productId, 'voso', '2023-02-01T08:00:00+07:00', '844'));
    const ownListing = envelope(district('842'), 'ProductListedOnMarketplace', details.listed(productId, 'postmart', '2023-01-05T08:00:00+07:00', '842'));
    const registration = envelope(district('842'), 'ProductRegistered', details.registered(productId, '842'));

    // Act
    await deliver([foreignRating, foreignListing, ownListing]);
    const waitingBefore = await countWaiting(`PRODUCT#${productId}`);
    const beforeRegistration = await stateOf(productId);
    await deliver([registration]);

    // Assess
    expect(waitingBefore).toBe(3);
    expect(beforeRegistration).toBeUndefined();
    expect(await countWaiting(`PRODUCT#${productId}`)).toBe(0);
    const state = await stateOf(productId);
    expect(state?.registration.districtCode).toBe('842');
    expect(state?.decisions).toEqual([]);
    expect(state?.listings.map((l) => [l.marketplace, l.latest.eventId])).toEqual([['postmart', eventIdOf(ownListing)]]);
    const rejections = await rejectionsOf([foreignRating, foreignListing, ownListing, registration].map(eventIdOf));
    expect([...rejections.keys()].sort()).toEqual([eventIdOf(foreignRating), eventIdOf(foreignListing)].sort());
    for (const rejection of rejections.values()) expect(rejection.reasons).toEqual([expect.stringMatching(/belongs to unit 842; unit 844 may only publish/)]);
    expect((await kpiRecordOf(productId)).decisions).toEqual([]);
  });

  it("makes the product 844's when 844's registration is received first, whatever the dates; only the province's transfer gives it to 842", async () => {
    // Prepare
    const productId = 'P-FIRST-RECEIVED';
    const first = envelope(district('844'), 'ProductRegistered', details.registered(productId, '844', { occurredAt: '2024-05-01T09:00:00+07:00', name: 'Tên của huyện 844' }));
    const backDated = envelope(district('842'), 'ProductRegistered', details.registered(productId, '842', { occurredAt: '2019-01-02T09:00:00+07:00', name: 'Tên của huyện 842' }));
    const rating842 = envelope(district('842'), 'ProductRated', details.rated(productId, 75, 4, '2024-08-01', '842'));

    // Act
    await deliver([first]);
    await deliver([backDated, rating842]);
    const before = await stateOf(productId);
    const transfer = transferred(productId, '844', '842', '2025-03-01');
    await deliver([transfer]);
    const rating842Again = envelope(district('842'), 'ProductRated', details.rated(productId, 75, 4, '2025-04-01', '842'));
    await deliver([rating842Again]);

    // Assess
    expect(before?.registration).toMatchObject({ districtCode: '844', name: 'Tên của huyện 844', registeredAt: '2024-05-01T09:00:00+07:00' });
    expect(before?.decisions).toEqual([]);
    const rejections = await rejectionsOf([first, backDated, rating842, transfer, rating842Again].map(eventIdOf));
    expect([...rejections.keys()].sort()).toEqual([eventIdOf(backDated), eventIdOf(rating842)].sort());
    expect(rejections.get(eventIdOf(backDated))?.reasons).toEqual([expect.stringMatching(/already registered by unit 844 .*unit 842 cannot register it again/)]);
    expect(rejections.get(eventIdOf(rating842))?.reasons).toEqual([expect.stringMatching(/belongs to unit 844; unit 842 may only publish/)]);
    const after = await stateOf(productId);
    expect(after?.registration.districtCode).toBe('844');
    expect(after?.transfers.map((t) => t.toUnitCode)).toEqual(['842']);
    expect(after?.decisions.map((d) => d.eventId)).toEqual([eventIdOf(rating842Again)]);
    expect((await getProjection(`PRODUCT#${productId}`))?.districtCode).toBe('842');
    const record = await kpiRecordOf(productId);
    expect(recordUnitOn(record, '2025-02-28')).toBe('844');
    expect(recordUnitOn(record, '2025-03-01')).toBe('842');
  });

  it('gives a product raced by two districts to exactly one of them, and rejects the other one naming it', async () => {
    // Prepare: registrations of 842 and 844 for the same products, in invocations running at once
    const productIds = Array.from({ length: 8 }, (_, i) => `P-RACE-${i}`);
    const from842 = productIds.map((id) => envelope(district('842'), 'ProductRegistered', details.registered(id, '842', { occurredAt: '2023-03-01T09:00:00+07:00' })));
    const from844 = productIds.map((id) => envelope(district('844'), 'ProductRegistered', details.registered(id, '844', { occurredAt: '2021-03-01T09:00:00+07:00' })));

    // Act
    await Promise.all(productIds.flatMap((_, i) => [deliver([from842[i]!]), deliver([from844[i]!])]));

    // Assess
    const rejections = await rejectionsOf([...from842, ...from844].map(eventIdOf));
    expect(rejections.size).toBe(productIds.length);
    for (const [i, productId] of productIds.entries()) {
      const owner = (await stateOf(productId))?.registration.districtCode;
      expect(['842', '844']).toContain(owner);
      const [winner, loser] = owner === '842' ? [from842[i]!, from844[i]!] : [from844[i]!, from842[i]!];
      expect(rejections.has(eventIdOf(winner))).toBe(false);
      expect(rejections.get(eventIdOf(loser))?.reasons).toEqual([expect.stringMatching(new RegExp(`already registered by unit ${owner} `))]);
      expect((await kpiRecordOf(productId)).units).toEqual([{ from: null, unitCode: owner }]);
    }
  });
});

describe('a foreign flood of 1,500 events', () => {
  beforeAll(async () => {
    tables = await createTestTables();
  });

  it("counts none, keeps all as rejections, keeps the product item small, and takes the owner's events during and after it", async () => {
    // Prepare: 750 listings of 845 before 842 registers the product (they wait), 750 after, with 842's own listings among them
    const productId = 'P-FLOODED';
    const controlId = 'P-CONTROL';
    const flood = Array.from({ length: 1500 }, (_, i) =>
      envelope(district('845'), 'ProductListedOnMarketplace', details.listed(productId, `shop-${i % 50}`, `${addDays('2021-01-01', i)}T08:00:00+07:00`, '845')),
    );
    const registration = envelope(district('842'), 'ProductRegistered', details.registered(productId, '842'));
    const control = envelope(district('842'), 'ProductRegistered', details.registered(controlId, '842'));
    const own = Array.from({ length: 20 }, (_, i) => envelope(district('842'), 'ProductListedOnMarketplace', details.listed(productId, 'postmart', `${addDays('2023-06-01', i)}T08:00:00+07:00`, '842')));
    const ownAmongFlood = flood.slice(750).flatMap((e, i) => (i % 37 === 0 && own[i / 37] ? [own[i / 37]!, e] : [e]));
    const ownControl = own.map((e) => envelope(district('842'), 'ProductListedOnMarketplace', { ...(e.detail as object), eventId: newEventId('lst'), productId: controlId }));

    // Act
    await deliver(flood.slice(0, 750), IN_FLIGHT);
    const waitingBeforeRegistration = await countWaiting(`PRODUCT#${productId}`);
    await deliver([registration, control]);
    await deliver(ownAmongFlood, IN_FLIGHT);
    await deliver(ownControl, IN_FLIGHT);
    const afterFlood = await itemOf(productId);
    const controlItem = await itemOf(controlId);
    // Before the 2025 reform, as the flood: a district's events (docs/sources-and-councils.md).
    const next = envelope(district('842'), 'ProductRated', details.rated(productId, 70, 4, '2025-05-01', '842'));
    await publish([next]);

    // Assess
    expect(ownAmongFlood.length).toBe(750 + own.length);
    expect(waitingBeforeRegistration).toBe(750);
    expect(await countWaiting(`PRODUCT#${productId}`)).toBe(0);
    const rejections = await rejectionsOf(flood.map(eventIdOf));
    expect(rejections.size).toBe(flood.length);
    expect([...rejections.values()].every((r) => r.districtCode === '845' && /belongs to unit 842; unit 845 may only publish/.test(r.reasons.join(' ')))).toBe(true);
    expect(await loggedCount(flood.map(eventIdOf))).toBe(flood.length); // the log keeps what was received
    expect(await rejectionsOf([registration, ...own, next].map(eventIdOf))).toEqual(new Map());
    const state = afterFlood.item?.state as ProductState;
    expect(state.listings.map((l) => l.marketplace)).toEqual(['postmart']);
    expect(state.listings[0]?.days).toHaveLength(own.length);
    // As big as a product with the same events of its own and no flood (a few bytes apart: ids and timestamps), and far from DynamoDB's limit.
    expect(Math.abs(afterFlood.bytes - controlItem.bytes)).toBeLessThan(200);
    expect(afterFlood.bytes).toBeLessThan(8 * 1024);
    expect((await stateOf(productId))?.decisions.map((d) => d.eventId)).toEqual([eventIdOf(next)]);
    expect(bus.deadLetters()).toEqual([]);
    expect(bus.failedDeliveries['project-event']).toBeUndefined();
  });
});

describe('a product with 3,000 listing events of its own', () => {
  beforeAll(async () => {
    tables = await createTestTables();
  });

  it("takes every one and its next event, and its item stays under DynamoDB's 400 KB (its state under MAX_PRODUCT_STATE_BYTES)", async () => {
    // Prepare: listing churn on three marketplaces, one change a day for 3,000 days
    const productId = 'P-CHURN';
    const registration = envelope(district('846'), 'ProductRegistered', details.registered(productId, '846', { occurredAt: '2014-01-01T09:00:00+07:00' }));
    const churn = Array.from({ length: 3000 }, (_, i) => {
      const at = `${addDays('2014-06-01', i)}T08:00:00+07:00`;
      const marketplace = ['postmart', 'voso', 'tiki'][i % 3]!;
      return i % 6 < 3
        ? envelope(district('846'), 'ProductListedOnMarketplace', details.listed(productId, marketplace, at, '846'))
        : envelope(district('846'), 'ProductDelistedFromMarketplace', details.delisted(productId, marketplace, at, '846'));
    });
    await deliver([registration]);

    // Act
    await deliver(churn, 2);
    const next = envelope(district('846'), 'ProductRated', details.rated(productId, 80, 4, addDays('2014-06-01', 3001), '846'));
    await publish([next]);
    const { item, bytes } = await itemOf(productId);

    // Assess
    expect(await rejectionsOf([...churn, next].map(eventIdOf))).toEqual(new Map());
    const state = item?.state as ProductState;
    expect(state.listings.map((l) => l.marketplace)).toEqual(['postmart', 'tiki', 'voso']);
    expect(state.listings.reduce((days, l) => days + l.days.length, 0)).toBe(churn.length);
    expect(state.decisions.map((d) => d.eventId)).toEqual([eventIdOf(next)]);
    expect(Buffer.byteLength(JSON.stringify(state))).toBeLessThanOrEqual(MAX_PRODUCT_STATE_BYTES);
    expect(bytes).toBeLessThan(DYNAMODB_ITEM_LIMIT_BYTES);
    expect(bus.deadLetters()).toEqual([]);
    expect(bus.failedDeliveries['project-event']).toBeUndefined();
  });
});
