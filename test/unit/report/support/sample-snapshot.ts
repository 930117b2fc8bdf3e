import { computeSnapshot, projectHistory, type KpiSnapshot } from '../../../../domain';
import { district, enrolled, ipGranted, listed, noonOf, province, rated, registered, taskApproved, upgraded } from '../../domain/support/events';
import { shippedUnitDirectory } from '../../../../domain/data/shipped-units';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../../support/shipped-data';

/**
 * A realistic KPI snapshot of Trà Vinh for the report tests, computed by the
 * domain from projected events (projectHistory, not written by hand): eight products in four
 * districts, a few IP grants and science tasks. `THIS_WEEK` is Monday
 * 24/11/2025 (ISO week 48/2025); `LAST_WEEK` a week earlier, before two
 * decisions and one listing happened, so the report has changes to show.
 */
export const REPORT_DAY = '2025-11-24';
export const THIS_WEEK_AS_OF = '2025-11-23T17:01:00.000Z';
export const LAST_WEEK_AS_OF = '2025-11-16T17:01:00.000Z';

const history = projectHistory([
  registered('TV-842-001', district('842'), { day: '2024-11-02', name: 'Mật ong hoa dừa Trà Vinh' }),
  rated('TV-842-001', district('842'), 4, { score: 78, day: '2025-03-10' }),
  enrolled('TV-842-001', district('842'), noonOf('2025-04-01')),
  listed('TV-842-001', district('842'), 'postmart', noonOf('2025-04-15')),
  registered('TV-842-002', district('842'), { day: '2022-09-01', name: 'Bánh tét Trà Cuôn' }),
  rated('TV-842-002', district('842'), 3, { score: 62, day: '2023-01-15' }),
  registered('TV-844-001', district('844'), { day: '2025-02-11', name: 'Kẹo dừa Càng Long' }),
  rated('TV-844-001', district('844'), 3, { score: 58, day: '2025-05-02' }),
  listed('TV-844-001', district('844'), 'voso', noonOf('2025-11-20')),
  registered('TV-844-002', district('844'), { day: '2025-03-03', name: 'Chả cá lóc Càng Long' }),
  rated('TV-844-002', district('844'), 4, { score: 92, day: '2025-11-19', fiveStarPotential: true }),
  enrolled('TV-844-002', district('844'), noonOf('2025-11-20')),
  registered('TV-844-003', district('844'), { day: '2025-09-09', name: 'Bột sắn dây Tân An' }),
  rated('TV-844-003', district('844'), 2, { score: 41, day: '2025-10-10' }),
  registered('TV-845-001', district('845'), { day: '2022-10-10', name: 'Tinh dầu sả Cầu Kè', group: 'herbal' }),
  rated('TV-845-001', district('845'), 3, { score: 55, day: '2022-12-20' }),
  enrolled('TV-845-001', district('845'), noonOf('2023-02-01')),
  registered('TV-848-001', province('848'), { day: '2023-05-05', name: 'Rượu Xuân Thạnh', group: 'beverage' }),
  rated('TV-848-001', province('848'), 4, { score: 81, day: '2023-08-01' }),
  upgraded('TV-848-001', province('848'), 4, 5, { score: 93, council: 'central', day: '2025-11-18' }),
  listed('TV-848-001', province('848'), 'lazada', noonOf('2024-01-10')),
  enrolled('TV-848-001', province('848'), noonOf('2024-01-10')),
  registered('TV-849-001', district('849'), { day: '2024-12-01', name: 'Dừa sáp Cầu Kè sấy giòn' }),
  rated('TV-849-001', district('849'), 3, { score: 66, day: '2025-06-30' }),
  listed('TV-849-001', district('849'), 'shopee', noonOf('2025-07-05')),
  ipGranted('IP-001', 'collective_mark', '2023-06-01'),
  ipGranted('IP-002', 'collective_mark', '2024-09-12'),
  ipGranted('IP-003', 'ordinary_mark', '2025-02-20'),
  ipGranted('IP-004', 'geographical_indication', '2025-11-17'),
  taskApproved('KHCN-01', '2023-03-01'),
  taskApproved('KHCN-02', '2025-05-15'),
]);

export function sampleSnapshot(asOf = THIS_WEEK_AS_OF): KpiSnapshot {
  return computeSnapshot(history.inputs, { asOf, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });
}
