import '../../support/quiet-powertools';
import type { EventBridgeEnvelope } from '../../../events';
import { resetKpiReadModel } from '../../../functions/shared/kpi-inputs';
import { callApi } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { projectOne } from '../../support/project';

/**
 * GET /v1/products?unit=<code> through the real http-api handler, on products
 * the real project-event wrote to DynamoDB Local: a unit's products are those
 * its row of breakdown.byUnit counts, on the day asked (default today).
 */
const district = (code: string) => `ocop.district.${code}`;
const fromCommune = (code: string, detailType: string, detail: Record<string, unknown>) => {
  const { districtCode: _none, ...rest } = detail;
  return envelope(`ocop.commune.${code}`, detailType, { ...rest, communeCode: code });
};
const byProvinceFor = (communeCode: string, detailType: string, detail: Record<string, unknown>) => {
  const { districtCode: _none, ...rest } = detail;
  return envelope('ocop.province', detailType, { ...rest, communeCode });
};

/**
 * Thành phố Trà Vinh (842) registered R-1 with its ward 29239 (now in Phường Trà Vinh, 29242), R-2 and T-1 without a
 * commune; the province moved T-1 to 29242. Phường Trà Vinh registered C-1 in 2026, Phường Long Đức (29263) C-2.
 * Certificates: R-1 4 stars and R-2, T-1 3 stars in 2024; C-1 3 stars, C-2 4 stars in 2026 (valid three years).
 */
const history: EventBridgeEnvelope[] = [
  envelope(district('842'), 'ProductRegistered', details.registered('R-1', '842', { communeCode: '29239' })),
  envelope(district('842'), 'ProductRated', details.rated('R-1', 78, 4, '2024-05-10', '842')),
  envelope(district('842'), 'ProductRegistered', details.registered('R-2', '842')),
  envelope(district('842'), 'ProductRated', details.rated('R-2', 60, 3, '2024-05-10', '842')),
  envelope(district('842'), 'ProductRegistered', details.registered('T-1', '842')),
  envelope(district('842'), 'ProductRated', details.rated('T-1', 61, 3, '2024-05-10', '842')),
  envelope('ocop.province', 'ProductTransferred', {
    eventId: 'transfer-T-1-to-29242',
    schemaVersion: 1,
    occurredAt: '2025-09-15T09:00:00+07:00',
    productId: 'T-1',
    fromUnitCode: '842',
    toUnitCode: '29242',
    reason: 'Cơ sở sản xuất thuộc địa bàn phường Trà Vinh',
    effectiveDate: '2025-07-01',
  }),
  fromCommune('29242', 'ProductRegistered', details.registered('C-1', '842', { occurredAt: '2026-01-10T09:00:00+07:00' })),
  byProvinceFor('29242', 'ProductRated', details.rated('C-1', 62, 3, '2026-02-01')),
  fromCommune('29263', 'ProductRegistered', details.registered('C-2', '842', { occurredAt: '2026-01-12T09:00:00+07:00' })),
  byProvinceFor('29263', 'ProductRated', details.rated('C-2', 75, 4, '2026-02-01')),
];

const ids = (items: Array<{ productId: string }>) => items.map((i) => i.productId);

async function allPages(path: string, limit: number): Promise<{ items: Array<{ productId: string; active: boolean }>; pages: number }> {
  const items: Array<{ productId: string; active: boolean }> = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    const { status, body } = await callApi(`${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(status).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    pages += 1;
    cursor = body.nextCursor;
  } while (cursor);
  return { items, pages };
}

beforeAll(async () => {
  await createTestTables();
  resetKpiReadModel();
  for (const e of history) expect((await projectOne(e)).outcome).toBe('accepted');
});

describe('GET /v1/products?unit=', () => {
  it("lists exactly a ward's products on a day of 2026: its own, the former district's it holds by commune, and the one transferred to it", async () => {
    // Act
    const { items, pages } = await allPages('/v1/products?unit=29242&asOf=2026-06-01', 2);
    // Assess
    expect(ids(items)).toEqual(['C-1', 'R-1', 'T-1']);
    expect(pages).toBe(2);
    expect(items.every((item) => item.active)).toBe(true);
  });

  it('answers the same for today when no asOf is given (the units are still in force)', async () => {
    // Act
    const { status, body } = await callApi('/v1/products?unit=29242');
    // Assess
    expect(status).toBe(200);
    expect(ids(body.items)).toEqual(['C-1', 'R-1', 'T-1']);
  });

  it("lists another ward's products alone", async () => {
    // Act
    const { status, body } = await callApi('/v1/products?unit=29263&asOf=2026-06-01');
    // Assess
    expect(status).toBe(200);
    expect(ids(body.items)).toEqual(['C-2']);
  });

  it('lists a district on a day before the reform, without the products registered later', async () => {
    // Act
    const { items } = await allPages('/v1/products?unit=842&asOf=2024-12-31', 10);
    // Assess
    expect(ids(items)).toEqual(['R-1', 'R-2', 'T-1']);
  });

  it('filters the unit by level and group, on the day', async () => {
    // Act
    const fourStars = await callApi('/v1/products?unit=29242&asOf=2026-06-01&level=4');
    const threeStars = await callApi('/v1/products?unit=29242&asOf=2026-06-01&level=3&group=food');
    const herbal = await callApi('/v1/products?unit=29242&asOf=2026-06-01&group=herbal');
    // Assess
    expect(ids(fourStars.body.items)).toEqual(['R-1']);
    expect(ids(threeStars.body.items)).toEqual(['C-1', 'T-1']);
    expect(herbal.body).toEqual({ items: [] });
  });

  it('keeps district= working: the products recorded under a unit, transfers followed', async () => {
    // Act
    const former = await callApi('/v1/products?district=842');
    const ward = await callApi('/v1/products?district=29242');
    // Assess
    expect(ids(former.body.items).sort()).toEqual(['R-1', 'R-2']);
    expect(ids(ward.body.items).sort()).toEqual(['C-1', 'T-1']);
  });

  it('lists the products of a former district that wait to be assigned: neither placed by their commune nor transferred', async () => {
    // Act
    const after = await callApi('/v1/products?unassigned=842&asOf=2026-06-01');
    const before = await callApi('/v1/products?unassigned=842&asOf=2024-12-31');
    const kpis = await callApi('/v1/kpis?asOf=2026-06-01');
    // Assess
    expect(ids(after.body.items)).toEqual(['R-2']);
    expect(kpis.body.breakdown.unassigned['842']).toMatchObject({ products: 1, active: 1 });
    expect(before.body).toEqual({ items: [] });
  });

  it.each([
    ['/v1/products?unit=29999', /^query\.unit: 29999 is not an administrative unit in the units data/],
    ['/v1/products?unit=842&asOf=2026-06-01', /^query\.unit: 842 \(Thành phố Trà Vinh\) is not a unit in force on 2026-06-01: it ended on 2025-06-30; on 2026-06-01 its territory is held by 29242 \(Phường Trà Vinh\), 29254 \(Phường Nguyệt Hóa\), 29263 \(Phường Long Đức\), 29398 \(Phường Hòa Thuận\); for the products recorded under it, use district=842$/],
    ['/v1/products?unit=29242&asOf=2024-06-01', /^query\.unit: 29242 \(Phường Trà Vinh\) is not a unit in force on 2024-06-01: it is in force from 2025-07-01$/],
    ['/v1/products?unit=Phuong-Tra-Vinh', /^query\.unit: must be a unit code of 3 to 5 digits/],
    ['/v1/products?unit=29242&district=842', /^query: give one of unit .*, unassigned .* or district /],
    ['/v1/products?unit=29242&unassigned=842', /^query: give one of unit/],
    ['/v1/products?unassigned=99999', /^query\.unassigned: 99999 is not an administrative unit in the units data/],
    ['/v1/products?district=99999', /^query\.district: 99999 is not an administrative unit in the units data/],
    ['/v1/products?unit=29242&asOf=2026-02-30', /asOf/],
    [`/v1/products?unit=29242&cursor=${Buffer.from(JSON.stringify({ pk: 'TASK#x' })).toString('base64url')}`, /cursor/],
    [`/v1/products?unit=29242&cursor=${Buffer.from(JSON.stringify({ kind: 'product', pk: 'PRODUCT#A' })).toString('base64url')}`, /cursor/],
  ])('answers a clear 400 to %s', async (path, message) => {
    // Act
    const { status, body } = await callApi(path);
    // Assess
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(message) } });
  });
});
