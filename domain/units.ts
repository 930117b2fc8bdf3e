import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { memoized } from '../events/memoized';
import { addDays, isIsoDay, type IsoDay } from './calendar';

/**
 * Administrative units as versioned data, read from a units CSV file (format: docs/units.md).
 * A unit is in force from `validFrom` to `validTo` (both inclusive; empty = open); when it
 * ends, its `successors` take over its territory. Trà Vinh's districts run to 2025-06-30;
 * the communes and wards of the merged Vĩnh Long province start on 2025-07-01.
 */
export const UNIT_KINDS = ['city', 'town', 'district', 'commune', 'ward', 'specialZone'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** City (thành phố), town (thị xã) and district (huyện) were district-level; the rest are commune-level. */
export const UNIT_LEVEL: Readonly<Record<UnitKind, 'district' | 'commune'>> = {
  city: 'district',
  town: 'district',
  district: 'district',
  commune: 'commune',
  ward: 'commune',
  specialZone: 'commune',
};

/** GSO code length per level: 3 digits for district-level units, 5 for commune-level ones. */
const CODE_PATTERN = { district: /^\d{3}$/, commune: /^\d{5}$/ } as const;

export const UNITS_CSV_COLUMNS = ['code', 'name', 'kind', 'validFrom', 'validTo', 'successors', 'formedFrom', 'province', 'source'] as const;
type Column = (typeof UNITS_CSV_COLUMNS)[number];

/** A former unit a unit was formed from; `part` when only part of its territory went into this unit. */
export interface Predecessor {
  code: string;
  part: boolean;
}

export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  /** Absent when the start is not in the source (it predates the data). */
  validFrom?: IsoDay;
  /** Absent while the unit is in force. */
  validTo?: IsoDay;
  successors: string[];
  formedFrom: Predecessor[];
  /** The 2-digit GSO code of the province the unit belongs to. */
  province: string;
  /** The public source of the row (document number, clause). */
  source: string;
}

export class UnitsFileError extends Error {
  override name = 'UnitsFileError';
  constructor(
    message: string,
    readonly origin: string,
    readonly line?: number,
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const optionalDay = memoized(() =>
  z
    .string()
    .refine((s) => s === '' || isIsoDay(s), { error: 'must be a date YYYY-MM-DD or empty' })
    .transform((s) => (s === '' ? undefined : s)),
);

const listOf = <T>(item: z.ZodType<T, string>) =>
  z
    .string()
    .transform((s) => (s === '' ? [] : s.split(';').map((part) => part.trim())))
    .pipe(z.array(item));

const predecessor = memoized(() =>
  z
    .string()
    .regex(/^\d{3,5}(\(part\))?$/, { error: 'each entry must be a code, optionally followed by (part)' })
    .transform((s): Predecessor => ({ code: s.replace('(part)', ''), part: s.endsWith('(part)') })),
);

const rowSchema = memoized(() =>
  z
    .object({
      code: z.string().regex(/^\d{3,5}$/, { error: 'must be a GSO unit code of 3 or 5 digits' }),
      name: z.string().min(1, { error: 'must not be empty' }),
      kind: z.enum(UNIT_KINDS, { error: `must be one of ${UNIT_KINDS.join(', ')}` }),
      validFrom: optionalDay(),
      validTo: optionalDay(),
      successors: listOf(z.string().regex(/^\d{3,5}$/, { error: 'each entry must be a GSO unit code of 3 or 5 digits' })),
      formedFrom: listOf(predecessor()),
      province: z.string().regex(/^\d{2}$/, { error: 'must be the 2-digit GSO province code' }),
      source: z.string().min(1, { error: 'must name the public source of the row' }),
    })
    .superRefine((row, ctx) => {
      if (!CODE_PATTERN[UNIT_LEVEL[row.kind]].test(row.code)) {
        ctx.addIssue({ code: 'custom', path: ['code'], message: `a ${row.kind} has a code of ${UNIT_LEVEL[row.kind] === 'district' ? 3 : 5} digits` });
      }
      if (row.validFrom !== undefined && row.validTo !== undefined && row.validTo < row.validFrom) {
        ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' });
      }
      if (row.successors.length > 0 && row.validTo === undefined) {
        ctx.addIssue({ code: 'custom', path: ['successors'], message: 'a unit with successors needs a validTo' });
      }
      if (new Set(row.successors).size !== row.successors.length) {
        ctx.addIssue({ code: 'custom', path: ['successors'], message: 'lists a code twice' });
      }
    }),
);

function fail(origin: string, line: number | undefined, column: Column | undefined, detail: string, cause?: unknown): never {
  const where = [line === undefined ? undefined : `line ${line}`, column === undefined ? undefined : `column ${UNITS_CSV_COLUMNS.indexOf(column) + 1} (${column})`]
    .filter(Boolean)
    .join(', ');
  throw new UnitsFileError(`${origin}: ${where ? `${where}: ` : ''}${detail}`, origin, line, column, { cause });
}

/**
 * Parses a units CSV file: `#` lines are comments, the first other line is the header
 * (the columns of UNITS_CSV_COLUMNS, in any order). Throws UnitsFileError naming the line
 * and column of the first bad row; nothing is returned for a file with a bad row.
 */
export function parseUnitsCsv(text: string, origin = 'units file'): Unit[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes with the line it ends on (csv-parse's types do not follow the option).
    records = parse(text, { bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return fail(origin, line, undefined, `not a valid CSV file: ${(error as Error).message}`, error);
  }
  const [header, ...rows] = records;
  if (header === undefined) return fail(origin, undefined, undefined, `no header line; expected ${UNITS_CSV_COLUMNS.join(',')}`);
  const columns = header.record;
  const unknown = columns.filter((c) => !(UNITS_CSV_COLUMNS as readonly string[]).includes(c));
  const missing = UNITS_CSV_COLUMNS.filter((c) => !columns.includes(c));
  if (unknown.length > 0 || missing.length > 0 || new Set(columns).size !== columns.length) {
    const problems = [unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '', missing.length > 0 ? `missing ${missing.join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
    return fail(origin, header.info.lines, undefined, `header must have the columns ${UNITS_CSV_COLUMNS.join(',')} (${problems || 'a column is repeated'})`);
  }

  const units: Unit[] = [];
  const lineOfCode = new Map<string, number>();
  for (const { record, info } of rows) {
    if (record.length !== columns.length) {
      fail(origin, info.lines, undefined, `has ${record.length} fields, the header has ${columns.length}`);
    }
    const raw = Object.fromEntries(columns.map((c, i) => [c, record[i] ?? '']));
    const parsed = rowSchema().safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      fail(origin, info.lines, issue.path[0] as Column, issue.message, parsed.error);
    }
    const { validFrom, validTo, ...rest } = parsed.data;
    const seen = lineOfCode.get(rest.code);
    if (seen !== undefined) fail(origin, info.lines, 'code', `code ${rest.code} is already on line ${seen}`);
    lineOfCode.set(rest.code, info.lines);
    units.push({ ...rest, ...(validFrom === undefined ? {} : { validFrom }), ...(validTo === undefined ? {} : { validTo }) });
  }
  return units;
}

/** Whether a unit is in force on a day (validFrom and validTo inclusive). */
export function isInForce(unit: Unit, day: IsoDay): boolean {
  return (unit.validFrom === undefined || unit.validFrom <= day) && (unit.validTo === undefined || day <= unit.validTo);
}

export function unitsInForce(units: readonly Unit[], day: IsoDay): Unit[] {
  return units.filter((unit) => isInForce(unit, day));
}

/**
 * Checks a set of units loaded together (e.g. the districts and the communes that
 * succeed them): no code twice in force on one day, and every successor exists
 * and is in force on the day after its predecessor ends.
 */
export function checkUnitSet(units: readonly Unit[], origin = 'units'): void {
  const byCode = new Map<string, Unit[]>();
  for (const unit of units) byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), unit]);
  for (const [code, versions] of byCode) {
    for (const [i, a] of versions.entries()) {
      for (const b of versions.slice(i + 1)) {
        const overlap = (a.validFrom ?? '') <= (b.validTo ?? '9999-12-31') && (b.validFrom ?? '') <= (a.validTo ?? '9999-12-31');
        if (overlap) fail(origin, undefined, undefined, `unit ${code} is listed twice for overlapping periods`);
      }
    }
  }
  for (const unit of units) {
    if (unit.validTo === undefined) continue;
    const next = addDays(unit.validTo, 1);
    for (const code of unit.successors) {
      const successor = byCode.get(code)?.find((candidate) => isInForce(candidate, next));
      if (successor === undefined) {
        fail(origin, undefined, 'successors', `unit ${unit.code}: successor ${code} is not a unit in force on ${next}`);
      }
    }
  }
}

/**
 * The units of a province over time, looked up by code and day: what the
 * rules, the KPIs and `/v1/units` ask. Built from the rows of the units files
 * (or of the units store), checked with checkUnitSet first.
 */
export interface UnitDirectory {
  readonly units: readonly Unit[];
  /** The version of unit `code` in force on `day`, if any. */
  unitOn(code: string, day: IsoDay): Unit | undefined;
  unitsOn(day: IsoDay): Unit[];
}

export function unitDirectory(units: readonly Unit[]): UnitDirectory {
  const byCode = new Map<string, Unit[]>();
  for (const unit of units) byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), unit]);
  return {
    units,
    unitOn: (code, day) => byCode.get(code)?.find((unit) => isInForce(unit, day)),
    unitsOn: (day) => unitsInForce(units, day),
  };
}

/** Where the territory of a unit lies on a day: the one unit that holds it, or the candidates when several do. */
export type TerritoryOn = { kind: 'unit'; unit: Unit } | { kind: 'ambiguous'; candidates: Unit[] } | { kind: 'unknown' };

/**
 * The unit that holds, on `day`, the territory of unit `code`, following
 * successors across reforms (a district of 2024 → the 2025 commune that took it
 * over). A district has several successors; `communeCode` (a commune of the
 * former unit, as a product's registration may give it) narrows them to the one
 * formed from that commune. When that does not settle it, the answer is
 * `ambiguous` with the candidates, and a ProductTransferred from the province
 * assigns the single product.
 */
export function territoryOn(directory: UnitDirectory, code: string, day: IsoDay, communeCode?: string): TerritoryOn {
  const versions = directory.units.filter((unit) => unit.code === code && (unit.validFrom === undefined || unit.validFrom <= day));
  const unit = versions.find((candidate) => isInForce(candidate, day)) ?? versions.sort((a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? ''))[0];
  if (unit === undefined) return { kind: 'unknown' };
  if (isInForce(unit, day)) return { kind: 'unit', unit };
  const next = addDays(unit.validTo!, 1);
  let successors = unit.successors.map((successor) => directory.unitOn(successor, next)).filter((s): s is Unit => s !== undefined);
  if (successors.length > 1 && communeCode !== undefined) {
    const narrowed = successors.filter((s) => s.code === communeCode || s.formedFrom.some((p) => p.code === communeCode));
    if (narrowed.length > 0) successors = narrowed;
  }
  if (successors.length === 0) return { kind: 'unknown' };
  if (successors.length > 1) return { kind: 'ambiguous', candidates: successors };
  return territoryOn(directory, successors[0]!.code, day, communeCode);
}

/**
 * The version of unit `code` that names it on `day`: the one in force, else the latest that began by then (a former
 * unit), else the first listed (a code not yet in force). Undefined for a code the units data does not know. Used to
 * give every row of a breakdown its name and kind, including the rows of former units.
 */
export function unitAsOf(directory: UnitDirectory, code: string, day: IsoDay): Unit | undefined {
  const inForce = directory.unitOn(code, day);
  if (inForce !== undefined) return inForce;
  const versions = directory.units.filter((unit) => unit.code === code);
  const begun = versions.filter((unit) => unit.validFrom === undefined || unit.validFrom <= day);
  return begun.sort((a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? ''))[0] ?? versions[0];
}

/** Why a code cannot serve as a unit on a day (a stakeholder's scope, a products filter): the code is unknown, or its unit is not in force. */
export type UnitCheck = { ok: true; unit: Unit } | { ok: false; problem: 'unknown' } | { ok: false; problem: 'not-in-force'; unit: Unit; successors: Unit[] };

/**
 * Checks that `code` is a unit in force on `day` (a commune or ward after the 2025 reform, a district before it).
 * For a former unit, the answer carries the units that hold its territory now (its successors, followed to `day`).
 */
export function checkUnitInForce(directory: UnitDirectory, code: string, day: IsoDay): UnitCheck {
  const unit = unitAsOf(directory, code, day);
  if (unit === undefined) return { ok: false, problem: 'unknown' };
  if (isInForce(unit, day)) return { ok: true, unit };
  const place = territoryOn(directory, code, day);
  const successors = place.kind === 'unit' ? [place.unit] : place.kind === 'ambiguous' ? place.candidates : [];
  return { ok: false, problem: 'not-in-force', unit, successors };
}

/** The sentence that explains a failed checkUnitInForce, in English (operators' and programs' errors; the UI words live in report/labels.ts). */
export function describeUnitCheck(check: Exclude<UnitCheck, { ok: true }>, code: string, day: IsoDay): string {
  if (check.problem === 'unknown') return `${code} is not an administrative unit in the units data (GET /v1/units lists the units of a day)`;
  const { unit, successors } = check;
  const period = unit.validTo !== undefined && unit.validTo < day ? `it ended on ${unit.validTo}` : `it is in force from ${unit.validFrom ?? '?'}`;
  const now = successors.length > 0 ? `; on ${day} its territory is held by ${successors.map((s) => `${s.code} (${s.name})`).join(', ')}` : '';
  return `${code} (${unit.name}) is not a unit in force on ${day}: ${period}${now}`;
}
