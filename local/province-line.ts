import { provinceOn, vnDayOf } from '../domain';
import { provinceOfDeployment } from '../functions/shared/province-config';

/** The province of today and the ones before it, as `npm start` prints it: "Vĩnh Long (86) since 2025-07-01; before: Trà Vinh (84)". */
export function provinceLine(today = vnDayOf(new Date())): string {
  const province = provinceOfDeployment();
  const now = provinceOn(province, today);
  const before = province.periods.slice(0, province.periods.indexOf(now));
  return [
    `${now.name} (${now.code})${now.validFrom !== undefined && before.length > 0 ? ` since ${now.validFrom}` : ''}`,
    ...(before.length > 0 ? [`before: ${before.map((period) => `${period.name} (${period.code})`).join(', ')}`] : []),
  ].join('; ');
}
