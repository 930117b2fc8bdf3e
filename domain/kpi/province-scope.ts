import { yearOf, type IsoDay } from '../calendar';
import { provinceOn, type Province, type ProvincePeriod } from '../province';
import type { TerritoryOn } from '../units';
import type { KpiSnapshot, SnapshotNote } from './snapshot';

/**
 * Which products a day's KPIs count: those whose territory that day lies in the
 * province the deployment served that day. Before the 2025 merger Trà Vinh's
 * alone (a former Bến Tre or Vĩnh Long district's unit has another province
 * code); from 2025-07-01 every unit of the merged province, whatever province
 * its products began in. A place the units data does not know is counted (it
 * goes to `unassigned`, never dropped): the data cannot say it lies elsewhere.
 */
export function belongsTo(period: Pick<ProvincePeriod, 'code'>, place: TerritoryOn): boolean {
  if (place.kind === 'unit') return place.unit.province === period.code;
  if (place.kind === 'ambiguous') return place.candidates.some((candidate) => candidate.province === period.code);
  return true;
}

/** The province of a day as the snapshot names it. */
export function provinceOfDay(province: Province, day: IsoDay): { period: ProvincePeriod; ref: KpiSnapshot['province'] } {
  const period = provinceOn(province, day);
  return {
    period,
    ref: {
      code: period.code,
      name: period.name,
      ...(period.validFrom !== undefined && province.periods[0] !== period && { since: period.validFrom }),
      ...(period.formedFrom.length > 0 && { formedFrom: period.formedFrom }),
    },
  };
}

/**
 * The notes a day's figures need: in the year a merged province began (after 1 January), its yearly figures count
 * the whole year, its former provinces' products before the merger included.
 */
export function notesOfDay(period: ProvincePeriod, day: IsoDay): SnapshotNote[] {
  const since = period.validFrom;
  const year = yearOf(day);
  if (since === undefined || period.formedFrom.length === 0 || yearOf(since) !== year || since === `${year}-01-01`) return [];
  return [{ kind: 'merged-province-year', year, since, province: { code: period.code, name: period.name }, formedFrom: period.formedFrom }];
}
