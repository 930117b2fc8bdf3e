import { computeSnapshot, InvalidProvinceError, parsePlan, parseProvince, provinceOn, unitDirectory, type KpiInputs, type KpiSnapshot, type Unit } from '../../../domain';
import { shippedUnits } from '../../../domain/data/shipped-units';
import { shippedPlansOf, shippedPlans } from '../../../domain/data/shipped-plans';
import { district, ipGranted, province, rated, registered } from './support/events';
import { project } from './support/project';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/**
 * The province over time and plans that begin and end (docs/provinces-and-plans.md). The units are the shipped ones
 * plus a made-up former district of province 83, 839 (no GSO code), whose one successor is the shipped ward 29242: not
 * public data, it keeps the test's places simple (the shipped Bến Tre districts have several successors each; the
 * integration test province-and-plans.test.ts uses the real 829).
 */
const formerBenTre: Unit = { code: '839', name: 'Huyện Thử Nghiệm (test)', kind: 'district', validTo: '2025-06-30', successors: ['29242'], formedFrom: [], province: '83', source: 'test' };
const units = unitDirectory([...shippedUnits(), formerBenTre]);
const on = (inputs: KpiInputs, day: string, plans = [PLAN_53_KH_UBND]): KpiSnapshot =>
  computeSnapshot(inputs, { asOf: `${day}T12:00:00+07:00`, plans, province: DEPLOYMENT_PROVINCE, units });
const indicator = (snapshot: KpiSnapshot, id: string) => snapshot.indicators.find((i) => i.id === id)!;

/** One product of Trà Vinh (842), one of the made-up Bến Tre district (839), both first recognised in February 2025. */
const history = project([
  registered('TV-842-001', district('842'), { day: '2024-11-01' }),
  rated('TV-842-001', province('842'), 3, { score: 60, day: '2025-02-10' }),
  registered('BT-839-001', district('839'), { day: '2024-11-01' }),
  rated('BT-839-001', province('839'), 4, { score: 75, day: '2025-02-12' }),
  ipGranted('IP-BT-1', 'collective_mark', '2025-03-01', { by: district('839') }),
  ipGranted('IP-TV-1', 'collective_mark', '2025-03-02', { by: district('842') }),
]);

describe('parseProvince', () => {
  it('reads the shipped deployment: Trà Vinh up to 2025-06-30, Vĩnh Long from 2025-07-01, formed from three provinces', () => {
    // Assess
    expect(DEPLOYMENT_PROVINCE).toMatchObject({ code: '86', name: 'Vĩnh Long', aliases: ['tra-vinh'] });
    expect(provinceOn(DEPLOYMENT_PROVINCE, '2025-06-30')).toMatchObject({ code: '84', name: 'Trà Vinh' });
    expect(provinceOn(DEPLOYMENT_PROVINCE, '2019-01-01')).toMatchObject({ code: '84' });
    expect(provinceOn(DEPLOYMENT_PROVINCE, '2025-07-01')).toMatchObject({ code: '86', validFrom: '2025-07-01' });
    expect(provinceOn(DEPLOYMENT_PROVINCE, '2025-07-01').formedFrom.map((p) => p.code).sort()).toEqual(['83', '84', '86']);
  });

  it('reads a province written without periods as one that never changed', () => {
    // Act
    const stable = parseProvince({ code: '99', name: 'Tỉnh Thử Nghiệm', unitLevel: 'commune', units: [{ code: '99001', name: 'Xã Một' }] });

    // Assess
    expect(stable.periods).toEqual([{ code: '99', name: 'Tỉnh Thử Nghiệm', formedFrom: [] }]);
    expect(provinceOn(stable, '2030-01-01').code).toBe('99');
  });

  it('refuses periods with a gap between them, naming the field', () => {
    // Prepare
    const file = {
      periods: [
        { code: '84', name: 'A', validTo: '2025-06-30' },
        { code: '86', name: 'B', validFrom: '2025-07-02' },
      ],
      unitLevel: 'district',
      units: [{ code: '842', name: 'X' }],
    };

    // Act
    const attempt = () => parseProvince(file, 'gap.province.json');

    // Assess
    expect(attempt).toThrow(InvalidProvinceError);
    expect(attempt).toThrow(/gap\.province\.json: .*must be the day after periods\[0\]\.validTo.*at periods\[1\]\.validFrom/s);
  });

  it('starts the deployment with the shipped plans of its provinces over time, and none for another province', () => {
    // Act
    const own = shippedPlansOf(DEPLOYMENT_PROVINCE);
    const other = shippedPlansOf(parseProvince({ code: '99', name: 'X', unitLevel: 'commune', units: [{ code: '99001', name: 'Y' }] }));

    // Assess
    expect(own.map((plan) => plan.id)).toEqual(['tra-vinh-53-kh-ubnd']);
    expect(other).toEqual([]);
    expect(shippedPlans().map((plan) => plan.id)).not.toContain('example-2026-2030');
  });
});

describe('a day counts the products of the province of that day', () => {
  it("names Trà Vinh and counts Trà Vinh's products alone on 2025-06-30", () => {
    // Act
    const snapshot = on(history, '2025-06-30');

    // Assess
    expect(snapshot.province).toEqual({ code: '84', name: 'Trà Vinh' });
    expect(indicator(snapshot, 'ocop.active').value).toBe(1);
    expect(indicator(snapshot, 'ocop.recognized.year').value).toBe(1);
    expect(indicator(snapshot, 'ip.collective_mark').value).toBe(1);
    expect(snapshot.breakdown.byDistrict['839']).toBeUndefined();
    expect(snapshot.notes).toBeUndefined();
  });

  it('names Vĩnh Long from 2025-07-01 and counts the products of all its former provinces, their dates kept', () => {
    // Act
    const snapshot = on(history, '2025-07-01');

    // Assess
    expect(snapshot.province).toMatchObject({ code: '86', name: 'Vĩnh Long', since: '2025-07-01' });
    expect(snapshot.province.formedFrom!.map((p) => p.name).sort()).toEqual(['Bến Tre', 'Trà Vinh', 'Vĩnh Long']);
    expect(indicator(snapshot, 'ocop.active').value).toBe(2);
    expect(snapshot.breakdown.byUnit!['29242']!.active).toBe(1);
    expect(snapshot.breakdown.unassigned!['842']!.active).toBe(1);
    expect(indicator(snapshot, 'ip.collective_mark').value).toBe(2);
  });

  it("counts the merged province's whole year 2025 in the yearly figures, and says so", () => {
    // Act
    const snapshot = on(history, '2025-12-30');

    // Assess: both first recognitions of February 2025 count, the Bến Tre one made before the merger.
    expect(indicator(snapshot, 'ocop.recognized.year').value).toBe(2);
    expect(indicator(snapshot, 'ocop.share4.year').value).toBe(0.5);
    expect(snapshot.notes).toEqual([
      { kind: 'merged-province-year', year: 2025, since: '2025-07-01', province: { code: '86', name: 'Vĩnh Long' }, formedFrom: expect.any(Array) },
    ]);
    expect(on(history, '2026-03-01').notes).toBeUndefined();
  });
});

describe('plans that begin and end', () => {
  it('gives no plan before Plan 53 begins, and names the next', () => {
    // Act
    const snapshot = on(history, '2022-07-28');

    // Assess
    expect(snapshot.plan).toBeUndefined();
    expect(snapshot.noPlan).toEqual({ next: { id: PLAN_53_KH_UBND.id, title: PLAN_53_KH_UBND.title, period: PLAN_53_KH_UBND.period } });
    expect(snapshot.indicators.every((i) => i.target === undefined && i.status === undefined)).toBe(true);
    expect(snapshot.endedPlan).toBeUndefined();
  });

  it("judges Plan 53's indicators on its last day, 2025-12-31, as final results: met or not met, no forecast", () => {
    // Act
    const snapshot = on(history, '2025-12-31');

    // Assess
    expect(snapshot.plan?.id).toBe(PLAN_53_KH_UBND.id);
    const targeted = snapshot.indicators.filter((i) => i.target !== undefined);
    expect(targeted.length).toBe(Object.keys(PLAN_53_KH_UBND.targets).length);
    for (const i of targeted) {
      expect(i.final).toBe(true);
      expect(['met', 'not_met']).toContain(i.status);
      expect(i.forecast).toBeUndefined();
      expect(i.expectedByNow).toBeUndefined();
    }
    expect(indicator(snapshot, 'ocop.recognized.year')).toMatchObject({ value: 2, target: 40, status: 'not_met' });
    expect(indicator(snapshot, 'ocop.share4.year')).toMatchObject({ value: 0.5, target: 0.1, status: 'met' });
  });

  it('has no plan in force on any later day: no targets, since 2026-01-01, and Plan 53 carries its final results', () => {
    for (const day of ['2026-01-01', '2026-12-06', '2028-06-30']) {
      // Act
      const snapshot = on(history, day);

      // Assess
      expect(snapshot.plan).toBeUndefined();
      expect(snapshot.noPlan).toEqual({ since: '2026-01-01' });
      // With no plan, the plan's counts take every grant up to the day.
      expect(indicator(snapshot, 'ip.collective_mark').value).toBe(2);
      expect(snapshot.indicators.filter((i) => i.target !== undefined || i.status !== undefined || i.forecast !== undefined)).toEqual([]);
      expect(snapshot.endedPlan).toMatchObject({ id: PLAN_53_KH_UBND.id, period: { end: '2025-12-31' } });
      expect(snapshot.endedPlan!.indicators.find((i) => i.id === 'ocop.recognized.year')).toMatchObject({ value: 2, target: 40, status: 'not_met', final: true });
      expect(snapshot.endedPlan!.indicators.every((i) => (i.status === 'met' || i.status === 'not_met') && i.forecast === undefined)).toBe(true);
      expect(snapshot.endedPlan!.notes?.[0]).toMatchObject({ kind: 'merged-province-year', year: 2025 });
    }
  });

  it("never rolls a yearly target into a year the plan does not cover, and judges a plan's last year up to its end", () => {
    // Prepare: a made-up plan that ends mid-year.
    const midYear = parsePlan({ ...PLAN_53_KH_UBND, id: 'mid-year', period: { start: '2024-01-01', end: '2025-03-31' } });

    // Act
    const lastDay = on(history, '2025-03-31', [midYear]);
    const dayBefore = on(history, '2025-03-30', [midYear]);
    const after = on(history, '2025-04-01', [midYear]);

    // Assess: before the merger, Trà Vinh's recognition of February 2025 alone.
    expect(indicator(dayBefore, 'ocop.recognized.year')).toMatchObject({ target: 40, forecast: { periodEnd: '2025-03-31' } });
    expect(indicator(lastDay, 'ocop.recognized.year')).toMatchObject({ value: 1, target: 40, status: 'not_met', final: true });
    expect(indicator(after, 'ocop.recognized.year')).toEqual({ id: 'ocop.recognized.year', value: 1 });
    expect(after.noPlan).toEqual({ since: '2025-04-01' });
  });
});
