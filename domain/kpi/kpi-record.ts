import type { ProductGroup, ProductSet } from '../../events';
import type { IsoDay } from '../calendar';
import { listedIntervals, type DatedDecision } from '../certificate';
import type { ProductState } from '../product';
import type { IpGrant, ScienceTask } from '../province-facts';

/**
 * The read model of the KPIs: per product, the few dates that matter, small
 * enough that a function loads every product of a province in a few requests
 * and keeps them in memory. computeSnapshot answers any `asOf` from these.
 * Each projection item carries its record (projection-store.ts), so the
 * record is written in the same request as the state.
 */
export interface ProductKpiRecord {
  productId: string;
  name: string;
  group: ProductGroup;
  registeredOn: IsoDay;
  /** The unit of the registration, then the unit from each transfer's effective day. */
  units: { from: IsoDay | null; unitCode: string }[];
  /** The commune the registration names, if any: the hint that places a former district's product after the 2025 reform. */
  communeCode?: string;
  /** The product set of Quyết định 26/2026/QĐ-TTg's Appendix I, when the registration gives it. */
  productSet?: ProductSet;
  /** In canonical order (the latest is the certificate). */
  decisions: KpiDecision[];
  revocations: { decisionDate: IsoDay }[];
  /** The first day it was enrolled in a traceability system. */
  tracedFrom?: IsoDay;
  /** Days with at least one marketplace listing: [from, until) intervals. */
  listed: [IsoDay, IsoDay | null][];
}

/** A decision as the KPIs need it: its certificate, and the province's rating round when the province decided. */
export interface KpiDecision extends DatedDecision {
  /** The round (đợt) of a province decision in its year (product/state.ts Decision.round); absent for other councils. */
  provinceRound?: number;
}

export type KpiRecord =
  | { kind: 'product'; product: ProductKpiRecord }
  | { kind: 'ip'; grant: IpGrant }
  | { kind: 'task'; task: ScienceTask };

export function productKpiRecord(state: ProductState): ProductKpiRecord {
  const tracedFrom = state.enrollments.map((e) => e.day).sort()[0];
  return {
    productId: state.productId,
    name: state.registration.name,
    group: state.registration.group,
    registeredOn: state.registration.registeredOn,
    units: [{ from: null, unitCode: state.registration.districtCode }, ...state.transfers.map((t) => ({ from: t.effectiveOn, unitCode: t.toUnitCode }))],
    ...(state.registration.communeCode !== undefined && { communeCode: state.registration.communeCode }),
    ...(state.registration.productSet !== undefined && { productSet: state.registration.productSet }),
    decisions: state.decisions.map(({ decisionDate, stars, level, validUntil, council, round }) => ({
      decisionDate,
      stars,
      ...(level !== undefined && { level }),
      validUntil,
      ...(council === 'province' && round !== undefined && { provinceRound: round }),
    })),
    revocations: state.revocations.map(({ decisionDate }) => ({ decisionDate })),
    ...(tracedFrom !== undefined && { tracedFrom }),
    listed: listedIntervals(state),
  };
}

/** The unit a record is counted under on `day`. */
export function recordUnitOn(record: Pick<ProductKpiRecord, 'units'>, day: IsoDay): string {
  let unit = record.units[0]!.unitCode;
  for (const { from, unitCode } of record.units) if (from === null || from <= day) unit = unitCode;
  return unit;
}

/**
 * Compact text of a record (stored as one string attribute): tuples instead of
 * named fields, so 20,000 products are a few megabytes.
 */
export function encodeKpiRecord(record: KpiRecord): string {
  if (record.kind !== 'product') return JSON.stringify(record);
  const p = record.product;
  return JSON.stringify([
    'p',
    p.productId,
    p.name,
    p.group,
    p.registeredOn,
    p.units.map((u) => [u.from, u.unitCode]),
    p.decisions.map((d) => (d.provinceRound === undefined ? [d.decisionDate, d.stars, d.level ?? null, d.validUntil] : [d.decisionDate, d.stars, d.level ?? null, d.validUntil, d.provinceRound])),
    p.revocations.map((r) => r.decisionDate),
    p.tracedFrom ?? null,
    p.listed,
    p.communeCode ?? null,
    ...(p.productSet !== undefined ? [p.productSet] : []),
  ]);
}

export class KpiRecordFormatError extends Error {
  override name = 'KpiRecordFormatError';
}

export function decodeKpiRecord(text: string): KpiRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new KpiRecordFormatError(`Not a KPI record: ${text.slice(0, 80)}`, { cause: error });
  }
  if (!Array.isArray(value)) return value as KpiRecord;
  // Records written before the 2025 reform work end at `listed` (no communeCode): they read as without a hint.
  // Records written before 26/2026/QĐ-TTg was encoded have no productSet, and decisions of four elements (no round).
  const [tag, productId, name, group, registeredOn, units, decisions, revocations, tracedFrom, listed, communeCode, productSet] = value as [
    string, string, string, ProductGroup, IsoDay, [IsoDay | null, string][], [IsoDay, number, DatedDecision['level'] | null, IsoDay, number?][], IsoDay[], IsoDay | null, [IsoDay, IsoDay | null][], (string | null)?, ProductSet?,
  ];
  if (tag !== 'p') throw new KpiRecordFormatError(`Unknown KPI record tag ${String(tag)}`);
  return {
    kind: 'product',
    product: {
      productId,
      name,
      group,
      registeredOn,
      units: units.map(([from, unitCode]) => ({ from, unitCode })),
      ...(typeof communeCode === 'string' && { communeCode }),
      ...(typeof productSet === 'string' && { productSet }),
      decisions: decisions.map(([decisionDate, stars, level, validUntil, provinceRound]) => ({
        decisionDate,
        stars,
        ...(level !== null && { level }),
        validUntil,
        ...(typeof provinceRound === 'number' && { provinceRound }),
      })),
      revocations: revocations.map((decisionDate) => ({ decisionDate })),
      ...(tracedFrom !== null && { tracedFrom }),
      listed,
    },
  };
}
