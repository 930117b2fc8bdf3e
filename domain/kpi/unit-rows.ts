import type { IsoDay } from '../calendar';
import { isInForce, unitAsOf, type UnitDirectory } from '../units';
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
