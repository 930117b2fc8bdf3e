import '../../support/quiet-powertools';
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import { activeCertificateOn, addDays, kpiSnapshotSchema, projectHistory, vnDayOf, type ProductState } from '../../../domain';
import { parseInboundEvent, type EventBridgeEnvelope, type InboundEvent } from '../../../events';
import { routeTable } from '../../../functions/http-api/route-table';
import { recomputeSnapshot } from '../../../functions/recompute-snapshot/recompute';
import { latestSnapshot } from '../../../functions/storage/snapshot-store';
import { callApi } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope, onItsDay } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { projectOne } from '../../support/project';

/**
 * Every route of CONTRACT §3 through the real http-api handler, as API
 * Gateway invokes it, on data the real project-event handler wrote to
 * DynamoDB Local.
 */
const project = (e: EventBridgeEnvelope) => projectOne(e);
const district = (code: string) => `ocop.district.${code}`;
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const errorShape = (code: string, message: RegExp | string = /./) => ({ error: { code, message: typeof message === 'string' ? message : expect.stringMatching(message) } });
const concretePath = (path: string) => path.replace('{productId}', 'H-1');
// The GET routes (callApi sends GETs); POST /v1/imports has its own 401 test (test/integration/import).
const privateRoutes = routeTable.filter((route) => route.auth && route.method === 'GET').map((route) => concretePath(route.path));

/** Every page of a listing; checks each page's size against the limit. */
async function allPages(path: string, limit: number): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body } = await callApi(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(status).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    pages += 1;
    cursor = body.nextCursor;
  } while (cursor);
  return { items, pages };
}

const ids = (items: Array<{ productId: string }>) => items.map((i) => i.productId).sort();
const parsed = (e: EventBridgeEnvelope): InboundEvent => {
  const result = parseInboundEvent(e);
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.event;
};
const daysAgo = (days: number) => addDays(vnDayOf(new Date()), -days);
const indicator = (snapshot: { indicators: Array<{ id: string; value: number }> }, id: string) => snapshot.indicators.find((i) => i.id === id)?.value;

let bus: RunningLocalBus;

/**
 * District 849: A-1..A-4 first recognised at 4 stars in 2023, A-5 and A-6 at
 * 3 stars in 2022, A-7 registered only; odd ones food, even ones beverage.
 * District 850: B-1 4 stars in 2021 (food), B-2 5 stars in 2024 (herbal).
 * District 851: H-1 rated 3 stars in 2021, upgraded to 4 in 2023.
 */
const history: EventBridgeEnvelope[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => envelope(district('849'), 'ProductRegistered', details.registered(`A-${i}`, '849', { group: i % 2 ? 'food' : 'beverage' }))),
  ...[1, 2, 3, 4].map((i) => envelope(district('849'), 'ProductRated', details.rated(`A-${i}`, 75, 4, '2023-05-10', '849'))),
  ...[5, 6].map((i) => envelope(district('849'), 'ProductRated', details.rated(`A-${i}`, 60, 3, '2022-11-10', '849'))),
  envelope(district('850'), 'ProductRegistered', details.registered('B-1', '850', { occurredAt: '2021-03-01T09:00:00+07:00' })),
  envelope(district('850'), 'ProductRated', details.rated('B-1', 80, 4, '2021-09-01', '850')),
  envelope(district('850'), 'ProductRegistered', details.registered('B-2', '850', { group: 'herbal' })),
  envelope('ocop.province', 'ProductRated', details.rated('B-2', 91, 5, '2024-02-02', '850', { council: 'central' })),
  envelope(district('851'), 'ProductRegistered', details.registered('H-1', '851', { occurredAt: '2021-01-10T09:00:00+07:00' })),
  envelope(district('851'), 'ProductRated', details.rated('H-1', 55, 3, '2021-06-01', '851')),
  envelope(district('851'), 'ProductUpgraded', details.upgraded('H-1', 3, 4, 79, '2023-06-01', '851')),
  envelope(district('851'), 'ProductListedOnMarketplace', details.listed('H-1', 'shopee', '2023-07-01T08:00:00+07:00', '851')),
];

beforeAll(async () => {
  await createTestTables();
  bus = await startLocalBus();
  for (const e of history) expect((await project(e)).outcome).toBe('accepted');
});
afterAll(async () => bus.close());

describe('public routes', () => {
  it('answers GET /v1/health without a token', async () => {
    // Act
    const { status, body } = await callApi('/v1/health', { token: null });

    // Assess
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', service: 'ocop-pulse' });
  });

  it('serves a well-formed OpenAPI 3 document of every route without a token', async () => {
    // Act
    const { status, body } = await callApi('/v1/openapi.json', { token: null });

    // Assess
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\.\d+\.\d+$/);
    await expect(SwaggerParser.validate(structuredClone(body))).resolves.toBeDefined();
    const dereferenced: any = await SwaggerParser.dereference(structuredClone(body));
    for (const route of routeTable) {
      const operation = body.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation).toBeDefined();
      expect(operation.security).toEqual(route.auth ? [{ bearerAuth: [] }] : []);
      const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      expect(operation.parameters.filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name)).toEqual(pathNames);
      expect(dereferenced.paths[route.path][route.method.toLowerCase()].responses['400'].content['application/json'].schema.properties.error).toBeDefined();
    }
    expect(Object.keys(body.paths).sort()).toEqual([...new Set(routeTable.map((r) => r.path))].sort());
    expect(body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operationIds = routeTable.map((r) => body.paths[r.path][r.method.toLowerCase()].operationId);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });
});

describe('authorization', () => {
  it.each(privateRoutes)('answers 401 on %s without a token and with a wrong one', async (path) => {
    // Act
    const missing = await callApi(path, { token: null });
    const wrong = await callApi(path, { token: 'not-the-token' });

    // Assess
    expect(missing).toEqual({ status: 401, body: errorShape('unauthorized', /Authorization: Bearer/) });
    expect(wrong).toEqual({ status: 401, body: errorShape('unauthorized', 'The bearer token is not valid.') });
  });
});

describe('GET /v1/snapshots/latest and /v1/snapshots', () => {
  const days = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07'];
  const asOfOf = (day: string) => new Date(`${day}T12:00:00+07:00`).toISOString();

  it('answers 404 before any snapshot, then the latest one', async () => {
    // Prepare
    const before = await callApi('/v1/snapshots/latest');

    // Act
    await recomputeSnapshot({ now: new Date('2023-12-31T20:00:00+07:00'), force: true });
    for (const day of days) await recomputeSnapshot({ now: new Date(asOfOf(day)), force: true });
    const after = await callApi('/v1/snapshots/latest');

    // Assess
    expect(before).toEqual({ status: 404, body: errorShape('not_found') });
    expect(after.status).toBe(200);
    expect(kpiSnapshotSchema().parse(after.body)).toEqual(after.body);
    expect(after.body).toEqual((await latestSnapshot())!.snapshot);
    expect(after.body.asOf).toBe(asOfOf('2024-01-07'));
  });

  it('pages through the history newest first', async () => {
    // Act
    const { items, pages } = await allPages('/v1/snapshots', 3);

    // Assess
    expect(pages).toBe(3);
    expect(items.map((s) => s.asOf)).toEqual([...days].reverse().map(asOfOf).concat(new Date('2023-12-31T20:00:00+07:00').toISOString()));
  });

  it('bounds the history by days of Asia/Ho_Chi_Minh or by instants', async () => {
    // Act
    const byDays = await allPages('/v1/snapshots?from=2024-01-02&to=2024-01-05', 2);
    const byInstants = await allPages(`/v1/snapshots?from=${encodeURIComponent('2024-01-06T00:00:00+07:00')}`, 100);
    const untilNewYear = await allPages('/v1/snapshots?to=2023-12-31', 100);

    // Assess
    expect(byDays.items.map((s) => s.asOfDay)).toEqual(['2024-01-05', '2024-01-04', '2024-01-03', '2024-01-02']);
    expect(byDays.pages).toBeGreaterThan(1);
    expect(byInstants.items.map((s) => s.asOfDay)).toEqual(['2024-01-07', '2024-01-06']);
    expect(untilNewYear.items.map((s) => s.asOfDay)).toEqual(['2023-12-31']);
  });

  it.each([
    ['/v1/snapshots?from=2024-01-05&to=2024-01-02', /from/],
    ['/v1/snapshots?from=yesterday', /from/],
    ['/v1/snapshots?limit=0', /limit/],
    ['/v1/snapshots?limit=101', /limit/],
    ['/v1/snapshots?limit=ten', /limit/],
    ['/v1/snapshots?since=2024-01-01', /since/],
  ])('answers 400 to %s', async (path, names) => {
    // Act
    const { status, body } = await callApi(path);

    // Assess
    expect(status).toBe(400);
    expect(body).toEqual(errorShape('bad_request', names));
  });
});

describe('GET /v1/kpis', () => {
  it('gives the historical figures of a past day', async () => {
    // Act
    const endOf2022 = await callApi('/v1/kpis?asOf=2022-12-31');
    const endOf2023 = await callApi('/v1/kpis?asOf=2023-12-31');

    // Assess
    expect([endOf2022.status, endOf2023.status]).toEqual([200, 200]);
    expect(kpiSnapshotSchema().parse(endOf2022.body)).toEqual(endOf2022.body);
    expect(endOf2022.body.asOfDay).toBe('2022-12-31');
    expect(indicator(endOf2022.body, 'ocop.active')).toBe(4);
    expect(indicator(endOf2022.body, 'ocop.recognized.year')).toBe(2);
    expect(endOf2022.body.breakdown.byDistrict['849']).toMatchObject({ active: 2, byLevel: { '3': 2, '4': 0 } });
    expect(indicator(endOf2023.body, 'ocop.active')).toBe(8);
    expect(indicator(endOf2023.body, 'ocop.recognized.year')).toBe(4);
    expect(indicator(endOf2023.body, 'ocop.rerecognized.year')).toBe(1);
    expect(endOf2023.body.breakdown.byDistrict['849']).toMatchObject({ active: 6, byLevel: { '3': 2, '4': 4 } });
  });

  it.each([
    ['/v1/kpis?asOf=2023-02-30', /asOf/],
    ['/v1/kpis?asOf=31/12/2023', /asOf/],
    ['/v1/kpis?asOf=', /asOf/],
    ['/v1/kpis?as_of=2023-12-31', /as_of/],
  ])('answers 400 naming the parameter to %s', async (path, names) => {
    // Act
    const { status, body } = await callApi(path);

    // Assess
    expect(status).toBe(400);
    expect(body).toEqual(errorShape('bad_request', names));
  });
});

describe('GET /v1/products', () => {
  it('pages through every product of a district', async () => {
    // Act
    const { items, pages } = await allPages('/v1/products?district=849', 3);

    // Assess
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(ids(items)).toEqual(['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7']);
  });

  it('pages through every product when no filter is given', async () => {
    // Act
    const { items, pages } = await allPages('/v1/products', 4);

    // Assess
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(ids(items)).toEqual(['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7', 'B-1', 'B-2', 'H-1']);
  });

  it.each([
    ['group=herbal', ['B-2']],
    ['district=849&group=beverage', ['A-2', 'A-4', 'A-6']],
    ['district=844', []],
  ])('filters by %s across pages', async (query, expected) => {
    // Act
    const { items } = await allPages(`/v1/products?${query}`, 2);

    // Assess
    expect(ids(items)).toEqual(expected);
  });

  /** A level filter names the products whose certificate of that level is in force today (these dates pass with the clock). */
  const inForceToday = (level: string, keep: (state: ProductState) => boolean = () => true) => {
    const today = vnDayOf(new Date());
    const states = [...projectHistory(history.map(parsed)).states.values()] as ProductState[];
    return states.filter((state) => activeCertificateOn(state, today)?.level === level && keep(state)).map((state) => state.productId).sort();
  };

  it.each<[string, () => string[]]>([
    ['level=4', () => inForceToday('4')],
    ['level=5', () => inForceToday('5')],
    ['district=849&level=3', () => inForceToday('3', (s) => s.registration.districtCode === '849')],
    ['level=4&group=food', () => inForceToday('4', (s) => s.registration.group === 'food')],
  ])('filters by %s across pages: the certificates in force today', async (query, expectedOf) => {
    // Act
    const { items } = await allPages(`/v1/products?${query}`, 2);

    // Assess
    expect(ids(items)).toEqual(expectedOf());
  });

  it.each([
    ['/v1/products?district=999', /district: 999 is not an administrative unit in the units data/],
    ['/v1/products?district=Cau-Ke', /district/],
    ['/v1/products?level=6', /level/],
    ['/v1/products?group=fruit', /group/],
    ['/v1/products?distrct=849', /distrct/],
    ['/v1/products?cursor=not-a-cursor', /cursor/],
    [`/v1/products?cursor=${cursorOf({ hello: 'world' })}`, /cursor/],
    [`/v1/products?cursor=${cursorOf({ pk: 'PRODUCT#A-1' })}`, /cursor/],
    [`/v1/products?cursor=${cursorOf({ pk: 42, kind: 'product' })}`, /cursor/],
    [`/v1/products?district=849&cursor=${cursorOf({ scope: 'province', asOf: '2024-01-01T00:00:00.000Z' })}`, /cursor/],
    [`/v1/snapshots?cursor=${cursorOf({ pk: 'PRODUCT#A-1', kind: 'product' })}`, /cursor/],
    [`/v1/snapshots?from=2024-01-05&cursor=${cursorOf({ scope: 'province', asOf: '2020-01-01T00:00:00.000Z' })}`, /cursor/],
    [`/v1/rejections?cursor=${cursorOf({ rejectionId: 'x' })}`, /cursor/],
  ])('answers 400 to %s', async (path, names) => {
    // Act
    const { status, body } = await callApi(path);

    // Assess
    expect(status).toBe(400);
    expect(body).toEqual(errorShape('bad_request', names));
  });
});

describe('GET /v1/products/{productId}', () => {
  it('gives one product with its rating history', async () => {
    // Act
    const { status, body } = await callApi('/v1/products/H-1');

    // Assess
    expect(status).toBe(200);
    expect(body).toMatchObject({
      productId: 'H-1',
      registered: true,
      districtCode: '851',
      registeredOn: '2021-01-10',
      firstRecognizedOn: '2021-06-01',
      certificate: { stars: 4, level: '4', decisionDate: '2023-06-01', validUntil: '2026-06-01' },
      marketplaces: [{ marketplace: 'shopee', listedAt: '2023-07-01T08:00:00+07:00' }],
      awaitingRegistration: 0,
    });
    expect(body.ratingHistory).toEqual([
      expect.objectContaining({ kind: 'rating', stars: 3, level: '3', decisionDate: '2021-06-01', validUntil: '2024-06-01' }),
      expect.objectContaining({ kind: 'upgrade', stars: 4, level: '4', score: 79, decisionDate: '2023-06-01' }),
    ]);
  });

  it.each([
    ['an unknown id', '/v1/products/NO-SUCH-PRODUCT'],
    ['an id longer than any key', `/v1/products/${'X'.repeat(3000)}`],
    ['an id no product can have', '/v1/products/%F0%9F%8D%8D%20'],
  ])('answers 404 to %s', async (_name, path) => {
    // Act
    const { status, body } = await callApi(path);

    // Assess
    expect(status).toBe(404);
    expect(body).toEqual(errorShape('not_found'));
  });
});

describe('bad requests', () => {
  const name = fc.oneof(fc.constantFrom('district', 'level', 'group', 'limit', 'cursor', 'from', 'to', 'asOf', 'source'), fc.string({ maxLength: 12 }));
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('849', '999', '4', '4-potential-5', 'food', '0', '1', '100', '101', '-1', '1e2', '2024-01-01', '2024-02-30', '2024-01-01T00:00:00+07:00', '9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00Z'),
    fc.jsonValue({ maxDepth: 2 }).map((json) => Buffer.from(JSON.stringify(json) ?? 'null', 'utf8').toString('base64url')),
    fc.dictionary(fc.constantFrom('pk', 'kind', 'districtCode', 'level', 'group', 'scope', 'asOf'), fc.oneof(fc.string({ maxLength: 20 }), fc.integer())).map(cursorOf),
  );
  const query = fc.array(fc.tuple(name, value), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString());

  it.each(['/v1/products', '/v1/snapshots', '/v1/kpis', '/v1/rejections'])('answers %s with 200 or 400, never 500, whatever the query', async (path) => {
    // Act & Assess
    await fc.assert(
      fc.asyncProperty(query, async (search) => {
        const { status, body } = await callApi(`${path}?${search}`);
        expect([200, 400]).toContain(status);
        if (status === 400) expect(body).toEqual(errorShape('bad_request'));
      }),
      { numRuns: 40 },
    );
  });
});

describe('GET /v1/products?level= on certificates dated with the clock', () => {
  // District 848: L-1 4 stars 100 days ago (in force), L-2 4 stars 1,200 days ago (expired), L-3 4 stars 200 days ago
  // and revoked 50 days ago, L-4 3 stars 30 days ago; published as on their day (onItsDay: the province after the reform).
  const dated = [
    ...[1, 2, 3, 4].map((i) => onItsDay(district('848'), 'ProductRegistered', details.registered(`L-${i}`, '848', { occurredAt: `${daysAgo(1500)}T09:00:00+07:00` }))),
    onItsDay(district('848'), 'ProductRated', details.rated('L-1', 75, 4, daysAgo(100), '848')),
    onItsDay(district('848'), 'ProductRated', details.rated('L-2', 75, 4, daysAgo(1200), '848')),
    onItsDay(district('848'), 'ProductRated', details.rated('L-3', 75, 4, daysAgo(200), '848')),
    onItsDay(district('848'), 'ProductCertificateRevoked', details.revoked('L-3', daysAgo(50), '848')),
    onItsDay(district('848'), 'ProductRated', details.rated('L-4', 60, 3, daysAgo(30), '848')),
  ];

  beforeAll(async () => {
    const results = [];
    for (const e of dated) results.push(await project(e));
    expect(results.filter((r) => r.outcome !== 'accepted')).toEqual([]);
  });

  it.each([
    ['district=848&level=4', ['L-1']],
    ['district=848&level=3', ['L-4']],
    ['district=848', ['L-1', 'L-2', 'L-3', 'L-4']],
  ])('lists for %s only the products whose certificate is in force today', async (query, expected) => {
    // Act
    const { items } = await allPages(`/v1/products?${query}`, 1);

    // Assess
    expect(ids(items)).toEqual(expected);
  });
});
