import '../../support/quiet-powertools';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductState } from '../../../domain';
import { EventRejected, type EventBridgeEnvelope } from '../../../events';
import { recomputeSnapshot } from '../../../functions/recompute-snapshot/recompute';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { getProjection } from '../../../functions/storage/projection-store';
import { countWaiting } from '../../../functions/storage/waiting-store';
import type { RejectionRecord } from '../../../functions/storage/rejection-store';
import { loadEventFixture } from '../../fixtures/events';
import { callApi } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { projectOne } from '../../support/project';

/**
 * Every rejection reason of CONTRACT §1 through the real project-event
 * handler on DynamoDB Local, with the project's local EventBridge capturing
 * what the handler announces.
 */
const project = (e: EventBridgeEnvelope) => projectOne(structuredClone(e));
const district = (code: string) => `ocop.district.${code}`;
const eventIdOf = (e: EventBridgeEnvelope) => (e.detail as { eventId?: string }).eventId;
const without = (detail: Record<string, unknown>, field: string) => Object.fromEntries(Object.entries(detail).filter(([name]) => name !== field));

let names: Awaited<ReturnType<typeof createTestTables>>['names'];
let bus: RunningLocalBus;

beforeAll(async () => {
  ({ names } = await createTestTables());
  bus = await startLocalBus();
});
afterAll(async () => bus.close());

async function storedRejection(rejectionId: string): Promise<RejectionRecord | undefined> {
  const result = await dynamoDocumentClient().send(new GetCommand({ TableName: names.rejections, Key: { rejectionId }, ConsistentRead: true }));
  return result.Item as RejectionRecord | undefined;
}

async function loggedEvent(eventId: string): Promise<unknown> {
  const result = await dynamoDocumentClient().send(new GetCommand({ TableName: names.events, Key: { eventId }, ConsistentRead: true }));
  return result.Item;
}

/** The EventRejected announcements of one rejection that reached the bus, once every delivery has settled. */
async function announcementsOf(rejectionId: string): Promise<EventBridgeEnvelope[]> {
  await bus.drain();
  return bus.seen.filter((e) => e['detail-type'] === 'EventRejected' && (e.detail as { eventId?: string }).eventId === `rejected-${rejectionId}`);
}

/** Asserts the one announcement of a rejection: from ocop.province, valid against the catalog's EventRejected, saying what the rejection says. */
async function expectAnnouncedOnce(rejection: RejectionRecord): Promise<void> {
  const announced = await announcementsOf(rejection.rejectionId);
  expect(announced).toHaveLength(1);
  expect(announced[0]!.source).toBe('ocop.province');
  const detail = EventRejected().parse(announced[0]!.detail);
  expect(detail).toEqual({
    eventId: `rejected-${rejection.rejectionId}`,
    schemaVersion: 1,
    occurredAt: rejection.rejectedAt,
    ...(rejection.districtCode !== undefined && { districtCode: rejection.districtCode }),
    ...(rejection.eventId !== undefined && { rejectedEventId: rejection.eventId }),
    rejectedSource: rejection.source,
    rejectedDetailType: rejection.detailType,
    reasons: rejection.reasons,
  });
}

/** Every page of a rejections listing. */
async function listAll(query: string): Promise<Array<{ rejectionId: string; source: string; rejectedAt: string; reasons: string[]; original: unknown }>> {
  const items = [];
  let cursor: string | undefined;
  do {
    const separator = query ? '&' : '?';
    const { status, body } = await callApi(`/v1/rejections${query}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(status).toBe(200);
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

describe('project-event rejects an event on its own', () => {
  const rated = (productId: string, score: number, stars: number, extra: Record<string, unknown> = {}) =>
    envelope(district('842'), 'ProductRated', details.rated(productId, score, stars, '2023-06-01', '842', extra));

  const cases: Array<[string, EventBridgeEnvelope, RegExp]> = [
    ['a score above 100', rated('P-SCORE', 120, 5, { council: 'central' }), /^detail\.score: must be a score from 0 to 100 \(got 120\)$/],
    ['a missing field', envelope(district('842'), 'ProductRegistered', without(details.registered('P-MISSING'), 'name')), /^detail\.name: .*\(missing\)$/],
    [
      'an http listing URL',
      envelope(district('842'), 'ProductListedOnMarketplace', { ...details.listed('P-HTTP', 'postmart', '2023-06-01T08:00:00+07:00'), listingUrl: 'http://postmart.vn/p/1' }),
      /^detail\.listingUrl: must be an https:\/\/ URL/,
    ],
    ['a date that does not exist', rated('P-DATE', 75, 4, { decisionDate: '2023-02-30' }), /^detail\.decisionDate: must be a calendar date written YYYY-MM-DD/],
    ['an unknown DetailType', envelope(district('842'), 'ProductPriced', { ...details.listed('P-PRICE', 'voso', '2023-06-01T08:00:00+07:00') }), /^DetailType: must be one of ProductRegistered, .* \(got "ProductPriced"\)$/],
    ['a districtCode other than the Source', envelope(district('842'), 'ProductRegistered', details.registered('P-OTHER', '844')), /^detail\.districtCode: 844 does not match Source ocop\.district\.842/],
    ['a district that is not a unit of the province', envelope(district('999'), 'ProductRegistered', details.registered('P-999', '999')), /^Source: ocop\.district\.999 names unit 999, which is not a district in force on 2022-03-01/],
    [
      'a district source dated after the reform',
      envelope(district('842'), 'ProductRated', details.rated('P-REFORM', 75, 4, '2026-01-05', '842')),
      /^Source: ocop\.district\.842 is a district source, and this event is dated 2026-01-05: the district level was abolished on 2025-07-01/,
    ],
    [
      'a district-council decision dated 2026',
      envelope('ocop.province', 'ProductRated', details.rated('P-COUNCIL', 60, 3, '2026-01-05', '842', { districtCode: undefined, communeCode: '29242', council: 'district' })),
      /^detail\.council: a decision dated 2026-01-05 cannot come from a district council/,
    ],
    ['stars that disagree with the score band', rated('P-BAND', 75, 3), /^detail\.stars: 3 stars disagrees with the score: a score of 75 falls in the 4-star band/],
    ['5 stars from a council other than central', rated('P-FIVE', 95, 5), /only the central council awards 5 stars$/],
    ['a fiveStarPotential that disagrees with the score', rated('P-POTENTIAL', 80, 4, { fiveStarPotential: true }), /^detail\.fiveStarPotential: must be false \(or omitted\)/],
    ['an upgrade that does not raise the level', envelope(district('842'), 'ProductUpgraded', details.upgraded('P-UPGRADE', 4, 4, 75, '2023-06-01')), /^detail\.toStars: an upgrade must raise the level, but toStars 4 is not above fromStars 4$/],
    [
      'a Source and districtCode that are no district codes',
      envelope('ocop.district.cau-ke', 'ProductRegistered', details.registered('P-NAMES', 'Cầu Kè')),
      /^Source: must be "ocop\.province", "ocop\.commune\.<communeCode>" \(5 digits, from 2025-07-01\) or "ocop\.district\.<districtCode>"/,
    ],
  ];

  it.each(cases)('keeps and announces once %s, even delivered twice', async (_name, sent, expectedReason) => {
    // Prepare
    const eventId = eventIdOf(sent)!;
    const productId = (sent.detail as { productId: string }).productId;

    // Act
    const first = await project(sent);
    const redelivered = await project(sent);

    // Assess
    expect(first).toMatchObject({ outcome: 'rejected', rejectionId: eventId });
    expect(redelivered).toMatchObject({ outcome: 'rejected', rejectionId: eventId, reasons: first.reasons });
    const stored = await storedRejection(eventId);
    expect(stored).toMatchObject({ eventId, source: sent.source, detailType: sent['detail-type'], announced: true });
    expect(stored!.reasons).toEqual(first.reasons);
    expect(stored!.reasons.some((reason) => expectedReason.test(reason))).toBe(true);
    expect(stored!.original).toEqual(sent);
    expect(await loggedEvent(eventId)).toBeUndefined();
    expect(await getProjection(`PRODUCT#${productId}`)).toBeUndefined();
    await expectAnnouncedOnce(stored!);
  });

  it('keeps an event without a usable eventId under its EventBridge id, once per delivery of that envelope', async () => {
    // Prepare
    const sent = envelope(district('842'), 'ProductRegistered', 'not an object');

    // Act
    const first = await project(sent);
    const redelivered = await project(sent);

    // Assess
    expect(first).toMatchObject({ outcome: 'rejected', rejectionId: `eb-${sent.id}`, reasons: ['Detail: must be a JSON object'] });
    expect(redelivered.rejectionId).toBe(first.rejectionId);
    const stored = await storedRejection(`eb-${sent.id}`);
    expect(stored).toMatchObject({ source: sent.source, districtCode: '842', original: sent });
    expect(stored!.eventId).toBeUndefined();
    await expectAnnouncedOnce(stored!);
  });

  it('announces once when the producer puts the same fact again, under a new EventBridge id', async () => {
    // Prepare
    const sent = rated('P-TWICE', 75, 5);
    await project(sent);

    // Act
    const again = await project({ ...sent, id: 'a-new-put-events-of-the-same-fact' });

    // Assess
    expect(again).toMatchObject({ outcome: 'rejected', rejectionId: eventIdOf(sent) });
    expect(await announcementsOf(eventIdOf(sent)!)).toHaveLength(1);
  });
});

describe('project-event rejects what the product registration decides', () => {
  it('lets another district\'s event wait outside the product for the registration, then rejects it and never counts it', async () => {
    // Prepare
    const intruder = envelope(district('844'), 'ProductRated', details.rated('P-INTRUDED', 78, 4, '2023-04-10', '844'));
    const registration = envelope(district('842'), 'ProductRegistered', details.registered('P-INTRUDED', '842', { occurredAt: '2023-01-05T09:00:00+07:00' }));
    const ownRating = envelope(district('842'), 'ProductRated', details.rated('P-INTRUDED', 55, 3, '2023-05-02', '842'));

    // Act
    const waiting = await project(intruder);
    const stateWhileWaiting = await getProjection('PRODUCT#P-INTRUDED');
    const waitingWhileWaiting = await countWaiting('PRODUCT#P-INTRUDED');
    const registered = await project(registration);
    const redeliveries = [await project(intruder), await project(registration)];
    const later = await project(ownRating);
    await recomputeSnapshot({ now: new Date('2023-06-30T12:00:00+07:00'), force: true });
    const { body: product } = await callApi('/v1/products/P-INTRUDED');
    const { body: kpis } = await callApi('/v1/kpis?asOf=2023-06-30');

    // Assess
    expect(waiting.outcome).toBe('waiting');
    expect(stateWhileWaiting).toBeUndefined();
    expect(waitingWhileWaiting).toBe(1);
    expect(registered).toMatchObject({ outcome: 'accepted' });
    expect(await countWaiting('PRODUCT#P-INTRUDED')).toBe(0);
    expect(redeliveries.map((r) => r.outcome)).toEqual(['rejected', 'duplicate']);
    expect(later).toMatchObject({ outcome: 'accepted' });
    const stored = await storedRejection(eventIdOf(intruder)!);
    expect(stored).toMatchObject({ source: 'ocop.district.844', detailType: 'ProductRated', districtCode: '844', announced: true });
    expect(stored!.reasons).toEqual([expect.stringMatching(/^productId P-INTRUDED belongs to unit 842; unit 844 may only publish for its own products$/)]);
    expect(stored!.original).toEqual(intruder);
    await expectAnnouncedOnce(stored!);
    expect(product.ratingHistory.map((d: { decisionDate: string }) => d.decisionDate)).toEqual(['2023-05-02']);
    expect(kpis.breakdown.byDistrict['844'].active).toBe(0);
    expect(kpis.breakdown.byDistrict['842'].byLevel).toMatchObject({ '3': 1, '4': 0 });
  });

  it('rejects a second registration from another district and keeps the first', async () => {
    // Prepare
    const first = envelope(district('845'), 'ProductRegistered', details.registered('P-TAKEN', '845'));
    const second = envelope(district('846'), 'ProductRegistered', details.registered('P-TAKEN', '846', { occurredAt: '2022-04-01T09:00:00+07:00', name: 'Bánh tét' }));
    await project(first);

    // Act
    const result = await project(second);
    const redelivered = await project(second);

    // Assess
    expect(result).toMatchObject({ outcome: 'rejected', rejectionId: eventIdOf(second) });
    expect(result.reasons).toEqual([expect.stringMatching(/^productId P-TAKEN is already registered by unit 845 \(since \d{4}-\d\d-\d\d\); unit 846 cannot register it again\./)]);
    expect(redelivered).toMatchObject({ outcome: 'rejected', rejectionId: eventIdOf(second) });
    const state = (await getProjection('PRODUCT#P-TAKEN'))?.state as ProductState;
    expect(state.registration).toMatchObject({ districtCode: '845', name: 'Sản phẩm P-TAKEN' });
    const stored = await storedRejection(eventIdOf(second)!);
    expect(stored).toMatchObject({ districtCode: '846', reasons: result.reasons, original: second });
    await expectAnnouncedOnce(stored!);
  });

  it('accepts ocop.province publishing for any district', async () => {
    // Prepare
    const registration = envelope(district('847'), 'ProductRegistered', details.registered('P-PROVINCE', '847'));
    const provinceRating = envelope('ocop.province', 'ProductRated', details.rated('P-PROVINCE', 92, 4, '2023-03-03', '847', { fiveStarPotential: true }));
    const provinceRegistration = envelope('ocop.province', 'ProductRegistered', details.registered('P-PROVINCE-848', '848'));
    const provinceListing = envelope('ocop.province', 'ProductListedOnMarketplace', without(details.listed('P-PROVINCE-848', 'voso', '2023-03-04T08:00:00+07:00'), 'districtCode'));
    const fixture = loadEventFixture('ProductRated');

    // Act
    const results = [];
    for (const sent of [registration, provinceRating, provinceRegistration, provinceListing, fixture]) results.push(await project(sent));

    // Assess
    // The catalog's example rating is for a product not registered here: it waits for its registration, and is no rejection.
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'waiting']);
    expect(((await getProjection('PRODUCT#P-PROVINCE'))?.state as ProductState).decisions).toHaveLength(1);
    expect(((await getProjection('PRODUCT#P-PROVINCE-848'))?.state as ProductState).listings).toHaveLength(1);
    for (const sent of [registration, provinceRating, provinceRegistration, provinceListing, fixture]) {
      expect(await storedRejection(eventIdOf(sent)!)).toBeUndefined();
      expect(await announcementsOf(eventIdOf(sent)!)).toEqual([]);
    }
  });
});

describe('GET /v1/rejections', () => {
  it('lists every rejection newest first, and one source\'s with ?source=', async () => {
    // Prepare
    const fromOther = envelope(district('848'), 'ProductRated', details.rated('P-LIST-848', 75, 3, '2023-06-01', '848'));
    const from842 = [1, 2, 3].map((i) => envelope(district('842'), 'ProductRated', details.rated(`P-LIST-842-${i}`, 101, 5, '2023-06-01', '842')));
    for (const sent of [from842[0]!, fromOther, from842[1]!, from842[2]!]) await project(sent);

    // Act
    const all = await listAll('?limit=3');
    const of842 = await listAll('?source=ocop.district.842&limit=2');

    // Assess
    const newestFirst = (items: Array<{ rejectedAt: string }>) => items.map((i) => i.rejectedAt).every((at, i, list) => i === 0 || list[i - 1]! >= at);
    expect(newestFirst(all)).toBe(true);
    expect(newestFirst(of842)).toBe(true);
    expect(new Set(all.map((i) => i.rejectionId)).size).toBe(all.length);
    expect(all.map((i) => i.rejectionId)).toEqual(expect.arrayContaining([...from842, fromOther].map((e) => eventIdOf(e))));
    expect(of842.every((i) => i.source === 'ocop.district.842')).toBe(true);
    expect(of842.map((i) => i.rejectionId)).toEqual(all.filter((i) => i.source === 'ocop.district.842').map((i) => i.rejectionId));
    expect(of842.slice(0, 3).map((i) => i.rejectionId)).toEqual(from842.map((e) => eventIdOf(e)).reverse());
    expect(of842[0]).toMatchObject({ reasons: [expect.stringMatching(/^detail\.score: must be a score from 0 to 100/)], original: from842[2] });
  });

  it('answers 400 with the error shape for a bad source filter', async () => {
    // Act
    const { status, body } = await callApi('/v1/rejections?source=');

    // Assess
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/source/) } });
  });
});
