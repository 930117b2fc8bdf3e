import { addDays, territoryOn, TWO_TIER_FROM, UNIT_LEVEL, type IsoDay, type UnitDirectory } from '../../domain';
import { shippedUnitDirectory } from '../../domain/data/shipped-units';

/**
 * The administrative units the demo's history speaks of: the shipped files (the districts of Trà Vinh,
 * the former Vĩnh Long and Bến Tre up to 2025-06-30, and the 124 communes and wards of the new Vĩnh Long).
 */
export function demoUnitDirectory(): UnitDirectory {
  return shippedUnitDirectory();
}

export class DemoUnitsError extends Error {
  override name = 'DemoUnitsError';
}

/**
 * The district-level units (cities, towns, districts) of a province on its last day with districts
 * (2025-06-30), by code, from the units files: the demo's districts are never listed by hand.
 */
export function districtsOf(directory: UnitDirectory, province: string): string[] {
  const lastDay = addDays(TWO_TIER_FROM, -1);
  const codes = directory
    .unitsOn(lastDay)
    .filter((unit) => unit.province === province && UNIT_LEVEL[unit.kind] === 'district')
    .map((unit) => unit.code)
    .sort();
  if (codes.length === 0) throw new DemoUnitsError(`province ${province}: no district-level unit on ${lastDay} in the units files`);
  return codes;
}

/** Throws unless every district a demo table names is one of `districts` (a table keyed by a code the units files lack is a typo). */
export function checkDistrictsKnown(named: Iterable<string>, districts: readonly string[], table: string): void {
  const unknown = [...new Set(named)].filter((code) => !districts.includes(code));
  if (unknown.length > 0) throw new DemoUnitsError(`${table}: district ${unknown.join(', ')} is not a district of the units files (${districts.join(', ')})`);
}

/**
 * The former communes (pre-2025 codes) of a district whose 2025 successor was formed from that
 * district alone (not shared with another district of `siblings`, not split): a product registered
 * in one of them has exactly one successor. Codes only from the units files.
 */
export function formerCommunesOf(directory: UnitDirectory, district: string, siblings: readonly string[]): string[] {
  const lastDay = addDays(TWO_TIER_FROM, -1);
  const shared = new Set(siblings.filter((other) => other !== district).flatMap((other) => directory.unitOn(other, lastDay)?.successors ?? []));
  const codes = (directory.unitOn(district, lastDay)?.successors ?? [])
    .filter((code) => !shared.has(code))
    .flatMap((code) => directory.unitOn(code, TWO_TIER_FROM)?.formedFrom.filter((p) => !p.part).map((p) => p.code) ?? [])
    .sort();
  if (codes.length === 0) throw new DemoUnitsError(`district ${district}: no former commune with a single 2025 successor in the units files`);
  return codes;
}

/** The commune or ward of 2025 (or later) that holds a former commune of a district on `day`. */
export function successorOn(directory: UnitDirectory, district: string, formerCommune: string, day: IsoDay): string {
  const territory = territoryOn(directory, district, day, formerCommune);
  if (territory.kind !== 'unit') throw new DemoUnitsError(`the territory of ${district} (commune ${formerCommune}) on ${day} is ${territory.kind}`);
  return territory.unit.code;
}
