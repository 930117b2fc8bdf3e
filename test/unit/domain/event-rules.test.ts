import { checkEventRules } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { parseInboundEvent } from '../../../events';

const UNITS = shippedUnitDirectory();

/** Parses an event and applies the rules as the projector does: every reason, structural or business. */
function reasonsFor(source: string, detailType: string, detail: unknown): string[] {
  const parsed = parseInboundEvent({ source, 'detail-type': detailType, detail });
  if (!parsed.ok) return parsed.reasons;
  return checkEventRules(parsed.event, UNITS);
}

const common = { eventId: 'evt-rules-0001', schemaVersion: 1, occurredAt: '2023-06-15T09:00:00+07:00' };

const registration = {
  ...common,
  districtCode: '845',
  productId: 'TV-845-001',
  name: 'Dừa sáp Cầu Kè',
  group: 'food',
  subject: { name: 'Hợp tác xã Dừa sáp Cầu Kè', kind: 'cooperative' },
};

const rating = (overrides: Record<string, unknown>) => ({
  ...common,
  districtCode: '845',
  productId: 'TV-845-001',
  score: 75,
  stars: 4,
  council: 'province',
  decisionNo: '1234/QĐ-UBND',
  decisionDate: '2023-06-15',
  ...overrides,
});

const upgrade = (overrides: Record<string, unknown>) => ({
  ...common,
  districtCode: '845',
  productId: 'TV-845-001',
  fromStars: 3,
  toStars: 4,
  score: 78,
  council: 'province',
  decisionNo: '2345/QĐ-UBND',
  decisionDate: '2023-06-15',
  ...overrides,
});

describe('checkEventRules: stars and score', () => {
  it.each([
    [29, 1, 'district'],
    [30, 2, 'district'],
    [49, 2, 'district'],
    [50, 3, 'district'],
    [69, 3, 'district'],
    [70, 4, 'province'],
    [89, 4, 'province'],
    [90, 5, 'central'],
    [100, 5, 'central'],
    [90, 4, 'province'],
    [100, 4, 'province'],
  ])('accepts a score of %p rated %p stars by the %s council', (score, stars, council) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRated', rating({ score, stars, council }));

    // Assess
    expect(reasons).toEqual([]);
  });

  it.each([
    [29, 2],
    [30, 1],
    [49, 3],
    [50, 2],
    [69, 4],
    [70, 3],
    [89, 5],
  ])('rejects a score of %p rated %p stars, naming the bands', (score, stars) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRated', rating({ score, stars, council: 'central' }));

    // Assess
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^detail\.stars: /);
    expect(reasons[0]).toContain('90..100 → 5, 70..89 → 4, 50..69 → 3, 30..49 → 2, below 30 → 1');
  });

  it.each(['district', 'province'])('rejects 5 stars from the %s council: 90+ is 4 stars with five-star potential', (council) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRated', rating({ score: 93, stars: 5, council }));

    // Assess
    expect(reasons).toContain(
      `detail.stars: 5 stars disagrees with the score: a score of 93 from the ${council} council is 4 stars with five-star potential; only the central council awards 5 stars`,
    );
  });

  it('accepts fiveStarPotential true, or omitted, for 90+ from the province', () => {
    // Act
    const given = reasonsFor('ocop.district.845', 'ProductRated', rating({ score: 91, stars: 4, fiveStarPotential: true }));
    const omitted = reasonsFor('ocop.district.845', 'ProductRated', rating({ score: 91, stars: 4 }));

    // Assess
    expect(given).toEqual([]);
    expect(omitted).toEqual([]);
  });

  it('rejects fiveStarPotential false for 90+ from the province', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRated', rating({ score: 91, stars: 4, fiveStarPotential: false }));

    // Assess
    expect(reasons).toEqual(['detail.fiveStarPotential: must be true (or omitted) for a score of 90+ from the province council']);
  });

  it.each([
    ['a score below 90', { score: 85, stars: 4, council: 'province' }],
    ['5 stars from the central council', { score: 95, stars: 5, council: 'central' }],
  ])('rejects fiveStarPotential true for %s', (_case, fields) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRated', rating({ ...fields, fiveStarPotential: true }));

    // Assess
    expect(reasons).toEqual([
      'detail.fiveStarPotential: must be false (or omitted): five-star potential is a score of 90+ from a council other than central',
    ]);
  });

  it('rejects a validUntil before the decisionDate, and accepts one on it', () => {
    // Act
    const before = reasonsFor('ocop.district.845', 'ProductRated', rating({ validUntil: '2023-06-14' }));
    const same = reasonsFor('ocop.district.845', 'ProductRated', rating({ validUntil: '2023-06-15' }));

    // Assess
    expect(before).toEqual(['detail.validUntil: 2023-06-14 is before decisionDate 2023-06-15']);
    expect(same).toEqual([]);
  });
});

describe('checkEventRules: upgrades', () => {
  it('accepts an upgrade to a higher level that follows the bands', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductUpgraded', upgrade({}));

    // Assess
    expect(reasons).toEqual([]);
  });

  it.each([
    [4, 4],
    [4, 3],
  ])('rejects an upgrade from %p to %p stars', (fromStars, toStars) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductUpgraded', upgrade({ fromStars, toStars, score: toStars === 3 ? 60 : 75 }));

    // Assess
    expect(reasons).toEqual([
      `detail.toStars: an upgrade must raise the level, but toStars ${toStars} is not above fromStars ${fromStars}`,
    ]);
  });

  it('rejects an upgrade whose toStars disagrees with the score, naming toStars', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductUpgraded', upgrade({ toStars: 4, score: 65 }));

    // Assess
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^detail\.toStars: 4 stars disagrees with the score: a score of 65 falls in the 3-star band/);
  });

  it('rejects an upgrade to 5 stars by the province council, and accepts it from the central council', () => {
    // Act
    const byProvince = reasonsFor('ocop.province', 'ProductUpgraded', upgrade({ fromStars: 4, toStars: 5, score: 92, council: 'province' }));
    const byCentral = reasonsFor('ocop.province', 'ProductUpgraded', upgrade({ fromStars: 4, toStars: 5, score: 92, council: 'central' }));

    // Assess
    expect(byProvince).toHaveLength(1);
    expect(byProvince[0]).toContain('only the central council awards 5 stars');
    expect(byCentral).toEqual([]);
  });

  it('rejects an upgrade with validUntil before its decisionDate', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductUpgraded', upgrade({ validUntil: '2020-01-01' }));

    // Assess
    expect(reasons).toEqual(['detail.validUntil: 2020-01-01 is before decisionDate 2023-06-15']);
  });
});

describe('checkEventRules: who may publish', () => {
  it('accepts a district publishing for itself', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRegistered', registration);

    // Assess
    expect(reasons).toEqual([]);
  });

  it('rejects a districtCode that disagrees with Source', () => {
    // Act
    const reasons = reasonsFor('ocop.district.842', 'ProductRegistered', registration);

    // Assess
    expect(reasons).toEqual([
      'detail.districtCode: 845 does not match Source ocop.district.842; a district may only publish for its own district',
    ]);
  });

  it('rejects a missing districtCode from a district, saying which code is expected', () => {
    // Prepare
    const { districtCode: _omitted, ...withoutDistrict } = registration;

    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRegistered', withoutDistrict);

    // Assess
    expect(reasons).toEqual(['detail.districtCode: required from a district; it must be 845, as in Source ocop.district.845']);
  });

  it('rejects a Source naming a unit that is not a district in force that day, saying where the units are listed', () => {
    // Act
    const reasons = reasonsFor('ocop.district.999', 'ProductRegistered', { ...registration, districtCode: '999' });

    // Assess
    expect(reasons).toEqual(['Source: ocop.district.999 names unit 999, which is not a district in force on 2023-06-15 (GET /v1/units?asOf=2023-06-15 lists the units in force that day)']);
  });

  it('rejects a districtCode from the province that is not a district in force that day', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRegistered', { ...registration, districtCode: '843' });

    // Assess
    expect(reasons).toEqual(['detail.districtCode: 843 is not a district in force on 2023-06-15 (GET /v1/units?asOf=2023-06-15 lists the units in force that day)']);
  });

  it('rejects a ProductRegistered from the province without districtCode', () => {
    // Prepare
    const { districtCode: _omitted, ...withoutDistrict } = registration;

    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRegistered', withoutDistrict);

    // Assess
    expect(reasons).toEqual(['detail.districtCode: required for ProductRegistered from ocop.province before 2025-07-01: a product belongs to a district']);
  });

  it('accepts province events that belong to no district without districtCode', () => {
    // Act
    const ip = reasonsFor('ocop.province', 'IntellectualPropertyGranted', {
      ...common,
      ipId: 'IP-GI-DUA-SAP',
      kind: 'geographical_indication',
      title: 'Chỉ dẫn địa lý Cầu Kè cho sản phẩm dừa sáp',
      grantedAt: '2023-06-15',
    });
    const task = reasonsFor('ocop.province', 'ScienceTaskApproved', { ...common, taskId: 'KHCN-2023-01', title: 'Nhiệm vụ khoa học', approvedAt: '2023-06-15' });

    // Assess
    expect(ip).toEqual([]);
    expect(task).toEqual([]);
  });

  it('accepts the province publishing a product event for any district', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRated', rating({ districtCode: '849' }));

    // Assess
    expect(reasons).toEqual([]);
  });
});

const SOURCE_RULE =
  'Source: must be "ocop.province", "ocop.commune.<communeCode>" (5 digits, from 2025-07-01) or "ocop.district.<districtCode>" (before 2025-07-01)';

describe('parseInboundEvent: rejection reasons name the field and what was expected', () => {
  it.each([
    ['a Source outside ocop', 'acme.district.845', `${SOURCE_RULE} (got "acme.district.845")`],
    ['a district Source without a numeric code', 'ocop.district.cauke', `${SOURCE_RULE} (got "ocop.district.cauke")`],
    ['a commune Source without a 5-digit code', 'ocop.commune.842', `${SOURCE_RULE} (got "ocop.commune.842")`],
  ])('rejects %s', (_case, source, expected) => {
    // Act
    const reasons = reasonsFor(source, 'ProductRegistered', registration);

    // Assess
    expect(reasons).toEqual([expected]);
  });

  it('rejects an unknown DetailType, listing the catalog', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRegisterd', registration);

    // Assess
    expect(reasons).toEqual([
      'DetailType: must be one of ProductRegistered, ProductRated, ProductUpgraded, ProductCertificateRevoked, ProductListedOnMarketplace, ProductDelistedFromMarketplace, ProductTraceabilityEnrolled, ProductTransferred, IntellectualPropertyGranted, ScienceTaskApproved (got "ProductRegisterd")',
    ]);
  });

  it.each([
    ['a string', 'not an object'],
    ['null', null],
    ['an array', [registration]],
    ['a number', 42],
  ])('rejects a Detail that is %s', (_case, detail) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRegistered', detail);

    // Assess
    expect(reasons).toEqual(['Detail: must be a JSON object']);
  });

  it('reports a bad Source and a bad Detail together', () => {
    // Act
    const reasons = reasonsFor('district-845', 'ProductRegistered', { ...registration, group: 'textiles' });

    // Assess
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/^Source: /);
    expect(reasons[1]).toBe('detail.group: must be one of: food, beverage, herbal, handicraft, ornamental, tourism (got "textiles")');
  });

  it.each([
    ['eventId too short', { eventId: 'e1' }, 'detail.eventId: must be 8 to 128 characters, unique per fact and stable across retries (got "e1")'],
    ['eventId missing', { eventId: undefined }, 'detail.eventId: must be the producer-chosen event id, a string (missing)'],
    ['schemaVersion 2', { schemaVersion: 2 }, 'detail.schemaVersion: must be 1 (the only schema version of this catalog) (got 2)'],
    [
      'occurredAt without offset',
      { occurredAt: '2023-06-15T09:00:00' },
      'detail.occurredAt: must be an ISO 8601 date-time with a time-zone offset, e.g. 2022-12-30T09:00:00+07:00 (got "2023-06-15T09:00:00")',
    ],
    [
      'occurredAt as a date',
      { occurredAt: '2023-06-15' },
      'detail.occurredAt: must be an ISO 8601 date-time with a time-zone offset, e.g. 2022-12-30T09:00:00+07:00 (got "2023-06-15")',
    ],
    [
      'districtCode with letters',
      { districtCode: 'CK' },
      'detail.districtCode: must be a GSO administrative unit code of 3 to 5 digits, e.g. "842" (got "CK")',
    ],
    [
      'districtCode as a number',
      { districtCode: 845 },
      'detail.districtCode: must be a GSO administrative unit code as a string of digits, e.g. "842" (got 845)',
    ],
    ['an empty name', { name: '   ' }, 'detail.name: must not be empty: give the product name (got "")'],
    ['a missing productId', { productId: undefined }, 'detail.productId: must be the province-unique product id as a string (missing)'],
    [
      'a subject kind outside the list',
      { subject: { name: 'Công ty TNHH Thanh Tâm', kind: 'company' } },
      'detail.subject.kind: must be one of: enterprise, cooperative, cooperative_group, household (got "company")',
    ],
    [
      'a subject given as text',
      { subject: 'Công ty TNHH Thanh Tâm' },
      'detail.subject: must be the owner ("subject") as an object with name and kind (got "Công ty TNHH Thanh Tâm")',
    ],
  ])('rejects a ProductRegistered with %s', (_case, overrides, expected) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRegistered', { ...registration, ...overrides });

    // Assess
    expect(reasons).toEqual([expected]);
  });

  it.each([
    ['a score above 100', { score: 120 }, 'detail.score: must be a score from 0 to 100 (got 120)'],
    ['a negative score', { score: -1 }, 'detail.score: must be a score from 0 to 100 (got -1)'],
    ['a score as text', { score: '75' }, 'detail.score: must be the council score, a number from 0 to 100 (got "75")'],
    ['6 stars', { stars: 6 }, 'detail.stars: must be a whole number of stars from 1 to 5 (got 6)'],
    ['3.5 stars', { stars: 3.5 }, 'detail.stars: must be a whole number of stars from 1 to 5 (got 3.5)'],
    ['an unknown council', { council: 'commune' }, 'detail.council: must be one of: district, province, central (got "commune")'],
    ['fiveStarPotential as text', { fiveStarPotential: 'yes' }, 'detail.fiveStarPotential: must be true or false (got "yes")'],
    [
      'a decisionDate written D/M/YYYY',
      { decisionDate: '15/6/2023' },
      'detail.decisionDate: must be a calendar date written YYYY-MM-DD, e.g. 2022-12-30 (got "15/6/2023")',
    ],
    [
      'a decisionDate that does not exist',
      { decisionDate: '2023-02-29' },
      'detail.decisionDate: must be a calendar date written YYYY-MM-DD, e.g. 2022-12-30 (got "2023-02-29")',
    ],
    [
      'a validUntil with a time',
      { validUntil: '2026-06-15T00:00:00+07:00' },
      'detail.validUntil: must be a calendar date written YYYY-MM-DD, e.g. 2022-12-30 (got "2026-06-15T00:00:00+07:00")',
    ],
    ['a missing decisionNo', { decisionNo: undefined }, 'detail.decisionNo: must be the decision number as text (missing)'],
  ])('rejects a ProductRated with %s', (_case, overrides, expected) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRated', rating(overrides));

    // Assess
    expect(reasons).toEqual([expected]);
  });

  it('accepts a decisionDate of 29 February in a leap year', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRated', rating({ decisionDate: '2024-02-29' }));

    // Assess
    expect(reasons).toEqual([]);
  });

  const listing = {
    ...common,
    districtCode: '845',
    productId: 'TV-845-001',
    marketplace: 'postmart',
    listingUrl: 'https://postmart.vn/san-pham/dua-sap-cau-ke',
    listedAt: '2023-06-15T10:00:00+07:00',
  };

  it.each([
    ['an http listing URL', { listingUrl: 'http://postmart.vn/san-pham/dua-sap-cau-ke' }, 'detail.listingUrl: must be an https:// URL (got "http://postmart.vn/san-pham/dua-sap-cau-ke")'],
    ['a listing URL that is not a URL', { listingUrl: 'postmart dừa sáp' }, 'detail.listingUrl: must be an https:// URL (got "postmart dừa sáp")'],
    [
      'an upper-case marketplace',
      { marketplace: 'Shopee' },
      'detail.marketplace: must be a lower-case marketplace id such as postmart, voso, travinhtrade, lazada, tiki, tiktok-shop, shopee (got "Shopee")',
    ],
    [
      'a listedAt without offset',
      { listedAt: '2023-06-15 10:00' },
      'detail.listedAt: must be an ISO 8601 date-time with a time-zone offset, e.g. 2022-12-30T09:00:00+07:00 (got "2023-06-15 10:00")',
    ],
  ])('rejects a ProductListedOnMarketplace with %s', (_case, overrides, expected) => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductListedOnMarketplace', { ...listing, ...overrides });

    // Assess
    expect(reasons).toEqual([expected]);
  });

  it('rejects an IP grant of an unknown kind and a productIds that is not a list', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'IntellectualPropertyGranted', {
      ...common,
      ipId: 'IP-CM-TOM',
      kind: 'trademark',
      title: 'Nhãn hiệu chứng nhận Tôm Trà Vinh',
      grantedAt: '2023-06-15',
      productIds: 'TV-850-001',
    });

    // Assess
    expect(reasons).toEqual([
      'detail.kind: must be one of: collective_mark, ordinary_mark, certification_mark, geographical_indication, industrial_design, patent, international_mark (got "trademark")',
      'detail.productIds: must be a list of product ids (got "TV-850-001")',
    ]);
  });

  it('shortens a long offending value', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductRated', rating({ council: 'x'.repeat(200) }));

    // Assess
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.length).toBeLessThan(160);
    expect(reasons[0]).toMatch(/…\)$/);
  });

  it('names every wrong field of one event', () => {
    // Act
    const reasons = reasonsFor('ocop.district.845', 'ProductCertificateRevoked', { ...common, districtCode: '845', productId: '', decisionDate: '2023-13-01' });

    // Assess
    expect(reasons.map((reason) => reason.split(':')[0])).toEqual(['detail.productId', 'detail.decisionNo', 'detail.decisionDate', 'detail.reason']);
  });
});
