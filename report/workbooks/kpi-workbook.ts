import type ExcelJS from 'exceljs';
import { daysInclusive, INDICATORS, LEVELS, type DistrictBreakdown, type Indicator, type KpiSnapshot } from '../../domain';
import { PRODUCT_GROUPS, type ProductGroup } from '../../events';
import { labelsFor, uiLabelsFor, type Language } from '../labels';
import { addTableSheet, newWorkbook, type Column } from './table-sheet';
import { numberFormats } from '../format';
import { provinceAndPlanLines } from '../plan-lines';
import { unitNameIn } from '../unit-breakdown';

/**
 * The KPIs as of a day as a workbook: the indicators with their targets,
 * status and forecast; the active products by level, by unit and by group;
 * the certificates about to expire. The first sheet says what the figures are
 * of: the province of the day, the plan in force or that none is and since when,
 * and the day's notes; the last, the final results of the latest ended plan.
 * Pure: from the snapshot GET /v1/kpis answers.
 */
export type KpiTable = 'about' | 'indicators' | 'byLevel' | 'byUnit' | 'byDistrict' | 'byGroup' | 'expiring' | 'endedPlan';

export function kpiWorkbook(snapshot: KpiSnapshot, language: Language): { workbook: ExcelJS.Workbook; sheetNames: Record<KpiTable, string> } {
  const labels = labelsFor(language);
  const ui = uiLabelsFor(language);
  const c = ui.sheets.columns;
  const yesNo = { yes: ui.sheets.yes, no: ui.sheets.no };
  const workbook = newWorkbook();
  const sheetNames: Record<KpiTable, string> = {
    about: ui.sheets.about,
    indicators: ui.sheets.indicators,
    byLevel: ui.sheets.byLevel,
    byUnit: ui.sheets.byUnit,
    byDistrict: ui.sheets.byDistrict,
    byGroup: ui.sheets.byGroup,
    expiring: ui.sheets.expiring,
    endedPlan: ui.sheets.endedPlan,
  };
  const format = numberFormats(language);
  workbook.title = labels.title(snapshot.province.name);

  type AboutRow = { item: string; text: string };
  const about: AboutRow[] = [
    { item: c.province, text: `${snapshot.province.name} (${snapshot.province.code})` },
    { item: c.asOfDay, text: format.day(snapshot.asOfDay) },
    ...provinceAndPlanLines(snapshot, labels, format).map((text) => ({ item: c.note, text })),
  ];
  addTableSheet(
    workbook,
    sheetNames.about,
    [
      { header: c.item, kind: 'text', value: (row: AboutRow) => row.item, width: 20 },
      { header: c.text, kind: 'text', value: (row) => row.text, width: 120 },
    ],
    about,
    yesNo,
  );

  // A share is a percentage cell, a count a number: one column each, so every cell of a column has one format.
  const isShare = (indicator: Indicator) => INDICATORS[indicator.id] === 'share';
  const indicatorColumns: Column<Indicator>[] = [
    { header: c.indicatorId, kind: 'text', value: (i) => i.id, width: 24 },
    { header: c.indicator, kind: 'text', value: (i) => labels.indicators[i.id], width: 52 },
    { header: c.value, kind: 'decimal', value: (i) => (isShare(i) ? undefined : i.value) },
    { header: `${c.value} (%)`, kind: 'percent', value: (i) => (isShare(i) ? i.value : undefined) },
    { header: c.target, kind: 'decimal', value: (i) => (isShare(i) ? undefined : i.target) },
    { header: `${c.target} (%)`, kind: 'percent', value: (i) => (isShare(i) ? i.target : undefined) },
    { header: c.stretchTarget, kind: 'decimal', value: (i) => i.stretchTarget },
    { header: c.expectedByNow, kind: 'decimal', value: (i) => i.expectedByNow },
    { header: c.status, kind: 'text', value: (i) => (i.status ? labels.status[i.status] : undefined), width: 16 },
    { header: c.final, kind: 'yesNo', value: (i) => (i.status ? i.final === true : undefined) },
    { header: c.forecast, kind: 'decimal', value: (i) => i.forecast?.value },
    { header: c.periodEnd, kind: 'day', value: (i) => i.forecast?.periodEnd },
    { header: c.atRisk, kind: 'yesNo', value: (i) => i.forecast?.at_risk },
  ];
  addTableSheet(workbook, sheetNames.indicators, indicatorColumns, snapshot.indicators, yesNo);

  addTableSheet(
    workbook,
    sheetNames.byLevel,
    [
      { header: c.level, kind: 'text', value: (level: (typeof LEVELS)[number]) => labels.levels[level] },
      { header: c.products, kind: 'count', value: (level) => snapshot.breakdown.byLevel[level].active },
    ],
    LEVELS,
    yesNo,
  );

  type UnitRow = { code: string; name: string; note?: string; figures: DistrictBreakdown };
  const figureColumns: Column<UnitRow>[] = [
    { header: c.active, kind: 'count', value: (row) => row.figures.active },
    ...LEVELS.map((level): Column<UnitRow> => ({ header: labels.levels[level], kind: 'count', value: (row) => row.figures.byLevel[level] })),
    { header: c.recognizedThisYear, kind: 'count', value: (row) => row.figures.recognizedThisYear },
    { header: c.traceable, kind: 'count', value: (row) => row.figures.traceable },
    { header: c.listed, kind: 'count', value: (row) => row.figures.listed },
    { header: c.expiring, kind: 'count', value: (row) => row.figures.expiring },
  ];
  // By the units in force on the day, then a row per former unit whose products are not settled (snapshots stored before byUnit: none).
  const unitRows: UnitRow[] = [
    ...Object.entries(snapshot.breakdown.byUnit ?? {}).map(([code, u]) => ({ code, name: u.name, figures: u })),
    ...Object.entries(snapshot.breakdown.unassigned ?? {}).map(([code, u]) => ({
      code,
      name: ui.sheets.unassigned(u.name ?? code),
      note: u.candidates.length > 0 ? ui.sheets.mayBelongTo(u.candidates.map((candidate) => `${candidate.code} ${candidate.name}`).join('; ')) : ui.sheets.notInUnitsData,
      figures: u,
    })),
  ];
  addTableSheet(
    workbook,
    sheetNames.byUnit,
    [
      { header: c.unitCode, kind: 'text', value: (row: UnitRow) => row.code, width: 12 },
      { header: c.unit, kind: 'text', value: (row) => row.name },
      ...figureColumns,
      { header: c.note, kind: 'text', value: (row) => row.note, width: 60 },
    ],
    unitRows,
    yesNo,
  );
  addTableSheet(
    workbook,
    sheetNames.byDistrict,
    [
      { header: c.unitCode, kind: 'text', value: (row: UnitRow) => row.code, width: 12 },
      { header: c.unit, kind: 'text', value: (row) => row.name },
      ...figureColumns,
    ],
    Object.entries(snapshot.breakdown.byDistrict).map(([code, d]): UnitRow => ({ code, name: d.name ?? code, figures: d })),
    yesNo,
  );

  const groups = [...PRODUCT_GROUPS, ...Object.keys(snapshot.breakdown.byGroup).filter((g) => !(PRODUCT_GROUPS as readonly string[]).includes(g))];
  addTableSheet(
    workbook,
    sheetNames.byGroup,
    [
      { header: c.group, kind: 'text', value: (group: string) => ui.groups[group as ProductGroup] ?? group, width: 40 },
      { header: c.products, kind: 'count', value: (group) => snapshot.breakdown.byGroup[group]?.active ?? 0 },
    ],
    groups,
    yesNo,
  );

  const unitName = (code: string) => unitNameIn(snapshot, code);
  addTableSheet(
    workbook,
    sheetNames.expiring,
    [
      { header: c.productId, kind: 'text', value: (e: KpiSnapshot['expiring'][number]) => e.productId },
      { header: c.product, kind: 'text', value: (e) => e.name, width: 40 },
      { header: c.unit, kind: 'text', value: (e) => unitName(e.districtCode) },
      { header: c.level, kind: 'text', value: (e) => labels.levels[e.level] },
      { header: c.validUntil, kind: 'day', value: (e) => e.validUntil },
      { header: c.daysLeft, kind: 'count', value: (e) => daysInclusive(snapshot.asOfDay, e.validUntil) - 1 },
    ],
    snapshot.expiring,
    yesNo,
  );

  // The latest ended plan's final results (empty when no plan has ended): the same columns as the indicators, but forecast.
  const ended = snapshot.endedPlan;
  addTableSheet(
    workbook,
    sheetNames.endedPlan,
    [
      { header: c.plan, kind: 'text', value: () => ended?.title, width: 40 },
      { header: c.periodEnd, kind: 'day', value: () => ended?.period.end },
      ...indicatorColumns.filter((column) => ![c.expectedByNow, c.forecast, c.periodEnd, c.atRisk].includes(column.header)),
    ],
    ended?.indicators ?? [],
    yesNo,
  );
  return { workbook, sheetNames };
}
