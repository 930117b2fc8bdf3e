import type { IsoDay } from './calendar';
import { isAfterReform, TWO_TIER_FROM } from './reform';
import { DECISION_26_2026 } from './rules-26-2026';

/**
 * The id scheme of the merged province's register (docs/sources-and-councils.md, "Product ids").
 *
 * On 2025-07-01 Bến Tre (GSO code 83), Trà Vinh (84) and Vĩnh Long (86) became one province,
 * Vĩnh Long (86) (the codes as the shipped units files give them, docs/units.md). Their registers
 * live in one deployment, so a productId says whose register it comes from:
 * - registered before 2025-07-01: `<former province>-<district>-<rest>`, e.g. `84-842-0001`;
 * - registered from 2025-07-01: `86-<commune>-<rest>`, e.g. `86-29242-0001`.
 * The district segment has 3 digits and the commune segment 5, so old Vĩnh Long's ids (86-8xx-…)
 * never clash with the merged province's (86-29xxx-…). Ids outside the scheme (any id that does
 * not start with two digits and a dash, such as the demo's `TV842-0001`) are accepted as before:
 * the scheme is checked only where an id claims it.
 *
 * The product code of Quyết định 26/2026/QĐ-TTg is one form of the merged province's ids: Appendix II heads each
 * evaluation sheet with "Mã số sản phẩm (T)-(X)-(STT)-20…", T the province's code, X the commune's, STT the number the
 * commune gives the product, and the year of the evaluation, the unit codes being those of Quyết định 19/2025/QĐ-TTg.
 * An id of four numeric segments claims it: its province must be the merged province's, its commune a 5-digit code and
 * the registration's own commune (communeCode, when given), its year four digits from 20…, e.g. `86-29242-0001-2026`.
 */
export const FORMER_PROVINCES: Readonly<Record<string, string>> = { '83': 'Bến Tre', '84': 'Trà Vinh', '86': 'Vĩnh Long' };
export const MERGED_PROVINCE = { code: '86', name: 'Vĩnh Long' } as const;

const CLAIMS_SCHEME = /^\d{2}-/;
const BEFORE_MERGE = /^(\d{2})-(\d{3})-\S+$/;
const AFTER_MERGE = /^(\d{2})-(\d{5})-\S+$/;
/** Four numeric segments: the form of the decision's product code. */
const CLAIMS_DECISION_CODE = /^(\d+)-(\d+)-(\d+)-(\d+)$/;
const DECISION_CODE_EXAMPLE = `${MERGED_PROVINCE.code}-29242-0001-2026`;

/** Why a productId registered on `day` (in `communeCode`, when the registration names it) breaks the scheme it claims, or undefined. */
export function productIdProblem(productId: string, day: IsoDay, communeCode?: string): string | undefined {
  if (!CLAIMS_SCHEME.test(productId)) return undefined;
  if (isAfterReform(day)) {
    const match = AFTER_MERGE.exec(productId);
    if (match?.[1] === MERGED_PROVINCE.code) return decisionCodeProblem(productId, communeCode);
    return `${productId} starts like a province-scheme id, but a product registered from ${TWO_TIER_FROM} is numbered ${MERGED_PROVINCE.code}-<5-digit commune code>-<number>, e.g. ${MERGED_PROVINCE.code}-29242-0001`;
  }
  const match = BEFORE_MERGE.exec(productId);
  if (match && Object.hasOwn(FORMER_PROVINCES, match[1]!)) return undefined;
  const provinces = Object.entries(FORMER_PROVINCES).map(([code, name]) => `${code} ${name}`).join(', ');
  return `${productId} starts like a province-scheme id, but a product registered before ${TWO_TIER_FROM} is numbered <former province>-<3-digit district code>-<number> (${provinces}), e.g. 84-842-0001`;
}

/** Why an id that claims the product code of 26/2026/QĐ-TTg (Appendix II) breaks it, or undefined. */
function decisionCodeProblem(productId: string, communeCode: string | undefined): string | undefined {
  const match = CLAIMS_DECISION_CODE.exec(productId);
  if (!match) return undefined;
  const [, , commune, , year] = match as unknown as [string, string, string, string, string];
  const form = `Appendix II of ${DECISION_26_2026.citation} numbers a product (province)-(commune)-(number)-(year of evaluation), e.g. ${DECISION_CODE_EXAMPLE}`;
  if (!/^20\d{2}$/.test(year)) return `${productId} has the form of the product code of ${DECISION_26_2026.citation}, but its year ${year} is not a year written 20YY: ${form}`;
  if (communeCode !== undefined && commune !== communeCode) {
    return `${productId} has the form of the product code of ${DECISION_26_2026.citation}, but names commune ${commune} while the registration's communeCode is ${communeCode}: ${form}`;
  }
  return undefined;
}
