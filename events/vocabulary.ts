/**
 * The closed vocabularies of the public contract (CONTRACT §1).
 * Everything that validates, folds or reports on events reads these lists.
 */
export const PRODUCT_GROUPS = ['food', 'beverage', 'herbal', 'handicraft', 'ornamental', 'tourism'] as const;
export type ProductGroup = (typeof PRODUCT_GROUPS)[number];

export const SUBJECT_KINDS = ['enterprise', 'cooperative', 'cooperative_group', 'household'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const COUNCILS = ['district', 'province', 'central'] as const;
export type Council = (typeof COUNCILS)[number];

export const IP_KINDS = [
  'collective_mark',
  'ordinary_mark',
  'certification_mark',
  'geographical_indication',
  'industrial_design',
  'patent',
  'international_mark',
] as const;
export type IpKind = (typeof IP_KINDS)[number];

/** EventBridge `Source` of the provincial office. */
export const PROVINCE_SOURCE = 'ocop.province';
/** EventBridge `Source` prefix of district systems: `ocop.district.<districtCode>`. */
export const DISTRICT_SOURCE_PREFIX = 'ocop.district.';
/** EventBridge `Source` prefix of commune and ward systems since the 2025 reform: `ocop.commune.<communeCode>` (5 digits). */
export const COMMUNE_SOURCE_PREFIX = 'ocop.commune.';
/** Every source of this system starts with this. */
export const OCOP_SOURCE_PREFIX = 'ocop.';

export function districtSource(districtCode: string): string {
  return `${DISTRICT_SOURCE_PREFIX}${districtCode}`;
}

/** The district code named by a `Source`, or undefined for the province (or a malformed source). */
export function districtCodeOfSource(source: string): string | undefined {
  return source.startsWith(DISTRICT_SOURCE_PREFIX) ? source.slice(DISTRICT_SOURCE_PREFIX.length) : undefined;
}

export function communeSource(communeCode: string): string {
  return `${COMMUNE_SOURCE_PREFIX}${communeCode}`;
}

/** The commune code named by a `Source`, or undefined for the province, a district (or a malformed source). */
export function communeCodeOfSource(source: string): string | undefined {
  return source.startsWith(COMMUNE_SOURCE_PREFIX) ? source.slice(COMMUNE_SOURCE_PREFIX.length) : undefined;
}

/** The unit (district or commune) a `Source` speaks for, or undefined for the province. */
export function unitCodeOfSource(source: string): string | undefined {
  return districtCodeOfSource(source) ?? communeCodeOfSource(source);
}

/**
 * The product sets (bộ sản phẩm) of Quyết định 26/2026/QĐ-TTg (22/5/2026), by their place in its Appendix I
 * (Danh mục phân loại sản phẩm): the sector's Roman numeral, the group's number, and the subgroup's letter where
 * the group is divided (e.g. `I.3.b`, "Chế biến từ gạo, ngũ cốc"; `I.6`, "Cà phê, ca cao", has no subgroups). The
 * 26 leaves of Appendix I are the 26 product sets of Appendix II, in the same order. Their names, groups, sectors
 * and lead ministries are in domain/product-sets.ts; the source is named there and in docs/sources-and-councils.md.
 */
export const PRODUCT_SETS = [
  'I.1.a', 'I.1.b', 'I.2.a', 'I.2.b', 'I.3.a', 'I.3.b', 'I.3.c', 'I.3.d', 'I.4.a', 'I.4.b', 'I.5.a', 'I.5.b', 'I.6',
  'II.1.a', 'II.1.b', 'II.2.a', 'II.2.b',
  'III.1', 'III.2', 'III.3',
  'IV.1', 'IV.2',
  'V.1', 'V.2', 'V.3',
  'VI.1',
] as const;
export type ProductSet = (typeof PRODUCT_SETS)[number];
