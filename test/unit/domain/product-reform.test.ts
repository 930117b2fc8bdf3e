import { checkEventRules, decideProduct, foldProduct, ownerOf, type ProductEvent } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { commune, district, listed, noonOf, province, rated, registered, transferred } from './support/events';

/**
 * Ownership across the 2025 reform (domain/product.ts): a product registered by a district
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

const verdicts = (events: readonly ProductEvent[]) => foldProduct(P, events, UNITS).verdicts.map((v) => v.verdict);
const reasonsOf = (events: readonly ProductEvent[], event: ProductEvent) => {
  const verdict = foldProduct(P, events, UNITS).verdicts.find((v) => v.eventId === event.detail.eventId);
  return verdict?.verdict === 'rejected' ? verdict.reasons : [];
};

describe('decideProduct across the reform: the commune that holds the former district', () => {
  it('accepts, from 2025-07-01, the events of the ward formed from the product\'s former ward', () => {
    // Prepare: registered by 842 in 2024, in the former ward 29260, which went into 29242.
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const listing = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-07-01'));
    const rating = rated(P, province(), 4, { score: 78, day: '2025-12-26' });

    // Act
    const decision = foldProduct(P, [registration, listing, rating], UNITS);

    // Assess
    expect(decision.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(decision.state!.listings.map((l) => l.marketplace)).toEqual(['postmart']);
    expect(ownerOf(decision.state!)).toBe('842');
  });

  it('keeps taking the former district\'s events dated before the reform, even when they arrive later', () => {
    // Prepare
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const fromWard = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-08-01'));
    const lateFromDistrict = listed(P, TP_TRA_VINH, 'voso', noonOf('2025-06-30'));

    // Act
    const outcome = verdicts([registration, fromWard, lateFromDistrict]);

    // Assess
    expect(outcome).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('rejects another ward of the same former district, naming the unit that holds the territory', () => {
    // Prepare
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const foreign = listed(P, PHUONG_LONG_DUC, 'postmart', noonOf('2025-09-10'));

    // Act
    const reasons = reasonsOf([registration, foreign], foreign);

    // Assess
    expect(reasons).toEqual(['productId TV842-0001 belongs to unit 842 (on 2025-09-10 its territory is held by unit 29242); unit 29263 may only publish for its own products']);
  });

  it('rejects, when the registration names no commune, with the candidates and the way out (ProductTransferred)', () => {
    // Prepare
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01' });
    const fromWard = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-09-10'));

    // Act
    const reasons = reasonsOf([registration, fromWard], fromWard);

    // Assess
    expect(reasons).toEqual([
      'productId TV842-0001 belongs to unit 842, which ended on 2025-06-30; its territory passed to 29242 (Phường Trà Vinh), 29254 (Phường Nguyệt Hóa), ' +
        "29263 (Phường Long Đức), 29398 (Phường Hòa Thuận), and the product's registration does not say which of them holds the product (its communeCode is not given). " +
        'The provincial office assigns the product to its unit with ProductTransferred (toUnitCode); until then unit 29242 cannot publish for it.',
    ]);
  });

  it('accepts the ward once the province has transferred the product to it, and from then only the ward', () => {
    // Prepare
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01' });
    const transfer = transferred(P, '29242', { day: '2025-07-15', effectiveDate: '2025-07-01' });
    const fromWard = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-09-10'));
    const fromOtherWard = listed(P, PHUONG_LONG_DUC, 'voso', noonOf('2025-09-10'));

    // Act
    const decision = foldProduct(P, [registration, transfer, fromWard, fromOtherWard], UNITS);

    // Assess
    expect(decision.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
    expect(ownerOf(decision.state!)).toBe('29242');
  });

  it('never lets a commune of another former district change the product', () => {
    // Prepare
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const foreign = listed(P, XA_CAU_KE, 'postmart', noonOf('2025-09-10'));
    const foreignRegistration = registered(P, XA_CAU_KE, { day: '2025-09-11' });

    // Act
    const outcome = verdicts([registration, foreign, foreignRegistration]);

    // Assess
    expect(outcome).toEqual(['accepted', 'rejected', 'rejected']);
  });

  it('owns by the first registration for products registered after the reform by a ward', () => {
    // Prepare
    const registration = registered('VL29242-0001', PHUONG_TRA_VINH, { day: '2026-02-02' });
    const own = listed('VL29242-0001', PHUONG_TRA_VINH, 'postmart', noonOf('2026-03-02'));
    const foreign = listed('VL29242-0001', PHUONG_LONG_DUC, 'voso', noonOf('2026-03-02'));

    // Act
    const decision = decideProduct('VL29242-0001', undefined, [registration, own, foreign], UNITS);

    // Assess
    expect(decision.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(decision.state!.registration.districtCode).toBe('29242');
  });

  it('without the units (no directory), keeps the owner strict: the ward is refused', () => {
    // Prepare
    const registration = registered(P, TP_TRA_VINH, { day: '2024-03-01', communeCode: '29260' });
    const fromWard = listed(P, PHUONG_TRA_VINH, 'postmart', noonOf('2025-09-10'));

    // Act
    const outcome = foldProduct(P, [registration, fromWard]).verdicts.map((v) => v.verdict);

    // Assess
    expect(outcome).toEqual(['accepted', 'rejected']);
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
