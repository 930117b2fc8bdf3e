import type ExcelJS from 'exceljs';
import { labelsFor, registerLabelsFor, uiLabelsFor, type Language } from '../labels';
import { enrollmentEntry, listingEntry, REGISTER_COLUMNS, registerHeader, type ProductRegisterRow, type RegisterColumn, type RegisterColumnKey } from '../register/columns';
import { addTableSheet, newWorkbook, type CellKind, type Column } from './table-sheet';

export type { ProductRegisterRow, RegisterEnrollment, RegisterListing } from '../register/columns';

/**
 * The product register: one row per registered product, as of a day, in the
 * columns of report/register/columns.ts (the ones the import reads back). The
 * rows come from functions/shared/product-register-source.ts (the export) or
 * from a province's own data (the demo); this module only lays them out (pure).
 */
export function productRegisterWorkbook(
  rows: readonly ProductRegisterRow[],
  units: readonly { code: string; name: string }[],
  language: Language,
): { workbook: ExcelJS.Workbook; sheetName: string } {
  const workbook = newWorkbook();
  const sheetName = addRegisterSheet(workbook, rows, units, language);
  return { workbook, sheetName };
}

/** Adds the register sheet to a workbook; returns its name. Rows sorted by unit, name and id. */
export function addRegisterSheet(
  workbook: ExcelJS.Workbook,
  rows: readonly ProductRegisterRow[],
  units: readonly { code: string; name: string }[],
  language: Language,
): string {
  const ui = uiLabelsFor(language);
  const sheetName = registerLabelsFor(language).sheets.register;
  const sorted = [...rows].sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.name.localeCompare(b.name, 'vi') || a.productId.localeCompare(b.productId));
  addTableSheet(workbook, sheetName, registerSheetColumns(REGISTER_COLUMNS, units, language), sorted, { yes: ui.sheets.yes, no: ui.sheets.no });
  return sheetName;
}

const KIND: Record<RegisterColumn['type'], CellKind> = {
  text: 'text',
  code: 'text',
  day: 'day',
  stars: 'count',
  decimal: 'decimal',
  yesNo: 'yesNo',
  choice: 'text',
  unit: 'text',
  list: 'text',
  computed: 'text',
};

/** The table-sheet columns of register columns, with their values in `language`. */
export function registerSheetColumns(columns: readonly RegisterColumn[], units: readonly { code: string; name: string }[], language: Language): Column<ProductRegisterRow>[] {
  const labels = labelsFor(language);
  const ui = uiLabelsFor(language);
  const register = registerLabelsFor(language);
  const unitName = new Map(units.map((unit) => [unit.code, unit.name]));
  const value: Record<RegisterColumnKey, (row: ProductRegisterRow) => string | number | boolean | undefined> = {
    productId: (r) => r.productId,
    name: (r) => r.name,
    unitCode: (r) => r.unitCode,
    unit: (r) => unitName.get(r.unitCode) ?? r.unitCode,
    communeCode: (r) => (r.communeCode !== r.unitCode ? r.communeCode : undefined),
    ownerName: (r) => r.ownerName,
    ownerKind: (r) => ui.subjectKinds[r.ownerKind],
    group: (r) => ui.groups[r.group],
    registeredOn: (r) => r.registeredOn,
    stars: (r) => r.stars,
    level: (r) => (r.level ? labels.levels[r.level] : undefined),
    fiveStarPotential: (r) => (r.stars === undefined ? undefined : r.fiveStarPotential === true),
    score: (r) => r.score,
    council: (r) => (r.council ? register.councils[r.council] : undefined),
    active: (r) => r.active,
    decisionNo: (r) => r.decisionNo,
    decisionDate: (r) => r.decisionDate,
    validUntil: (r) => r.validUntil,
    marketplaces: (r) => (r.listings.length > 0 ? r.listings.map(listingEntry).join('\n') : undefined),
    traceability: (r) => (r.traceability.length > 0 ? r.traceability.map(enrollmentEntry).join('\n') : undefined),
  };
  return columns.map((column) => ({
    header: registerHeader(column.key, language),
    kind: column.key === 'active' ? 'yesNo' : KIND[column.type],
    value: value[column.key],
    width: column.width,
  }));
}
