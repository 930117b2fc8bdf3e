import type { IsoDay, OcopLevel } from '../../domain';
import type { Council, ProductGroup, SubjectKind } from '../../events';
import { REGISTER_LABELS, type Language } from '../labels';

/**
 * The product register as a spreadsheet, defined once (issue 19): the export
 * (GET /v1/products.xlsx and .csv), the import template and the importer all
 * read these columns. Each column has a key (the code's name), a Vietnamese
 * header (its name in the sheet), an English alias the importer accepts too,
 * its meaning (report/labels.ts, REGISTER_LABELS) and its type.
 */
export type RegisterColumnKey =
  | 'productId'
  | 'name'
  | 'unitCode'
  | 'unit'
  | 'communeCode'
  | 'ownerName'
  | 'ownerKind'
  | 'group'
  | 'registeredOn'
  | 'stars'
  | 'level'
  | 'fiveStarPotential'
  | 'score'
  | 'council'
  | 'active'
  | 'decisionNo'
  | 'decisionDate'
  | 'validUntil'
  | 'marketplaces'
  | 'traceability';

/**
 * - text: free text (a producer's: always written inert, report/inert-text.ts);
 * - code: an id or a code, text;
 * - day: a calendar day (a date cell, dd/mm/yyyy or yyyy-mm-dd text, or an Excel serial);
 * - stars: a whole number 1..5; decimal: a number;
 * - yesNo: Có/Không (Yes/No);
 * - choice: one of a closed list, written as its label (the id is accepted too);
 * - unit: a unit's name in force on the registration day;
 * - list: entries separated by ";" or new lines (listings, traceability);
 * - computed: written by the export, ignored by the import.
 */
export type RegisterColumnType = 'text' | 'code' | 'day' | 'stars' | 'decimal' | 'yesNo' | 'choice' | 'unit' | 'list' | 'computed';

/** always: every row; withDecision: every row with stars (the certificate's fields go together); no: optional. */
export type Requirement = 'always' | 'withDecision' | 'no' | 'computed';

export interface RegisterColumn {
  key: RegisterColumnKey;
  type: RegisterColumnType;
  requirement: Requirement;
  /** Width in characters in the workbooks. */
  width: number;
}

/** The columns, in the order the export and the template write them. */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: 'productId', type: 'code', requirement: 'always', width: 18 },
  { key: 'name', type: 'text', requirement: 'always', width: 40 },
  { key: 'unitCode', type: 'code', requirement: 'no', width: 12 },
  { key: 'unit', type: 'unit', requirement: 'no', width: 28 },
  { key: 'communeCode', type: 'code', requirement: 'no', width: 14 },
  { key: 'ownerName', type: 'text', requirement: 'always', width: 36 },
  { key: 'ownerKind', type: 'choice', requirement: 'always', width: 22 },
  { key: 'group', type: 'choice', requirement: 'always', width: 28 },
  { key: 'registeredOn', type: 'day', requirement: 'always', width: 13 },
  { key: 'stars', type: 'stars', requirement: 'no', width: 8 },
  { key: 'level', type: 'computed', requirement: 'computed', width: 20 },
  { key: 'fiveStarPotential', type: 'yesNo', requirement: 'no', width: 12 },
  { key: 'score', type: 'decimal', requirement: 'withDecision', width: 10 },
  { key: 'council', type: 'choice', requirement: 'withDecision', width: 14 },
  { key: 'active', type: 'computed', requirement: 'computed', width: 10 },
  { key: 'decisionNo', type: 'code', requirement: 'withDecision', width: 18 },
  { key: 'decisionDate', type: 'day', requirement: 'withDecision', width: 13 },
  { key: 'validUntil', type: 'day', requirement: 'no', width: 13 },
  { key: 'marketplaces', type: 'list', requirement: 'no', width: 48 },
  { key: 'traceability', type: 'list', requirement: 'no', width: 36 },
];

/** The columns an officer fills (the template's): all but the computed ones. */
export const REGISTER_INPUT_COLUMNS: readonly RegisterColumn[] = REGISTER_COLUMNS.filter((column) => column.type !== 'computed');

export function registerHeader(key: RegisterColumnKey, language: Language): string {
  return REGISTER_LABELS[language].columns[key];
}

const normalised = (header: string) => header.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

const BY_HEADER: ReadonlyMap<string, RegisterColumn> = new Map(
  REGISTER_COLUMNS.flatMap((column) => (['vi', 'en'] as const).map((language) => [normalised(registerHeader(column.key, language)), column] as const)),
);

/** The column a sheet's header names: its Vietnamese name or its English alias (case and spacing do not matter). */
export function registerColumnOfHeader(header: string): RegisterColumn | undefined {
  return BY_HEADER.get(normalised(header));
}

/** A marketplace listing as one entry of the marketplaces cell. */
export interface RegisterListing {
  marketplace: string;
  listingUrl?: string;
  listedOn: IsoDay;
}

/** A traceability enrolment as one entry of the traceability cell. */
export interface RegisterEnrollment {
  system: string;
  traceCode?: string;
  enrolledOn: IsoDay;
}

/**
 * One product of the register: what the export writes and the import reads.
 * The certificate is the latest decision on the register's day.
 */
export interface ProductRegisterRow {
  productId: string;
  name: string;
  /** The unit that registered the product (a district before 2025-07-01, a commune from then on). */
  unitCode: string;
  /** Before the reform: the product's commune within its district. */
  communeCode?: string;
  ownerName: string;
  ownerKind: SubjectKind;
  group: ProductGroup;
  registeredOn: IsoDay;
  /** The latest decision on the day, whatever its stars. */
  stars?: number;
  level?: OcopLevel;
  fiveStarPotential?: boolean;
  score?: number;
  council?: Council;
  decisionNo?: string;
  decisionDate?: IsoDay;
  validUntil?: IsoDay;
  /** A valid certificate of 3 stars or more on the day. */
  active: boolean;
  /** Marketplaces the product is listed on, on the day. */
  listings: RegisterListing[];
  /** Traceability systems it is enrolled in, on the day. */
  traceability: RegisterEnrollment[];
}

/** A day YYYY-MM-DD as the sheets write it in text: dd/mm/yyyy. */
export function sheetDay(day: IsoDay): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** Entries of a list cell, one per line when written. */
export const LIST_SEPARATOR = /[;\n\r]+/;

export function listingEntry(listing: RegisterListing): string {
  return [listing.marketplace, listing.listingUrl, sheetDay(listing.listedOn)].filter((part) => part !== undefined).join(' ');
}

export function enrollmentEntry(enrollment: RegisterEnrollment): string {
  return [enrollment.system, enrollment.traceCode, sheetDay(enrollment.enrolledOn)].filter((part) => part !== undefined).join(' ');
}
