import { checkEventRules, ownerOf, productDecider } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { accepted, DeciderSpecification, rejected } from './support/decider-specification';
import { commune, district, listed, noonOf, province, rated, registered, transferred } from './support/events';

/**
 * Ownership across the 2025 reform (domain/product/ownership.ts): a product registered by a district
 * before 2025-07-01 takes, from that day, events from the commune or ward that holds its
 * territory (territoryOn, narrowed by the registration's communeCode); when several units
 * do, the province assigns it with ProductTransferred. Units: the shipped units files.
 */
const UNITS = shippedUnitDirectory();
const TP_TRA_VINH = district('842');
/** 29242 Phường Trà Vinh: formed from the former wards 29239, 29242 and 29260 of Thành phố Trà Vinh (842). */
const PHUONG_TRA_VINH = commune('29242');
/** 29263 Phường Long Đức: formed from 29236 and 29263 of 842. */
const PHUONG_LONG_DUC = commune('29263');
/** 29308 Xã Cầu Kè: a successor of district 845, not of 842. */
const XA_CAU_KE = commune('29308');
const P = 'TV842-0001';

const given = DeciderSpecification.for(productDecider(P, UNITS));

describe('productDecider across the reform: the commune that holds the former district', () => {
  it('accepts, from 2025-07-01, the events of the ward formed from the product\'s former ward', () => {
    // Given no registration; the product is registered by 842 in 2024, in the former ward 29260, which went into 29242.
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const listing = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-07-01'));
    const rating = rated(P, province(), 4, { score: 78, day: '2025-12-26' });

    // When the ward lists it and the province rates it, then all are accepted, and 842 still owns it
    const { state } = given()
      .when(registration, listing, rating)
      .then([registration, listing, rating]);

    expect(state!.listings.map((l) => l.marketplace)).toEqual(['postmart']);
    expect(ownerOf(state!)).toBe('842');
  });

  it('keeps taking the former district\'s events dated before the reform, even when they arrive later', () => {
    // Given no registration
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const fromWard = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-08-01'));
    const lateFromDistrict = listed(P, TP_TRA_VINH, 'voso', noonOf('2025-06-30'));

    // When the district's listing of 2025-06-30 arrives after the ward's, then all are accepted
    given()
      .when(registration, fromWard, lateFromDistrict)
      .then([registration, fromWard, lateFromDistrict]);
  });

  it('rejects another ward of the same former district, naming the unit that holds the territory', () => {
    // Given the registration, in the former ward 29260
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const foreign = listed(P, PHUONG_LONG_DUC, 'postmart', noonOf('2025-09-10'));

    // When another ward of the former 842 lists it, then it is rejected
    given([registration])
      .when(foreign)
      .thenRejects('productId TV842-0001 belongs to unit 842 (on 2025-09-10 its territory is held by unit 29242); unit 29263 may only publish for its own products');
  });

  it('rejects, when the registration names no commune, with the candidates and the way out (ProductTransferred)', () => {
    // Given a registration that names no commune
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01' });
    const fromWard = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-09-10'));

    // When a ward of the former 842 lists it, then it is rejected until the province assigns the product
    given([registration])
      .when(fromWard)
      .thenRejects(
        'productId TV842-0001 belongs to unit 842, which ended on 2025-06-30; its territory passed to 29242 (Phường Trà Vinh), 29254 (Phường Nguyệt Hóa), ' +
          "29263 (Phường Long Đức), 29398 (Phường Hòa Thuận), and the product's registration does not say which of them holds the product (its communeCode is not given). " +
          'The provincial office assigns the product to its unit with ProductTransferred (toUnitCode); until then unit 29242 cannot publish for it.',
      );
  });

  it('accepts the ward once the province has transferred the product to it, and from then only the ward', () => {
    // Given no registration
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01' });
    const transfer = transferred(P, '29242', { day: '2025-07-15', effectiveDate: '2025-07-01' });
    const fromWard = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-09-10'));
    const fromOtherWard = listed(P, PHUONG_LONG_DUC, 'voso', noonOf('2025-09-10'));

    // When the province transfers the product to 29242 and two wards list it, then only 29242's listing is accepted
    const { state } = given()
      .when(registration, transfer, fromWard, fromOtherWard)
      .thenDecides([
        accepted(registration),
        accepted(transfer),
        accepted(fromWard),
        rejected(fromOtherWard, 'productId TV842-0001 belongs to unit 29242; unit 29263 may only publish for its own products'),
      ]);

    expect(ownerOf(state!)).toBe('29242');
  });

  it('never lets a commune of another former district change the product', () => {
    // Given no registration
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const foreign = listed(P, XA_CAU_KE, 'postmart', noonOf('2025-09-10'));
    const foreignRegistration = registered(P, XA_CAU_KE, { day: '2025-09-11' });

    // When a commune of the former 845 lists it and registers it, then both are rejected
    given()
      .when(registration, foreign, foreignRegistration)
      .thenDecides([accepted(registration), rejected(foreign, expect.stringContaining('unit 29308')), rejected(foreignRegistration, expect.stringContaining('unit 29308'))]);
  });

  it('owns by the first registration for products registered after the reform by a ward', () => {
    // Given no registration of a product registered in 2026 by a ward
    const product = 'VL29242-0001';
    const registration = registered(product, PHUONG_TRA_VINH, { day: '2026-02-02' });
    const own = listed(product, PHUONG_TRA_VINH, 'postmart', noonOf('2026-03-02'));
    const foreign = listed(product, PHUONG_LONG_DUC, 'voso', noonOf('2026-03-02'));

    // When its ward and another list it, then the other's listing is rejected
    const { state } = DeciderSpecification.for(productDecider(product, UNITS))()
      .when(registration, own, foreign)
      .thenDecides([accepted(registration), accepted(own), rejected(foreign, expect.stringContaining('belongs to unit 29242'))]);

    expect(state!.registration.districtCode).toBe('29242');
  });

  it('without the units (no directory), keeps the owner strict: the ward is refused', () => {
    // Given the registration, and a decider without units
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const fromWard = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-09-10'));

    // When the ward that holds the territory lists it, then it is rejected
    DeciderSpecification.for(productDecider(P))()
      .when(registration, fromWard)
      .thenDecides([accepted(registration), rejected(fromWard, expect.stringContaining('belongs to unit 842'))]);
  });

  it('refuses a ProductTransferred to a unit not in force on its effective day (the rules, before the fold)', () => {
    // Prepare
    const toFormerDistrict = transferred(P, '844', { day: '2025-08-01' });

    // Act
    const reasons = checkEventRules(toFormerDistrict, UNITS);

    // Assess
    expect(reasons).toEqual([
      'detail.toUnitCode: 844 is not a unit in force on 2025-08-01, the day the transfer takes effect (GET /v1/units?asOf=2025-08-01 lists the units in force that day)',
    ]);
  });
});
