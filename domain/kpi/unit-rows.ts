import type { IsoDay } from '../calendar';
import { activeCertificateOn } from '../certificate';
import type { OcopLevel } from '../stars';
import { isInForce, territoryOn, unitAsOf, type TerritoryOn, type UnitDirectory } from '../units';
import { recordUnitOn, type ProductKpiRecord } from './kpi-record';
import type { DistrictBreakdown } from './snapshot';

/**
 * Names every row of a breakdown from the units data: its name and kind, and
 * `former` when its unit is not in force on the day (a former district after
 * the 2025 reform). A row whose code the units data does not know keeps what
 * it has (the province file's name, if any).
 */
export function nameRows(rows: Record<string, DistrictBreakdown>, units: UnitDirectory, day: IsoDay): void {
  for (const [code, row] of Object.entries(rows)) {
    const unit = unitAsOf(units, code, day);
    if (unit === undefined) continue;
    row.name = unit.name;
    row.kind = unit.kind;
    if (!isInForce(unit, day)) row.former = true;
    else delete row.former;
  }
}

/** territoryOn for one day, remembered per (unit, commune hint): a province has few units and many products. */
export function territoriesOn(units: UnitDirectory, day: IsoDay): (code: string, communeCode: string | undefined) => TerritoryOn {
  const known = new Map<string, TerritoryOn>();
  return (code, communeCode) => {
    const key = `${code}|${communeCode ?? ''}`;
    let place = known.get(key);
    if (place === undefined) known.set(key, (place = territoryOn(units, code, day, communeCode)));
    return place;
  };
}

/**
 * Where a product counts on a day, given the unit recorded for it that day: the registered commune narrows the
 * registered unit's successors; after a transfer the record's unit is the province's word. The one rule byUnit,
 * unassigned, expiring[] and `GET /v1/products?unit=` share.
 */
export function placeOfRecord(
  product: Pick<ProductKpiRecord, 'units' | 'communeCode'>,
  recordedUnit: string,
  placeOf: (code: string, communeCode: string | undefined) => TerritoryOn,
): TerritoryOn {
  return placeOf(recordedUnit, recordedUnit === product.units[0]!.unitCode ? product.communeCode : undefined);
}

/** A row of the breakdown by unit on a day: a unit in force (byUnit), or a former unit's products not yet assigned (unassigned). */
export type UnitRowKey = { unit: string } | { unassigned: string };

/**
 * The products that count in one row on `day` (a unit's row of byUnit, or a former unit's row of unassigned),
 * registered by then, optionally of one level (the certificate in force that day) and group; sorted by product id.
 */
export function productsOfRowOn(
  products: readonly ProductKpiRecord[],
  units: UnitDirectory,
  row: UnitRowKey,
  day: IsoDay,
  filters: { level?: OcopLevel; group?: string } = {},
): ProductKpiRecord[] {
  const placeOf = territoriesOn(units, day);
  return products
    .filter((product) => {
      if (product.registeredOn > day) return false;
      if (filters.group !== undefined && product.group !== filters.group) return false;
      if (filters.level !== undefined && activeCertificateOn(product, day)?.level !== filters.level) return false;
      const recorded = recordUnitOn(product, day);
      const place = placeOfRecord(product, recorded, placeOf);
      return 'unit' in row ? place.kind === 'unit' && place.unit.code === row.unit : place.kind !== 'unit' && recorded === row.unassigned;
    })
    .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}
