import { isIsoDay, unitsInForce, type IsoDay, type UnitDirectory } from '../../../domain';
import { COUNCILS, PRODUCT_GROUPS, SUBJECT_KINDS } from '../../../events';
import { restoreInertText } from '../../../report/inert-text';
import { REGISTER_LABELS, registerLabelsFor, UI_LABELS, type Language } from '../../../report/labels';
import { LIST_SEPARATOR, REGISTER_COLUMNS, type ProductRegisterRow, type RegisterColumnKey, type RegisterEnrollment, type RegisterListing } from '../../../report/register/columns';
import type { RawCell, RawRow } from './read-sheet';

/** A row as the import reads it: the register's row without what the system computes. */
export type ImportedRow = Omit<ProductRegisterRow, 'level' | 'active'>;

export interface CellProblem {
  rowNumber: number;
  /** The column the problem is in. */
  key: RegisterColumnKey;
  reason: string;
}

export type ParsedRow = { rowNumber: number; row: ImportedRow; problems: [] } | { rowNumber: number; row?: undefined; productId?: string; problems: CellProblem[] };

const normal = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** label (vi or en) or id → id, for each closed list. */
function choices<T extends string>(ids: readonly T[], label: (language: Language, id: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const id of ids) {
    map.set(normal(id), id);
    for (const language of ['vi', 'en'] as const) map.set(normal(label(language, id)), id);
  }
  return map;
}
const OWNER_KINDS = choices(SUBJECT_KINDS, (l, id) => UI_LABELS[l].subjectKinds[id]);
const GROUPS = choices(PRODUCT_GROUPS, (l, id) => UI_LABELS[l].groups[id]);
const COUNCIL_CHOICES = choices(COUNCILS, (l, id) => REGISTER_LABELS[l].councils[id]);
const YES = new Set(['có', 'co', 'yes', 'true', 'x'].map(normal));
const NO = new Set(['không', 'khong', 'no', 'false'].map(normal));
/** Excel's day 0 of the 1900 date system, as JavaScript counts (the 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * One row's cells as a register row, or every problem of its cells (each
 * named by its column). Units are resolved by code or name among the units in
 * force on the row's registration day.
 */
export function parseRow(raw: RawRow, directory: UnitDirectory, language: Language): ParsedRow {
  const labels = registerLabelsFor(language).problems;
  const problems: CellProblem[] = [];
  const fail = (key: RegisterColumnKey, reason: string): undefined => {
    problems.push({ rowNumber: raw.rowNumber, key, reason });
    return undefined;
  };
  const cellOf = (key: RegisterColumnKey): RawCell | undefined => {
    const cell = raw.cells[key];
    if (cell?.formula) return fail(key, labels.formula);
    if (cell?.unreadable) return fail(key, labels.notANumber('#'));
    return cell;
  };
  const text = (key: RegisterColumnKey, max = 500): string | undefined => {
    const cell = cellOf(key);
    if (cell?.value === undefined) return undefined;
    const value = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : restoreInertText(String(cell.value)).trim();
    if (value.length > max) return fail(key, labels.tooLong(max));
    return value === '' ? undefined : value;
  };
  const day = (key: RegisterColumnKey): IsoDay | undefined => {
    const cell = cellOf(key);
    if (cell?.value === undefined) return undefined;
    return dayOf(cell.value) ?? fail(key, labels.notADay(String(cell.value)));
  };
  const number = (key: RegisterColumnKey): number | undefined => {
    const cell = cellOf(key);
    if (cell?.value === undefined) return undefined;
    const value = typeof cell.value === 'number' ? cell.value : typeof cell.value === 'string' ? Number(cell.value.trim().replace(/^(\d+),(\d+)$/, '$1.$2')) : NaN;
    return Number.isFinite(value) ? value : fail(key, labels.notANumber(String(cell.value)));
  };
  const choice = <T extends string>(key: RegisterColumnKey, map: Map<string, T>, shown: readonly string[]): T | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    return map.get(normal(value)) ?? fail(key, labels.notAChoice(value, shown.join('; ')));
  };
  const ui = UI_LABELS[language];
  const register = REGISTER_LABELS[language];

  const productId = text('productId', 128);
  const name = text('name');
  const ownerName = text('ownerName');
  const ownerKind = choice('ownerKind', OWNER_KINDS, SUBJECT_KINDS.map((k) => ui.subjectKinds[k]));
  const group = choice('group', GROUPS, PRODUCT_GROUPS.map((g) => ui.groups[g]));
  const registeredOn = day('registeredOn');
  const communeCode = text('communeCode', 5);
  const stars = number('stars');
  if (stars !== undefined && (!Number.isInteger(stars) || stars < 1 || stars > 5)) fail('stars', labels.notWholeStars(String(stars)));
  const score = number('score');
  const council = choice('council', COUNCIL_CHOICES, COUNCILS.map((c) => register.councils[c]));
  const decisionNo = text('decisionNo', 100);
  const decisionDate = day('decisionDate');
  const validUntil = day('validUntil');
  const fiveStarPotential = yesNo(cellOf('fiveStarPotential'), () => fail('fiveStarPotential', labels.notYesNo(String(raw.cells.fiveStarPotential?.value))));
  const listings = listOf(text('marketplaces', 5000), parseListing, (entry) => fail('marketplaces', labels.badListing(entry)));
  const traceability = listOf(text('traceability', 5000), parseEnrollment, (entry) => fail('traceability', labels.badEnrollment(entry)));

  for (const column of REGISTER_COLUMNS) {
    if (column.requirement === 'always' && raw.cells[column.key] === undefined) fail(column.key, labels.required);
  }
  const decisionGiven = [stars, score, council, decisionNo, decisionDate].some((v) => v !== undefined) || raw.cells.stars !== undefined;
  if (decisionGiven) {
    for (const key of ['stars', 'score', 'council', 'decisionNo', 'decisionDate'] as const) {
      if (raw.cells[key] === undefined) fail(key, labels.decisionIncomplete);
    }
  }
  const unitCode = registeredOn === undefined ? undefined : resolveUnit(raw, text('unitCode', 5), text('unit'), registeredOn, directory, language, fail);
  if (registeredOn !== undefined && raw.cells.unitCode === undefined && raw.cells.unit === undefined) fail('unit', labels.required);

  if (problems.length > 0 || !productId || !name || !ownerName || !ownerKind || !group || !registeredOn || !unitCode) {
    return { rowNumber: raw.rowNumber, ...(productId !== undefined && { productId }), problems: problems.length > 0 ? problems : [{ rowNumber: raw.rowNumber, key: 'productId', reason: labels.required }] };
  }
  const row: ImportedRow = {
    productId,
    name,
    unitCode,
    ...(communeCode !== undefined && { communeCode }),
    ownerName,
    ownerKind,
    group,
    registeredOn,
    ...(stars !== undefined && {
      stars,
      score: score!,
      council: council!,
      decisionNo: decisionNo!,
      decisionDate: decisionDate!,
      ...(validUntil !== undefined && { validUntil }),
      ...(fiveStarPotential !== undefined && { fiveStarPotential }),
    }),
    listings: listings.map((entry) => ({ ...entry, listedOn: entry.listedOn ?? registeredOn })),
    traceability: traceability.map((entry) => ({ ...entry, enrolledOn: entry.enrolledOn ?? registeredOn })),
  };
  return { rowNumber: raw.rowNumber, row, problems: [] };
}

function yesNo(cell: RawCell | undefined, fail: () => undefined): boolean | undefined {
  if (cell?.value === undefined) return undefined;
  if (typeof cell.value === 'boolean') return cell.value;
  const value = normal(String(cell.value));
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return fail();
}

/** A day from a date cell, an Excel serial, or text dd/mm/yyyy (d/m/yyyy) or yyyy-mm-dd; undefined if none. */
export function dayOf(value: RawValue): IsoDay | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2958465) return undefined;
    return new Date(EXCEL_EPOCH_MS + value * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : text;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isIsoDay(iso) ? iso : undefined;
}
type RawValue = string | number | boolean | Date;

function listOf<T>(cell: string | undefined, parseEntry: (entry: string) => T | undefined, fail: (entry: string) => undefined): T[] {
  if (cell === undefined) return [];
  const entries: T[] = [];
  for (const entry of cell.split(LIST_SEPARATOR).map((e) => e.trim()).filter((e) => e !== '')) {
    const parsed = parseEntry(entry);
    if (parsed === undefined) fail(entry);
    else entries.push(parsed);
  }
  return entries;
}

type Partial2<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** `<marketplace> [https://…] [dd/mm/yyyy]` */
function parseListing(entry: string): Partial2<RegisterListing, 'listedOn'> | undefined {
  const [marketplace, ...rest] = entry.split(/\s+/);
  if (!marketplace || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(marketplace)) return undefined;
  let listedOn: IsoDay | undefined;
  let listingUrl: string | undefined;
  for (const part of rest) {
    if (/^https?:\/\//i.test(part) && listingUrl === undefined) listingUrl = part;
    else if (listedOn === undefined && dayOf(part) !== undefined) listedOn = dayOf(part);
    else return undefined;
  }
  return { marketplace, ...(listingUrl !== undefined && { listingUrl }), ...(listedOn !== undefined && { listedOn }) };
}

/** `<system> [trace code] [dd/mm/yyyy]` */
function parseEnrollment(entry: string): Partial2<RegisterEnrollment, 'enrolledOn'> | undefined {
  const parts = entry.split(/\s+/);
  const system = parts.shift();
  if (!system) return undefined;
  const last = parts.at(-1);
  const enrolledOn = last !== undefined ? dayOf(last) : undefined;
  if (enrolledOn !== undefined) parts.pop();
  const traceCode = parts.join(' ');
  return { system, ...(traceCode !== '' && { traceCode }), ...(enrolledOn !== undefined && { enrolledOn }) };
}

function resolveUnit(
  raw: RawRow,
  code: string | undefined,
  name: string | undefined,
  day: IsoDay,
  directory: UnitDirectory,
  language: Language,
  fail: (key: RegisterColumnKey, reason: string) => undefined,
): string | undefined {
  const labels = registerLabelsFor(language).problems;
  if (code !== undefined) {
    const unit = directory.unitOn(code, day);
    if (!unit) return fail('unitCode', labels.unknownUnit(code, day));
    // The name is informative next to a code; it is wrong only when it names another unit in force that day.
    const other = name === undefined ? [] : unitsInForce(directory.units, day).filter((u) => u.code !== code && normal(u.name) === normal(name));
    if (name !== undefined && normal(unit.name) !== normal(name) && other.length > 0) return fail('unit', labels.unitMismatch(code, name));
    return code;
  }
  if (name === undefined) return undefined;
  const named = unitsInForce(directory.units, day).filter((unit) => normal(unit.name) === normal(name));
  if (named.length === 0) return fail('unit', labels.unknownUnit(name, day));
  if (named.length > 1) return fail('unit', labels.ambiguousUnit(name, named.map((u) => u.code).join(', ')));
  void raw;
  return named[0]!.code;
}
