import type { DistrictBreakdown, KpiSnapshot } from '../domain';

/**
 * A unit's row of a snapshot, for the part of the report a unit's contacts get
 * first: its row of `byUnit` when the unit is in force on the snapshot's day (a
 * commune after the 2025 reform; before it, a district, with the figures of
 * byDistrict), else its row of `byDistrict` (a former district: the products
 * registered under it). Snapshots stored before byUnit existed have byDistrict only.
 */
export function unitBreakdown(snapshot: KpiSnapshot, code: string): DistrictBreakdown | undefined {
  return snapshot.breakdown.byUnit?.[code] ?? snapshot.breakdown.byDistrict[code];
}

/** A unit's name as the snapshot gives it, else its code. */
export function unitNameIn(snapshot: KpiSnapshot, code: string): string {
  return unitBreakdown(snapshot, code)?.name ?? code;
}
