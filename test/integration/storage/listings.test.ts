import '../../support/quiet-powertools';
import { getProjection, listProductsPage, productPageKeyAttributes, type ProductFilter } from '../../../functions/storage/projection-store';
import { keepRejection, newRejection, rejectionPageKeyAttributes, rejectionsNewestFirst } from '../../../functions/storage/rejection-store';
import { putSnapshot, SNAPSHOT_PAGE_KEY_ATTRIBUTES, snapshotsNewestFirst } from '../../../functions/storage/snapshot-store';
import { indexOf, tables } from '../../../functions/storage/tables';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { projectOne } from '../../support/project';
import { sampleSnapshot } from '../../unit/report/support/sample-snapshot';

/**
 * The stores' listings on DynamoDB Local: each picks its index from the one
 * table definition, filters and orders as the API documents, and names the
 * key attributes its pages end on, the ones a cursor must carry (the API
 * refuses any other cursor with a 400 before DynamoDB sees it).
 */
const district = (code: string) => `ocop.district.${code}`;
const keysOf = (key: Record<string, unknown> | undefined) => Object.keys(key ?? {}).sort();
// Dates fixed in the past and the listing's day given: the suite also runs with the clock +730 days.
const RATED_ON = '2024-05-10';
const LISTED_ON = '2024-06-01';

let bus: RunningLocalBus;

beforeAll(async () => {
  await createTestTables();
  // The projector puts events on the bus (a registration settles what waited for it): the local one takes them.
  bus = await startLocalBus();
  for (const e of [
    envelope(district('842'), 'ProductRegistered', details.registered('S-A', '842')),
    envelope(district('842'), 'ProductRated', details.rated('S-A', 78, 4, RATED_ON, '842')),
    envelope(district('842'), 'ProductRegistered', details.registered('S-B', '842')),
    envelope(district('844'), 'ProductRegistered', details.registered('S-C', '844')),
    envelope(district('844'), 'ProductRated', details.rated('S-C', 80, 4, RATED_ON, '844')),
  ]) {
    const result = await projectOne(e);
    expect([result.outcome, result.error?.message, result.reasons]).toEqual(['accepted', undefined, undefined]);
  }
});
afterAll(async () => bus.close());

describe('tables.ts indexOf', () => {
  it('gives every index of the definition by its name, and refuses a name the table lacks', () => {
    // Prepare
    const byDistrict = indexOf('projections', 'byDistrict');

    // Act
    const unknown = () => indexOf('projections', 'nope' as 'byDistrict');

    // Assess
    expect(byDistrict).toBe(tables.projections.globalIndexes.find((index) => index.indexName === 'byDistrict'));
    expect(byDistrict.partitionKey.name).toBe('districtCode');
    expect(unknown).toThrow('projections has no index nope');
  });
});

describe('projection-store listProductsPage', () => {
  it('lists the products of a unit, then narrows to a level in force on the day', async () => {
    // Prepare
    const level = (await getProjection('PRODUCT#S-A'))?.level;
    expect(level).toBeDefined();

    // Act
    const ofUnit = await listProductsPage({ districtCode: '842' }, { day: LISTED_ON });
    const ofUnitAndLevel = await listProductsPage({ districtCode: '842', level }, { day: LISTED_ON });
    const ofLevelBeforeRating = await listProductsPage({ level }, { day: '2024-05-09' });

    // Assess
    expect(ofUnit.items.map((item) => item.pk)).toEqual(['PRODUCT#S-A', 'PRODUCT#S-B']);
    expect(ofUnitAndLevel.items.map((item) => item.pk)).toEqual(['PRODUCT#S-A']);
    expect(ofLevelBeforeRating.items).toEqual([]);
    expect(ofUnit.lastKey).toBeUndefined();
  });

  it.each<[string, ProductFilter]>([
    ['every product', {}],
    ['a unit', { districtCode: '842' }],
    ['a level', { level: '4' }],
    ['a group', { group: 'food' }],
  ])('ends a page of %s on the key attributes productPageKeyAttributes names, and goes on from it', async (_name, filter) => {
    // Prepare
    const first = await listProductsPage(filter, { day: LISTED_ON, limit: 1 });

    // Act
    const second = await listProductsPage(filter, { day: LISTED_ON, limit: 1, startKey: first.lastKey });

    // Assess
    expect(keysOf(first.lastKey)).toEqual([...productPageKeyAttributes(filter)].sort());
    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.pk > first.items[0]!.pk).toBe(true);
  });
});

describe('rejection-store rejectionsNewestFirst', () => {
  it('lists every rejection or one sender\'s, newest first, each page ending on the attributes rejectionPageKeyAttributes names', async () => {
    // Prepare
    const keep = (rejectionId: string, source: string, at: string) =>
      keepRejection(newRejection({ rejectionId, source, detailType: 'ProductRated', reasons: ['detail.stars: must be a whole number from 1 to 5'], original: {} }, new Date(at)));
    await keep('r-1', district('842'), '2024-01-01T00:00:00Z');
    await keep('r-2', district('844'), '2024-01-02T00:00:00Z');
    await keep('r-3', district('842'), '2024-01-03T00:00:00Z');

    // Act
    const all = await rejectionsNewestFirst({});
    const ofSender = await rejectionsNewestFirst({ source: district('842'), limit: 1 });
    const ofSenderNext = await rejectionsNewestFirst({ source: district('842'), limit: 1, startKey: ofSender.lastKey });
    const firstOfAll = await rejectionsNewestFirst({ limit: 1 });

    // Assess
    expect(all.items.map((r) => r.rejectionId)).toEqual(['r-3', 'r-2', 'r-1']);
    expect([...ofSender.items, ...ofSenderNext.items].map((r) => r.rejectionId)).toEqual(['r-3', 'r-1']);
    expect(keysOf(ofSender.lastKey)).toEqual([...rejectionPageKeyAttributes(district('842'))].sort());
    expect(keysOf(firstOfAll.lastKey)).toEqual([...rejectionPageKeyAttributes(undefined)].sort());
  });
});

describe('snapshot-store snapshotsNewestFirst', () => {
  it('lists the snapshots between two instants (both included), newest first, each page ending on the table keys', async () => {
    // Prepare
    const instants = ['2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', '2025-01-03T00:00:00.000Z', '2025-01-04T00:00:00.000Z'];
    for (const asOf of instants) await putSnapshot(sampleSnapshot(asOf));

    // Act
    const bounded = await snapshotsNewestFirst({ from: '2025-01-02T07:00:00+07:00', to: instants[2] });
    const firstPage = await snapshotsNewestFirst({ limit: 1 });

    // Assess
    expect(bounded.items.map((item) => item.asOf)).toEqual([instants[2], instants[1]]);
    expect(bounded.items[0]!.snapshot.asOf).toBe(instants[2]);
    expect(firstPage.items.map((item) => item.asOf)).toEqual([instants[3]]);
    expect(keysOf(firstPage.lastKey)).toEqual([...SNAPSHOT_PAGE_KEY_ATTRIBUTES].sort());
  });
});
