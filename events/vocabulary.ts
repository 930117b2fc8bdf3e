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
