import type { IsoDay } from './calendar';

/**
 * The 2025 reform of local government, as dates the rules compare against.
 *
 * From 2025-07-01 Vietnam has two tiers of local government (province and
 * commune): the district level ended (Luật Tổ chức chính quyền địa phương
 * số 72/2025/QH15, in force 2025-07-01), Trà Vinh, Vĩnh Long and Bến Tre were
 * merged into the new Vĩnh Long province (Nghị quyết 202/2025/QH15), and the
 * communes and wards got the 5-digit codes of Quyết định 19/2025/QĐ-TTg
 * (docs/units.md names the sources of the shipped units).
 */
export const TWO_TIER_FROM: IsoDay = '2025-07-01';

/** The legal reference a rejection quotes when it explains the reform to an operator. */
export const TWO_TIER_REFERENCE = 'Luật Tổ chức chính quyền địa phương 72/2025/QH15: two-tier local government';

/** Whether a day falls on or after the reform (no districts, communes publish). */
export function isAfterReform(day: IsoDay): boolean {
  return day >= TWO_TIER_FROM;
}
