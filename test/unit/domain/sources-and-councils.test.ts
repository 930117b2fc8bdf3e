import { checkEventRules, councilRulesOn, TWO_TIER_FROM } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { parseInboundEvent } from '../../../events';

/**
 * The rules of the 2025 reform (docs/sources-and-councils.md): who may publish on an
 * event's day, and which council may decide on a decision's date. Units from the shipped
 * units files: Trà Vinh's districts to 2025-06-30, Vĩnh Long's communes from 2025-07-01.
 */
const UNITS = shippedUnitDirectory();

function reasonsFor(source: string, detailType: string, detail: Record<string, unknown>): string[] {
  const parsed = parseInboundEvent({ source, 'detail-type': detailType, detail: { eventId: 'evt-reform-0001', schemaVersion: 1, ...detail } });
  if (!parsed.ok) return parsed.reasons;
  return checkEventRules(parsed.event, UNITS);
}

const at = (day: string) => `${day}T09:00:00+07:00`;
/** Phường Trà Vinh (29242), formed on 2025-07-01 from three wards of Thành phố Trà Vinh (842). */
const WARD = '29242';

const listing = (day: string, unit: Record<string, string>) => ({
  occurredAt: at(day),
  ...unit,
  productId: 'TV842-0001',
  marketplace: 'postmart',
  listingUrl: 'https://postmart.vn/p/tv842-0001',
  listedAt: at(day),
});

const rating = (decisionDate: string, council: string, stars: number, score: number, unit: Record<string, string> = {}) => ({
  occurredAt: at(decisionDate),
  ...unit,
  productId: 'TV842-0001',
  score,
  stars,
  council,
  decisionNo: '101/QĐ-UBND',
  decisionDate,
});

describe('checkEventRules: district sources end with the district level', () => {
  it('accepts a district publishing on 2025-06-30, its last day', () => {
    // Act
    const reasons = reasonsFor('ocop.district.842', 'ProductListedOnMarketplace', listing('2025-06-30', { districtCode: '842' }));

    // Assess
    expect(reasons).toEqual([]);
  });

  it('rejects a district publishing on 2025-07-01, saying the district level was abolished and how to publish instead', () => {
    // Act
    const reasons = reasonsFor('ocop.district.842', 'ProductListedOnMarketplace', listing('2025-07-01', { districtCode: '842' }));

    // Assess
    expect(reasons).toEqual([
      'Source: ocop.district.842 is a district source, and this event is dated 2025-07-01: the district level was abolished on 2025-07-01 ' +
        '(Luật Tổ chức chính quyền địa phương 72/2025/QH15: two-tier local government). From then on the commune or ward publishes as ' +
        'ocop.commune.<code> (5-digit code, detail.communeCode equal to it, no districtCode), or the provincial office as ocop.province',
    ]);
  });

  it('judges a decision by its decisionDate: a district decision of 2025-06-20 published in August is accepted', () => {
    // Prepare
    const detail = { ...rating('2025-06-20', 'district', 3, 60, { districtCode: '842' }), occurredAt: at('2025-08-04') };

    // Act
    const reasons = reasonsFor('ocop.district.842', 'ProductRated', detail);

    // Assess
    expect(reasons).toEqual([]);
  });
});

describe('checkEventRules: commune sources start with the reform', () => {
  it('accepts a ward of 2025 publishing for itself with its communeCode', () => {
    // Act
    const reasons = reasonsFor(`ocop.commune.${WARD}`, 'ProductListedOnMarketplace', listing('2025-07-01', { communeCode: WARD }));

    // Assess
    expect(reasons).toEqual([]);
  });

  it('rejects a commune source for an event dated before 2025-07-01', () => {
    // Act
    const reasons = reasonsFor(`ocop.commune.${WARD}`, 'ProductListedOnMarketplace', listing('2025-06-30', { communeCode: WARD }));

    // Assess
    expect(reasons).toEqual([
      'Source: ocop.commune.29242 is a commune source, and this event is dated 2025-06-30: communes publish from 2025-07-01, when the district level was abolished. ' +
        'An event dated before then is published by its district (ocop.district.<code>) or by ocop.province',
    ]);
  });

  it('rejects a communeCode that is not the Source, a missing one, and a districtCode from a commune', () => {
    // Act
    const mismatch = reasonsFor(`ocop.commune.${WARD}`, 'ProductListedOnMarketplace', listing('2026-03-02', { communeCode: '29263' }));
    const missing = reasonsFor(`ocop.commune.${WARD}`, 'ProductListedOnMarketplace', listing('2026-03-02', {}));
    const withDistrict = reasonsFor(`ocop.commune.${WARD}`, 'ProductListedOnMarketplace', listing('2026-03-02', { communeCode: WARD, districtCode: '842' }));

    // Assess
    expect(mismatch).toEqual(['detail.communeCode: 29263 does not match Source ocop.commune.29242; a commune may only publish for itself']);
    expect(missing).toEqual(['detail.communeCode: required from a commune; it must be 29242, as in Source ocop.commune.29242']);
    expect(withDistrict).toEqual(['detail.districtCode: a commune sends no districtCode (there are no districts since 2025-07-01); give communeCode 29242 only']);
  });

  it('rejects a commune source naming a code that is not a commune or ward in force that day', () => {
    // Prepare: 29239 was a ward of Thành phố Trà Vinh before the reform; it is not a unit of 2025 (it went into 29242).
    const former = '29239';

    // Act
    const reasons = reasonsFor(`ocop.commune.${former}`, 'ProductListedOnMarketplace', listing('2026-03-02', { communeCode: former }));

    // Assess
    expect(reasons).toEqual([
      'Source: ocop.commune.29239 names unit 29239, which is not a commune or ward in force on 2026-03-02 (GET /v1/units?asOf=2026-03-02 lists the units in force that day)',
    ]);
  });
});

describe('checkEventRules: the province names units in force', () => {
  it('rejects a districtCode from the province on an event dated after the reform, asking for the commune', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductListedOnMarketplace', listing('2026-03-02', { districtCode: '842' }));

    // Assess
    expect(reasons).toEqual([
      'detail.districtCode: 842 names a district, and this event is dated 2026-03-02: the district level was abolished on 2025-07-01; name the commune or ward the event belongs to with communeCode, or leave both out',
    ]);
  });

  it('requires a commune of 2025 in a ProductRegistered of the province from 2025-07-01', () => {
    // Prepare
    const registration = { occurredAt: at('2026-03-02'), productId: 'VL29242-0001', name: 'Bánh tét', group: 'food', subject: { name: 'Hộ kinh doanh A', kind: 'household' } };

    // Act
    const without = reasonsFor('ocop.province', 'ProductRegistered', registration);
    const unknown = reasonsFor('ocop.province', 'ProductRegistered', { ...registration, communeCode: '29239' });
    const valid = reasonsFor('ocop.province', 'ProductRegistered', { ...registration, communeCode: WARD });

    // Assess
    expect(without).toEqual(['detail.communeCode: required for ProductRegistered from ocop.province from 2025-07-01: a product belongs to a commune or ward']);
    expect(unknown).toEqual(['detail.communeCode: 29239 is not a commune or ward in force on 2026-03-02 (GET /v1/units?asOf=2026-03-02 lists the units in force that day)']);
    expect(valid).toEqual([]);
  });

  it('accepts a ProductTransferred to a unit in force on its effective day, and rejects one to a unit that is not', () => {
    // Prepare
    const transfer = (toUnitCode: string, effectiveDate: string) => ({
      occurredAt: at('2025-08-01'),
      productId: 'TV842-0001',
      toUnitCode,
      reason: 'Sản phẩm thuộc địa bàn phường Trà Vinh sau sắp xếp',
      effectiveDate,
    });

    // Act
    const toWard = reasonsFor('ocop.province', 'ProductTransferred', transfer(WARD, '2025-07-01'));
    const toWardTooEarly = reasonsFor('ocop.province', 'ProductTransferred', transfer(WARD, '2025-06-30'));
    const toFormerDistrict = reasonsFor('ocop.province', 'ProductTransferred', transfer('844', '2025-07-01'));

    // Assess
    expect(toWard).toEqual([]);
    expect(toWardTooEarly).toEqual([
      'detail.toUnitCode: 29242 is not a unit in force on 2025-06-30, the day the transfer takes effect (GET /v1/units?asOf=2025-06-30 lists the units in force that day)',
    ]);
    expect(toFormerDistrict).toEqual([
      'detail.toUnitCode: 844 is not a unit in force on 2025-07-01, the day the transfer takes effect (GET /v1/units?asOf=2025-07-01 lists the units in force that day)',
    ]);
  });
});

describe('councilRulesOn: the national rules by decision date', () => {
  it.each([
    ['2019-09-05', '1048/QĐ-TTg (2019)'],
    ['2023-02-23', '1048/QĐ-TTg (2019)'],
    ['2023-02-24', '148/QĐ-TTg (2023)'],
    ['2025-06-30', '148/QĐ-TTg (2023)'],
    [TWO_TIER_FROM, '1489/QĐ-TTg (2025)'],
    ['2026-05-21', '1489/QĐ-TTg (2025)'],
    ['2026-05-22', 'Quyết định 26/2026/QĐ-TTg'],
    ['2026-10-28', 'Quyết định 26/2026/QĐ-TTg'],
  ])('on %s the rules are those of %s', (day, decision) => {
    // Act
    const rules = councilRulesOn(day);

    // Assess
    expect(rules.decision).toBe(decision);
  });
});

describe('checkEventRules: councils by date', () => {
  it('rejects a district-council decision on 2023-02-23, the last day of 1048/2019, when district councils only screened', () => {
    // Act
    const reasons = reasonsFor('ocop.district.842', 'ProductRated', rating('2023-02-23', 'district', 3, 60, { districtCode: '842' }));

    // Assess
    expect(reasons).toEqual([
      'detail.council: a decision dated 2023-02-23 cannot come from a district council: under 1048/QĐ-TTg (2019) district councils only screen dossiers; the province recognises 3-4 stars and the central council 5 stars',
    ]);
  });

  it('accepts a district council recognising 3 stars from 2023-02-24 (148/2023) to 2025-06-30', () => {
    // Act
    const first = reasonsFor('ocop.district.842', 'ProductRated', rating('2023-02-24', 'district', 3, 60, { districtCode: '842' }));
    const last = reasonsFor('ocop.district.842', 'ProductRated', rating('2025-06-30', 'district', 3, 60, { districtCode: '842' }));

    // Assess
    expect(first).toEqual([]);
    expect(last).toEqual([]);
  });

  it('rejects 4 stars from a district council under 148/2023: that is the province decision', () => {
    // Act
    const reasons = reasonsFor('ocop.district.842', 'ProductRated', rating('2024-05-10', 'district', 4, 75, { districtCode: '842' }));

    // Assess
    expect(reasons).toEqual([
      'detail.council: under 148/QĐ-TTg (2023) a district council recognises up to 3 stars; 4 stars is the province\'s decision (council: province)',
    ]);
  });

  it('rejects a district-council decision dated 2025-07-01, even from the province', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRated', rating(TWO_TIER_FROM, 'district', 3, 60, { communeCode: WARD }));

    // Assess
    expect(reasons).toEqual([
      'detail.council: a decision dated 2025-07-01 cannot come from a district council: under 1489/QĐ-TTg (2025) the district level was abolished on 2025-07-01 ' +
        '(Luật Tổ chức chính quyền địa phương 72/2025/QH15: two-tier local government); the province rates 3-4 stars (communes check the dossier) and the central council 5 stars',
    ]);
  });

  it('rejects a district-council decision dated 2026 (before 26/2026/QĐ-TTg) published by a commune', () => {
    // Act
    const reasons = reasonsFor(`ocop.commune.${WARD}`, 'ProductRated', rating('2026-05-21', 'district', 3, 64, { communeCode: WARD }));

    // Assess
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^detail\.council: a decision dated 2026-05-21 cannot come from a district council: under 1489\/QĐ-TTg \(2025\) the district level was abolished on 2025-07-01/);
  });

  it('accepts the province rating 3 and 4 stars and the central council 5 stars after the reform', () => {
    // Act
    const three = reasonsFor('ocop.province', 'ProductRated', rating('2026-06-30', 'province', 3, 64, { communeCode: WARD }));
    const four = reasonsFor('ocop.province', 'ProductRated', rating('2026-06-30', 'province', 4, 80, { communeCode: WARD }));
    const five = reasonsFor('ocop.province', 'ProductRated', rating('2026-06-30', 'central', 5, 92, { communeCode: WARD }));

    // Assess
    expect([three, four, five]).toEqual([[], [], []]);
  });
});

describe('checkEventRules: the id scheme of the merged register', () => {
  const registration = (productId: string, day: string, unit: Record<string, string>) => ({
    occurredAt: at(day),
    ...unit,
    productId,
    name: 'Bánh tét lá cẩm',
    group: 'food',
    subject: { name: 'Hộ kinh doanh B', kind: 'household' },
  });

  it.each([
    ['84-842-0001', '2024-05-02', 'ocop.district.842', { districtCode: '842' }],
    ['TV842-0001', '2024-05-02', 'ocop.district.842', { districtCode: '842' }],
    ['86-29242-0001', '2025-07-01', `ocop.commune.${WARD}`, { communeCode: WARD }],
    ['TV-29242-7', '2026-02-02', `ocop.commune.${WARD}`, { communeCode: WARD }],
  ])('accepts %s registered on %s (in the scheme, or an id outside it)', (productId, day, source, unit) => {
    // Act
    const reasons = reasonsFor(source, 'ProductRegistered', registration(productId, day, unit));

    // Assess
    expect(reasons).toEqual([]);
  });

  it('rejects a pre-merge id of a province that did not merge, and a post-merge id without the province and commune', () => {
    // Act
    const otherProvince = reasonsFor('ocop.district.842', 'ProductRegistered', registration('85-842-0001', '2025-06-30', { districtCode: '842' }));
    const oldForm = reasonsFor(`ocop.commune.${WARD}`, 'ProductRegistered', registration('84-842-0002', '2025-07-01', { communeCode: WARD }));

    // Assess
    expect(otherProvince).toEqual([
      'detail.productId: 85-842-0001 starts like a province-scheme id, but a product registered before 2025-07-01 is numbered <former province>-<3-digit district code>-<number> (83 Bến Tre, 84 Trà Vinh, 86 Vĩnh Long), e.g. 84-842-0001',
    ]);
    expect(oldForm).toEqual([
      'detail.productId: 84-842-0002 starts like a province-scheme id, but a product registered from 2025-07-01 is numbered 86-<5-digit commune code>-<number>, e.g. 86-29242-0001',
    ]);
  });
});
