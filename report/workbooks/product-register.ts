import type ExcelJS from 'exceljs';
import type { IsoDay, OcopLevel } from '../../domain';
import type { ProductGroup, SubjectKind } from '../../events';
import { labelsFor, uiLabelsFor, type Language } from '../labels';
import { addTableSheet, newWorkbook, type Column } from './table-sheet';

/**
 * The product register: one row per registered product, as of a day. The
 * rows come from functions/shared/product-register-source.ts; this module
 * only lays them out (pure).
 */
export interface ProductRegisterRow {
  productId: string;
  name: string;
  unitCode: string;
  ownerName: string;
  ownerKind: SubjectKind;
  group: ProductGroup;
  registeredOn: IsoDay;
  /** The latest decision on the day, whatever its stars. */
  stars?: number;
  level?: OcopLevel;
  decisionNo?: string;
  decisionDate?: IsoDay;
  validUntil?: IsoDay;
  /** A valid certificate of 3 stars or more on the day. */
  active: boolean;
  /** Marketplaces the product is listed on, on the day. */
  marketplaces: string[];
  /** Traceability systems it is enrolled in, on the day. */
  traceability: string[];
}

export function productRegisterWorkbook(rows: readonly ProductRegisterRow[], units: readonly { code: string; name: string }[], language: Language): { workbook: ExcelJS.Workbook; sheetName: string } {
  const labels = labelsFor(language);
  const ui = uiLabelsFor(language);
  const c = ui.sheets.columns;
  const unitName = new Map(units.map((unit) => [unit.code, unit.name]));
  const columns: Column<ProductRegisterRow>[] = [
    { header: c.productId, kind: 'text', value: (r) => r.productId },
    { header: c.product, kind: 'text', value: (r) => r.name, width: 40 },
    { header: c.unit, kind: 'text', value: (r) => unitName.get(r.unitCode) ?? r.unitCode, width: 32 },
    { header: c.unitCode, kind: 'text', value: (r) => r.unitCode, width: 12 },
    { header: c.owner, kind: 'text', value: (r) => r.ownerName, width: 36 },
    { header: c.ownerKind, kind: 'text', value: (r) => ui.subjectKinds[r.ownerKind] },
    { header: c.group, kind: 'text', value: (r) => ui.groups[r.group] },
    { header: c.stars, kind: 'count', value: (r) => r.stars },
    { header: c.level, kind: 'text', value: (r) => (r.level ? labels.levels[r.level] : undefined) },
    { header: c.active, kind: 'yesNo', value: (r) => r.active },
    { header: c.decisionNo, kind: 'text', value: (r) => r.decisionNo, width: 18 },
    { header: c.decisionDate, kind: 'day', value: (r) => r.decisionDate },
    { header: c.validUntil, kind: 'day', value: (r) => r.validUntil },
    { header: c.marketplaces, kind: 'text', value: (r) => r.marketplaces.join(', ') },
    { header: c.traceability, kind: 'text', value: (r) => r.traceability.join(', ') },
  ];
  const workbook = newWorkbook();
  const sorted = [...rows].sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.name.localeCompare(b.name, 'vi') || a.productId.localeCompare(b.productId));
  addTableSheet(workbook, ui.sheets.register, columns, sorted, { yes: ui.sheets.yes, no: ui.sheets.no });
  return { workbook, sheetName: ui.sheets.register };
}
