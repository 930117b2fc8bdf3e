import { computeSnapshot, parsePlan, type Indicator, type KpiSnapshot } from '../../../domain';
import { delisted, district, enrolled, ipGranted, listed, province, rated, registered, revoked, taskApproved, upgraded } from './support/events';
import { project } from './support/project';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/**
 * A hand-built history of Trà Vinh, 2021..2024, whose indicators are worked out
 * by hand below. The main question is asked on 2024-07-01 (Vietnamese day),
 * with the default plan (Plan 53/KH-UBND, 2022-07-29 .. 2025-12-31).
 */

const TP_TRA_VINH = district('842');
const CAU_KE = district('845');
const TIEU_CAN = district('846');
const CHAU_THANH = district('847');
const TRA_CU = district('849');
const TX_DUYEN_HAI = district('851');

const history = [
  // A1 842 food: first recognised 2021 (3★, valid to 2024-06-15), re-recognised 2024-06-10 (3★, to 2027-06-10).
  registered('TV-842-001', TP_TRA_VINH, { day: '2021-02-01', name: 'Mật hoa dừa Sokfarm', group: 'food' }),
  rated('TV-842-001', TP_TRA_VINH, 3, { score: 60, council: 'district', day: '2021-06-15' }),
  rated('TV-842-001', TP_TRA_VINH, 3, { score: 64, council: 'district', day: '2024-06-10' }),
  enrolled('TV-842-001', TP_TRA_VINH, '2024-07-02T08:00:00+07:00'), // after asOf: not traceable yet
  // A2 842 beverage: 4★ 2022-12-30, validUntil given 2024-09-30 (92 days after asOf: not expiring).
  registered('TV-842-002', TP_TRA_VINH, { day: '2022-03-01', name: 'Trà mãng cầu xiêm', group: 'beverage' }),
  rated('TV-842-002', province('842'), 4, { score: 78, day: '2022-12-30', validUntil: '2024-09-30' }),
  enrolled('TV-842-002', TP_TRA_VINH, '2023-03-01T09:00:00+07:00'),
  listed('TV-842-002', TP_TRA_VINH, 'postmart', '2023-02-01T09:00:00+07:00'),
  // A3 845 food: 4★ five-star potential 2022-08-22, upgraded to 5★ by the central council 2024-03-15 (published by the province).
  registered('TV-845-001', CAU_KE, { day: '2022-01-10', name: 'Dừa sáp Cầu Kè', group: 'food' }),
  rated('TV-845-001', CAU_KE, 4, { score: 92, day: '2022-08-22', fiveStarPotential: true }),
  upgraded('TV-845-001', province(), 4, 5, { score: 93, council: 'central', day: '2024-03-15' }),
  enrolled('TV-845-001', CAU_KE, '2023-01-15T09:00:00+07:00'),
  listed('TV-845-001', CAU_KE, 'voso', '2023-04-01T09:00:00+07:00'),
  listed('TV-845-001', CAU_KE, 'shopee', '2023-05-01T09:00:00+07:00'),
  // A4 845 food: first recognised 2024-02-20 at 3★; listed then delisted.
  registered('TV-845-002', CAU_KE, { day: '2023-11-20', name: 'Chôm chôm Cầu Kè sấy dẻo', group: 'food' }),
  rated('TV-845-002', CAU_KE, 3, { score: 58, council: 'district', day: '2024-02-20' }),
  listed('TV-845-002', CAU_KE, 'travinhtrade', '2024-03-01T09:00:00+07:00'),
  delisted('TV-845-002', CAU_KE, 'travinhtrade', '2024-05-01T09:00:00+07:00'),
  enrolled('TV-845-002', CAU_KE, '2024-04-01T09:00:00+07:00'),
  // A5 845 beverage: registered 2023-12-31T18:30Z, which is 2024-01-01 in Vietnam; first recognised 2024-05-20 at 4★ five-star potential.
  registered('TV-845-003', CAU_KE, { occurredAt: '2023-12-31T18:30:00Z', name: 'Rượu dừa sáp', group: 'beverage' }),
  rated('TV-845-003', province('845'), 4, { score: 91, day: '2024-05-20' }),
  listed('TV-845-003', CAU_KE, 'lazada', '2024-05-25T09:00:00+07:00'),
  // A6 849 food: 3★ 2021-06-15, lapsed 2024-06-15.
  registered('TV-849-001', TRA_CU, { day: '2021-01-15', name: 'Cốm dẹp Ba So', group: 'food' }),
  rated('TV-849-001', TRA_CU, 3, { score: 55, council: 'district', day: '2021-06-15' }),
  // A7 849 food: 3★ 2022-08-22 valid to 2024-09-15 (expiring); listed at 2024-07-01T17:30Z = 2024-07-02 00:30 in Vietnam.
  registered('TV-849-002', TRA_CU, { day: '2022-05-05', name: 'Bánh canh Bến Có', group: 'food' }),
  rated('TV-849-002', TRA_CU, 3, { score: 66, council: 'district', day: '2022-08-22', validUntil: '2024-09-15' }),
  enrolled('TV-849-002', TRA_CU, '2023-01-01T09:00:00+07:00'),
  listed('TV-849-002', TRA_CU, 'postmart', '2024-07-01T17:30:00Z'),
  // A8 849 food: 4★ 2022-12-30, revoked 2024-04-10; still listed, but not active.
  registered('TV-849-003', TRA_CU, { day: '2022-06-01', name: 'Chuối sấy Trà Cú', group: 'food' }),
  rated('TV-849-003', TRA_CU, 4, { score: 80, day: '2022-12-30' }),
  revoked('TV-849-003', province(), '2024-04-10'),
  listed('TV-849-003', TRA_CU, 'shopee', '2023-06-01T09:00:00+07:00'),
  // A9 851 food: 2★ in 2023 (not OCOP), first recognised 2024-06-28 at 3★.
  registered('TV-851-001', TX_DUYEN_HAI, { day: '2023-02-01', name: 'Tôm khô Duyên Hải', group: 'food' }),
  rated('TV-851-001', TX_DUYEN_HAI, 2, { score: 45, council: 'district', day: '2023-06-01' }),
  rated('TV-851-001', TX_DUYEN_HAI, 3, { score: 61, council: 'district', day: '2024-06-28' }),
  // A10 851 tourism: 3★ 2022-04-01, re-recognised 2023-08-01 valid to 2024-09-29 (exactly 90 days after asOf: expiring).
  registered('TV-851-002', TX_DUYEN_HAI, { day: '2022-02-01', name: 'Khu du lịch biển Ba Động', group: 'tourism' }),
  rated('TV-851-002', TX_DUYEN_HAI, 3, { score: 68, council: 'district', day: '2022-04-01' }),
  rated('TV-851-002', TX_DUYEN_HAI, 3, { score: 69, council: 'district', day: '2023-08-01', validUntil: '2024-09-29' }),
  // A11 842 handicraft: registered 2024, rated after asOf.
  registered('TV-842-003', TP_TRA_VINH, { day: '2024-03-01', name: 'Giỏ lục bình', group: 'handicraft' }),
  rated('TV-842-003', TP_TRA_VINH, 3, { score: 52, council: 'district', day: '2024-07-05' }),
  // A12 842 ornamental: registered by the province for 842, 1★; Cầu Kè's 4★ rating of it is rejected, never counted.
  registered('TV-842-004', province('842'), { day: '2024-06-01', name: 'Mai vàng Trà Vinh', group: 'ornamental' }),
  rated('TV-842-004', TP_TRA_VINH, 1, { score: 25, council: 'district', day: '2024-06-20' }),
  rated('TV-842-004', CAU_KE, 4, { score: 75, day: '2024-06-25' }),
  // A13 846: rated, never registered: waits, not counted.
  rated('TV-846-001', TIEU_CAN, 3, { score: 60, council: 'district', day: '2024-01-10' }),
  // A14 847 food: first recognised 2024-04-01 at 5★ by the central council.
  registered('TV-847-001', CHAU_THANH, { day: '2023-05-01', name: 'Bánh tét lá cẩm Châu Thành', group: 'food' }),
  rated('TV-847-001', province('847'), 5, { score: 90, council: 'central', day: '2024-04-01' }),
  enrolled('TV-847-001', CHAU_THANH, '2024-04-10T09:00:00+07:00'),
  listed('TV-847-001', CHAU_THANH, 'tiki', '2024-04-12T09:00:00+07:00'),

  // IP grants. Plan period 2022-07-29 .. 2025-12-31, counted up to asOf.
  ipGranted('IP-GI-01', 'geographical_indication', '2023-05-10', { productIds: ['TV-845-001'] }),
  ipGranted('IP-GI-02', 'geographical_indication', '2024-06-30'),
  ipGranted('IP-CE-01', 'certification_mark', '2024-02-01'),
  ipGranted('IP-CM-01', 'collective_mark', '2022-07-28'), // the day before the plan: not counted
  ipGranted('IP-CM-02', 'collective_mark', '2022-07-29'), // the plan's first day: counted
  ipGranted('IP-CM-03', 'collective_mark', '2024-07-02'), // after asOf: not counted
  ipGranted('IP-OM-01', 'ordinary_mark', '2023-03-01'),
  ipGranted('IP-OM-02', 'ordinary_mark', '2024-01-01'),
  ipGranted('IP-ID-01', 'industrial_design', '2023-09-09'),
  ipGranted('IP-PT-00', 'patent', '2021-05-01'), // before the plan
  ipGranted('IP-PT-01', 'patent', '2022-10-01'),
  ipGranted('IP-PT-02', 'patent', '2023-10-01'),
  ipGranted('IP-PT-03', 'patent', '2024-05-01'),
  // Science tasks.
  taskApproved('KHCN-2022-00', '2022-07-01'), // before the plan
  taskApproved('KHCN-2022-01', '2022-09-15'),
  taskApproved('KHCN-2023-01', '2023-04-01'),
  taskApproved('KHCN-2023-02', '2023-06-01'),
  taskApproved('KHCN-2023-03', '2023-11-01'),
  taskApproved('KHCN-2024-01', '2024-07-01'), // the asOf day: counted
  taskApproved('KHCN-2024-02', '2024-07-02'), // after asOf
];

const AS_OF = '2024-07-01T10:00:00+07:00';

function indicator(snapshot: KpiSnapshot, id: string): Indicator {
  const found = snapshot.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

describe('computeSnapshot on a hand-built history (asOf 2024-07-01, Plan 53/KH-UBND)', () => {
  const snapshot = computeSnapshot(project(history), { asOf: AS_OF, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

  it('counts active products: a valid certificate of 3+ stars on the day', () => {
    // Active: A1 (3★ 2024-06-10), A2 (4★), A3 (5★ upgrade), A4 (3★), A5 (4★ potential), A7 (3★ to 2024-09-15),
    // A9 (3★ 2024-06-28), A10 (3★ to 2024-09-29), A14 (5★) = 9.
    // Not: A6 lapsed 2024-06-15, A8 revoked, A11 rated after asOf, A12 1★ (and the 4★ from 845 rejected), A13 unregistered.
    // Assess
    expect(indicator(snapshot, 'ocop.active')).toEqual({ id: 'ocop.active', value: 9 });
    expect(snapshot.asOfDay).toBe('2024-07-01');
  });

  it('counts first recognitions and re-recognitions of the year, with the prorated target', () => {
    // First 3+ decision in 2024 up to 07-01: A4 (3★), A5 (4★ potential), A9 (3★), A14 (5★) = 4.
    // 2024 is a leap year: 366 days; 2024-01-01 .. 2024-07-01 = 31+29+31+30+31+30+1 = 183 days.
    // Expected by now: 40 × 183 / 366 = 20 > 4 → behind.
    // Re-recognitions: A1 (2024-06-10, first was 2021) and A3 (upgrade 2024-03-15, first was 2022) = 2.
    // Assess
    expect(indicator(snapshot, 'ocop.recognized.year')).toEqual({
      id: 'ocop.recognized.year',
      value: 4,
      target: 40,
      stretchTarget: 50,
      expectedByNow: 20,
      status: 'behind',
      // The pace so far, 4 in 183 days, gives 4 × 366 / 183 = 8 by the end of 2024: short of 40.
      forecast: { value: 8, periodEnd: '2024-12-31', at_risk: true },
    });
    expect(indicator(snapshot, 'ocop.rerecognized.year')).toEqual({ id: 'ocop.rerecognized.year', value: 2 });
  });

  it('computes the shares of the year\'s first recognitions at 4 and 5 stars', () => {
    // share4 = (4★ + 4★ potential) / recognized = 1 (A5) / 4 = 0.25 >= 0.10 → met.
    // share5 = 1 (A14) / 4 = 0.25 >= 0.05 → met.
    // Assess
    expect(indicator(snapshot, 'ocop.share4.year')).toEqual({ id: 'ocop.share4.year', value: 0.25, target: 0.1, comparison: 'atLeast', status: 'met' });
    expect(indicator(snapshot, 'ocop.share5.year')).toEqual({ id: 'ocop.share5.year', value: 0.25, target: 0.05, comparison: 'atLeast', status: 'met' });
  });

  it('computes traceability and e-commerce coverage of active products', () => {
    // Traceable among the 9 active: A2, A3, A4, A7, A14 = 5 (A1 enrols 2024-07-02). 5/9 = 0.5556 > 0.50 → met.
    // Listed among the 9 active: A2 (postmart), A3 (voso, shopee), A5 (lazada), A14 (tiki) = 4.
    // A4 delisted; A7's listing is on 2024-07-02 in Vietnam; A8 is listed but not active. 4/9 = 0.4444, not > 0.70 → behind.
    // Assess
    expect(indicator(snapshot, 'traceability.coverage')).toEqual({
      id: 'traceability.coverage',
      value: 5 / 9,
      target: 0.5,
      comparison: 'moreThan',
      status: 'met',
    });
    expect(indicator(snapshot, 'ecommerce.coverage')).toEqual({
      id: 'ecommerce.coverage',
      value: 4 / 9,
      target: 0.7,
      comparison: 'moreThan',
      status: 'behind',
    });
  });

  it('counts IP grants within the plan period, prorated over the period', () => {
    // Plan period 2022-07-29 .. 2025-12-31: 156 (2022: 3 + 31 + 30 + 31 + 30 + 31) + 365 + 366 + 365 = 1252 days.
    // Elapsed to 2024-07-01 inclusive: 156 + 365 + 183 = 704 days.
    // collective_mark: IP-CM-02 only = 1; 10 × 704 / 1252 = 5.62 → behind.
    // ordinary_mark: 2; 50 × 704 / 1252 = 28.12 → behind.
    // certification_mark: 1; 13 × 704 / 1252 = 7.31 → behind.
    // geographical_indication: 2 = target 2 → met (expected 2 × 704 / 1252 = 1.12).
    // industrial_design: 1; 10 × 704 / 1252 = 5.62 → behind.
    // patent: 3 (IP-PT-00 is before the plan); 5 × 704 / 1252 = 2.81 <= 3 → on_track.
    // international_mark: 0; 2.81 → behind.
    // Act
    const ip = Object.fromEntries(
      snapshot.indicators.filter((i) => i.id.startsWith('ip.')).map((i) => [i.id, [i.value, i.target, i.expectedByNow, i.status]]),
    );

    // Assess
    expect(ip).toEqual({
      'ip.collective_mark': [1, 10, 5.62, 'behind'],
      'ip.ordinary_mark': [2, 50, 28.12, 'behind'],
      'ip.certification_mark': [1, 13, 7.31, 'behind'],
      'ip.geographical_indication': [2, 2, 1.12, 'met'],
      'ip.industrial_design': [1, 10, 5.62, 'behind'],
      'ip.patent': [3, 5, 2.81, 'on_track'],
      'ip.international_mark': [0, 5, 2.81, 'behind'],
    });
  });

  it('counts science tasks within the plan period', () => {
    // KHCN-2022-01, 2023-01..03, 2024-01 (on the asOf day) = 5; 15 × 704 / 1252 = 8.43 → behind.
    // Assess
    // Forecast: 5 in 704 days → 5 × 1252 / 704 = 8.89 by 2025-12-31, short of 15.
    expect(indicator(snapshot, 'science.tasks')).toEqual({
      id: 'science.tasks',
      value: 5,
      target: 15,
      expectedByNow: 8.43,
      status: 'behind',
      forecast: { value: 8.89, periodEnd: '2025-12-31', at_risk: true },
    });
  });

  it('counts the dossiers registered in the year by their Vietnamese day', () => {
    // A5 (2023-12-31T18:30Z = 2024-01-01 in Vietnam), A11 (2024-03-01), A12 (2024-06-01) = 3.
    // Assess
    expect(indicator(snapshot, 'dossiers.year')).toEqual({ id: 'dossiers.year', value: 3 });
  });

  it('lists active certificates expiring within 90 days', () => {
    // 2024-07-01 + 90 days = 2024-09-29. A7 (2024-09-15) and A10 (2024-09-29, the last day included).
    // A2 (2024-09-30) is 91 days away; A6 lapsed already and is not active.
    // Assess
    expect(indicator(snapshot, 'certificates.expiring')).toEqual({ id: 'certificates.expiring', value: 2 });
    expect(snapshot.expiring).toEqual([
      { productId: 'TV-849-002', name: 'Bánh canh Bến Có', districtCode: '849', validUntil: '2024-09-15', level: '3' },
      { productId: 'TV-851-002', name: 'Khu du lịch biển Ba Động', districtCode: '851', validUntil: '2024-09-29', level: '3' },
    ]);
  });

  it('breaks active products down by level, group and district', () => {
    // byLevel: 3 = A1, A4, A7, A9, A10 (5); 4 = A2 (1); 4-potential-5 = A5 (1); 5 = A3, A14 (2).
    // byGroup: food = A1, A3, A4, A7, A9, A14 (6); beverage = A2, A5 (2); tourism = A10 (1).
    // Assess
    expect(snapshot.breakdown.byLevel).toEqual({ '3': { active: 5 }, '4': { active: 1 }, '4-potential-5': { active: 1 }, '5': { active: 2 } });
    expect(snapshot.breakdown.byGroup).toEqual({
      food: { active: 6 },
      beverage: { active: 2 },
      herbal: { active: 0 },
      handicraft: { active: 0 },
      ornamental: { active: 0 },
      tourism: { active: 1 },
    });
    // 842: A1 (3), A2 (4); traceable A2; listed A2.
    // 845: A3 (5), A4 (3), A5 (4-potential-5); recognised this year A4, A5; traceable A3, A4; listed A3, A5.
    // 847: A14 (5), recognised, traceable, listed. 849: A7 (3), traceable, expiring. 851: A9, A10 (3); A9 recognised; A10 expiring.
    const zero = { '3': 0, '4': 0, '4-potential-5': 0, '5': 0 };
    const empty = { active: 0, byLevel: zero, recognizedThisYear: 0, traceable: 0, listed: 0, expiring: 0 };
    expect(snapshot.breakdown.byDistrict).toEqual({
      '842': { name: 'Thành phố Trà Vinh', active: 2, byLevel: { ...zero, '3': 1, '4': 1 }, recognizedThisYear: 0, traceable: 1, listed: 1, expiring: 0 },
      '844': { name: 'Huyện Càng Long', ...empty },
      '845': {
        name: 'Huyện Cầu Kè',
        active: 3,
        byLevel: { '3': 1, '4': 0, '4-potential-5': 1, '5': 1 },
        recognizedThisYear: 2,
        traceable: 2,
        listed: 2,
        expiring: 0,
      },
      '846': { name: 'Huyện Tiểu Cần', ...empty },
      '847': { name: 'Huyện Châu Thành', active: 1, byLevel: { ...zero, '5': 1 }, recognizedThisYear: 1, traceable: 1, listed: 1, expiring: 0 },
      '848': { name: 'Huyện Cầu Ngang', ...empty },
      '849': { name: 'Huyện Trà Cú', active: 1, byLevel: { ...zero, '3': 1 }, recognizedThisYear: 0, traceable: 1, listed: 0, expiring: 1 },
      '850': { name: 'Huyện Duyên Hải', ...empty },
      '851': { name: 'Thị xã Duyên Hải', active: 2, byLevel: { ...zero, '3': 2 }, recognizedThisYear: 1, traceable: 0, listed: 0, expiring: 1 },
    });
  });

  it('names the province and the plan, and lists every indicator of CONTRACT §2', () => {
    // Assess
    expect(snapshot.province).toEqual({ code: '84', name: 'Trà Vinh' });
    expect(snapshot.plan).toEqual({ id: 'tra-vinh-53-kh-ubnd', title: PLAN_53_KH_UBND.title, period: { start: '2022-07-29', end: '2025-12-31' } });
    expect(snapshot.indicators.map((i) => i.id)).toEqual([
      'ocop.active',
      'ocop.recognized.year',
      'ocop.rerecognized.year',
      'ocop.share4.year',
      'ocop.share5.year',
      'traceability.coverage',
      'ecommerce.coverage',
      'ip.collective_mark',
      'ip.ordinary_mark',
      'ip.certification_mark',
      'ip.geographical_indication',
      'ip.industrial_design',
      'ip.patent',
      'ip.international_mark',
      'science.tasks',
      'dossiers.year',
      'certificates.expiring',
    ]);
  });
});

describe('computeSnapshot: days and years are Vietnamese', () => {
  it('asks 2023-12-31T18:30:00Z about 2024-01-01', () => {
    // Prepare
    const inputs = project(history);

    // Act
    const snapshot = computeSnapshot(inputs, { asOf: '2023-12-31T18:30:00Z', plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

    // Assess: year 2024 has begun: A5's dossier (2024-01-01 in Vietnam) counts, no recognition yet.
    expect(snapshot.asOfDay).toBe('2024-01-01');
    expect(indicator(snapshot, 'dossiers.year').value).toBe(1);
    expect(indicator(snapshot, 'ocop.recognized.year').value).toBe(0);
  });

  it('asks 2023-12-31T16:59:59Z about 2023-12-31', () => {
    // Prepare
    const inputs = project(history);

    // Act
    const snapshot = computeSnapshot(inputs, { asOf: '2023-12-31T16:59:59Z', plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

    // Assess: 2023 dossiers: A4 (2023-11-20), A9 (2023-02-01), A14 (2023-05-01) = 3; A5 is not yet registered.
    expect(snapshot.asOfDay).toBe('2023-12-31');
    expect(indicator(snapshot, 'dossiers.year').value).toBe(3);
  });
});

describe('computeSnapshot: status of a yearly count on a day mid-year', () => {
  // A plan of our own, with a small yearly target: 8 recognitions a year.
  const plan = parsePlan({
    id: 'test-plan',
    title: 'Kế hoạch thử nghiệm',
    provinceCode: '84',
    period: { start: '2024-01-01', end: '2024-12-31' },
    targets: { 'ocop.recognized.year': { value: 8 }, 'science.tasks': { value: 1 } },
  });
  const inputs = project(history);

  it('is on_track at the prorated target', () => {
    // 8 × 183 / 366 = 4 on 2024-07-01; 4 recognitions → on_track.
    // Act
    const snapshot = computeSnapshot(inputs, { asOf: AS_OF, plans: [plan], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

    // Assess
    expect(indicator(snapshot, 'ocop.recognized.year')).toMatchObject({ value: 4, expectedByNow: 4, status: 'on_track' });
  });

  it('is behind a day later with no new recognition', () => {
    // 8 × 184 / 366 = 4.02 on 2024-07-02; still 4 recognitions (A11 is rated 07-05) → behind.
    // Act
    const snapshot = computeSnapshot(inputs, { asOf: '2024-07-02T09:00:00+07:00', plans: [plan], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

    // Assess
    expect(indicator(snapshot, 'ocop.recognized.year')).toMatchObject({ value: 4, expectedByNow: 4.02, status: 'behind' });
  });

  it('is met once the whole target is reached', () => {
    // science.tasks in this plan's period (2024) up to 2024-07-01: KHCN-2024-01 = 1 = target → met.
    // Act
    const snapshot = computeSnapshot(inputs, { asOf: AS_OF, plans: [plan], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

    // Assess
    expect(indicator(snapshot, 'science.tasks')).toMatchObject({ value: 1, target: 1, status: 'met' });
  });

  it('reports indicators without a target in the plan without status', () => {
    // Act
    const snapshot = computeSnapshot(inputs, { asOf: AS_OF, plans: [plan], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

    // Assess
    expect(indicator(snapshot, 'ocop.share4.year')).toEqual({ id: 'ocop.share4.year', value: 0.25 });
  });
});

describe('computeSnapshot: empty denominators', () => {
  it('gives 0 for every share when nothing is active or recognised', () => {
    // On 2021-01-20 A6 is registered (2021-01-15) but nothing is rated yet. A plan of that year judges the shares.
    const plan2021 = parsePlan({ ...PLAN_53_KH_UBND, id: 'plan-2021', period: { start: '2021-01-01', end: '2021-12-31' } });
    // Act
    const snapshot = computeSnapshot(project(history), { asOf: '2021-01-20T12:00:00+07:00', plans: [plan2021], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

    // Assess
    expect(indicator(snapshot, 'ocop.active').value).toBe(0);
    for (const id of ['ocop.share4.year', 'ocop.share5.year', 'traceability.coverage', 'ecommerce.coverage']) {
      expect(indicator(snapshot, id)).toMatchObject({ value: 0, status: 'behind' });
    }
    expect(indicator(snapshot, 'dossiers.year').value).toBe(1);
  });

  it('gives 0 with no projections at all', () => {
    // Act
    const snapshot = computeSnapshot({ products: [], ipGrants: [], scienceTasks: [] }, { asOf: AS_OF, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

    // Assess
    expect(snapshot.indicators.every((i) => i.value === 0)).toBe(true);
    expect(snapshot.expiring).toEqual([]);
  });
});
