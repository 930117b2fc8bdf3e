import type { DistrictBreakdown, ExpiringCertificate, KpiSnapshot, UnassignedBreakdown } from '../domain';
import type { ReportLabels } from './labels';

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

/** A unit's name as the snapshot gives it (any breakdown, or the expiring list), else its code. */
export function unitNameIn(snapshot: KpiSnapshot, code: string): string {
  return (
    unitBreakdown(snapshot, code)?.name ??
    snapshot.breakdown.unassigned?.[code]?.name ??
    snapshot.expiring.find((c) => c.unitCode === code && c.unitName !== undefined)?.unitName ??
    code
  );
}

/** Whether the snapshot says a unit is a former one (not in force on its day). */
export function isFormerIn(snapshot: KpiSnapshot, code: string): boolean {
  return snapshot.breakdown.byUnit?.[code] === undefined && (snapshot.breakdown.byDistrict[code]?.former === true || snapshot.breakdown.unassigned?.[code] !== undefined);
}

/** A unit as every surface shows it: its name first, its code second; a former unit says so. */
export function unitLabel(labels: ReportLabels, name: string | undefined, code: string, former = false): string {
  if (name === undefined) return code;
  return labels.units.withCode(name, code, former);
}

/** The unit that holds a certificate's product on the snapshot's day (unitCode; districtCode in snapshots stored before it), labelled. */
export function expiringUnitLabel(labels: ReportLabels, snapshot: KpiSnapshot, certificate: ExpiringCertificate): string {
  const code = certificate.unitCode ?? certificate.districtCode;
  const name = certificate.unitName ?? unitNameIn(snapshot, code);
  const label = unitLabel(labels, name === code ? undefined : name, code, certificate.unassigned === true || isFormerIn(snapshot, code));
  return certificate.unassigned ? `${label} – ${labels.units.notYetAssigned}` : label;
}

/** The candidates of an unassigned row, named first: "Phường Trà Vinh (mã 29242); …", or that the unit is not in the units data. */
export function candidatesNote(labels: ReportLabels, row: Pick<UnassignedBreakdown, 'candidates'>): string {
  return row.candidates.length > 0
    ? labels.units.mayBelongTo(row.candidates.map((candidate) => labels.units.withCode(candidate.name, candidate.code)).join('; '))
    : labels.units.notInUnitsData;
}

/** How many products wait in an unassigned row (snapshots stored before `products` existed: the active ones). */
export function waitingProducts(row: Pick<UnassignedBreakdown, 'products' | 'active'>): number {
  return row.products ?? row.active;
}

/** The unassigned rows whose candidates include unit `code`: products that may be that unit's, waiting for the province. */
export function pendingFor(snapshot: KpiSnapshot, code: string): Array<[string, UnassignedBreakdown]> {
  return Object.entries(snapshot.breakdown.unassigned ?? {}).filter(([, row]) => row.candidates.some((candidate) => candidate.code === code));
}

/** Whether a certificate belongs in the own-unit section of unit `code`: the unit that holds it that day, or the unit recorded for it. */
export function expiringOf(certificate: ExpiringCertificate, code: string): boolean {
  return (certificate.unitCode ?? certificate.districtCode) === code || certificate.districtCode === code;
}
