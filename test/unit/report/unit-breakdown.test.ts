import { computeSnapshot, projectHistory } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { unitBreakdown, unitNameIn } from '../../../report/unit-breakdown';
import { district, province, rated, registered } from '../domain/support/events';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/** The row a unit's contacts get first in the report: byUnit when the unit is in force, else byDistrict (a former district). */
const inputs = projectHistory([
  registered('P-1', district('842'), { day: '2023-03-01', communeCode: '29239' }),
  rated('P-1', province('842'), 4, { score: 76, day: '2024-05-10' }),
  registered('P-2', district('842'), { day: '2023-03-01' }),
  rated('P-2', province('842'), 3, { score: 61, day: '2024-05-10' }),
]).inputs;
const on = (day: string) => computeSnapshot(inputs, { asOf: `${day}T12:00:00+07:00`, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

describe('unitBreakdown', () => {
  it('gives a commune in force its byUnit row after the reform', () => {
    // Act
    const row = unitBreakdown(on('2026-06-01'), '29242');
    // Assess
    expect(row).toMatchObject({ name: 'Phường Trà Vinh', active: 1, byLevel: { '4': 1 } });
  });

  it('gives a former district its registered products (byDistrict) after the reform', () => {
    // Act
    const row = unitBreakdown(on('2026-06-01'), '842');
    // Assess
    expect(row).toMatchObject({ name: 'Thành phố Trà Vinh', active: 2 });
  });

  it('gives a district its byUnit row before the reform, with the figures of byDistrict', () => {
    // Prepare
    const snapshot = on('2024-12-31');
    // Act
    const row = unitBreakdown(snapshot, '842');
    // Assess
    expect(row).toBe(snapshot.breakdown.byUnit!['842']);
    expect(row!.active).toBe(snapshot.breakdown.byDistrict['842']!.active);
  });

  it('falls back to byDistrict for a snapshot stored before byUnit existed, and to the code for an unknown unit', () => {
    // Prepare
    const { byUnit: _byUnit, unassigned: _unassigned, ...older } = on('2024-12-31').breakdown;
    const snapshot = { ...on('2024-12-31'), breakdown: older };
    // Act
    const row = unitBreakdown(snapshot, '842');
    // Assess
    expect(row).toBe(older.byDistrict['842']);
    expect(unitNameIn(snapshot, '99999')).toBe('99999');
  });
});
