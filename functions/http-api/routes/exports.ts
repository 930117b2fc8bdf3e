import * as z from 'zod';
import { unitAsOf, unitsInForce, vnDayOf, type IsoDay, type UnitDirectory } from '../../../domain';
import { DEFAULT_LANGUAGE, uiLabelsFor } from '../../../report';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../../report/workbooks/media-types';
import { LAZY_MODULES } from '../../lazy-modules';
import { loadLazyModule } from '../../shared/lazy-module';
import { productRegisterRows } from '../../shared/product-register-source';
import { unitDirectoryOfDeployment } from '../../shared/unit-directory';
import { FileAnswer, type ApiRequest } from '../api-request';
import { day } from '../query-schemas';
import { kpisQuery, snapshotAsOf } from './kpis';

/** The tables of the KPI workbook; the CSV carries one of them. */
export const KPI_TABLES = ['indicators', 'byLevel', 'byUnit', 'byDistrict', 'byGroup', 'expiring', 'about', 'endedPlan'] as const;

export const kpisCsvQuery = kpisQuery.extend({
  table: z.enum(KPI_TABLES, { error: `must be one of ${KPI_TABLES.join(', ')}` }).default('indicators').describe('Which table of the KPI workbook'),
});

export const registerQuery = z.strictObject({
  asOf: day.optional().describe('The day (Asia/Ho_Chi_Minh) whose certificates and listings the register shows; default today'),
});

export const importTemplateQuery = z.strictObject({
  language: z.enum(['vi', 'en'], { error: 'must be vi or en' }).optional().describe('Language of the headers and instructions; default vi (the import accepts both)'),
});

/**
 * The spreadsheets of the steering committee, in Vietnamese (the officers' language), and their CSV alternatives.
 * exceljs is loaded on the first spreadsheet request, not when the function starts: the other routes do not pay for it.
 */
const sheets = uiLabelsFor(DEFAULT_LANGUAGE).sheets;
// Not a static import: in the Lambda asset the workbooks are a bundle of their own (functions/lazy-modules.ts), loaded here on first use.
const workbooks = async () => loadLazyModule<typeof import('../../../report/workbooks')>(LAZY_MODULES.workbooks);

export async function getKpisWorkbook({ query: { asOf } }: ApiRequest<z.infer<typeof kpisQuery>>): Promise<FileAnswer> {
  const snapshot = await snapshotAsOf(asOf ?? vnDayOf(new Date()));
  const { kpiWorkbook, workbookBuffer } = await workbooks();
  const { workbook } = kpiWorkbook(snapshot, DEFAULT_LANGUAGE);
  return new FileAnswer(XLSX_MEDIA_TYPE, `${sheets.kpiFileName(snapshot.asOfDay)}.xlsx`, await workbookBuffer(workbook));
}

export async function getKpisCsv({ query: { asOf, table } }: ApiRequest<z.infer<typeof kpisCsvQuery>>): Promise<FileAnswer> {
  const snapshot = await snapshotAsOf(asOf ?? vnDayOf(new Date()));
  const { kpiWorkbook, sheetCsv } = await workbooks();
  const { workbook, sheetNames } = kpiWorkbook(snapshot, DEFAULT_LANGUAGE);
  return new FileAnswer(CSV_MEDIA_TYPE, `${sheets.kpiFileName(snapshot.asOfDay)}-${table}.csv`, await sheetCsv(workbook, sheetNames[table]));
}

type RegisterRequest = ApiRequest<z.infer<typeof registerQuery>>;

async function register({ query: { asOf } }: RegisterRequest) {
  const day = asOf ?? vnDayOf(new Date());
  const { productRegisterWorkbook } = await workbooks();
  const [rows, units] = await Promise.all([productRegisterRows(day), unitDirectoryOfDeployment()]);
  const { workbook, sheetName } = productRegisterWorkbook(rows, unitNamesOn(units, day), DEFAULT_LANGUAGE);
  return { day, workbook, sheetName };
}

/** Every unit of the units data by its name on the day (a former district keeps its last name): the register names each product's unit. */
function unitNamesOn(units: UnitDirectory, day: IsoDay): { code: string; name: string }[] {
  return [...new Set(units.units.map((unit) => unit.code))].map((code) => ({ code, name: unitAsOf(units, code, day)!.name }));
}

export async function getRegisterWorkbook(request: RegisterRequest): Promise<FileAnswer> {
  const { day, workbook } = await register(request);
  const { workbookBuffer } = await workbooks();
  return new FileAnswer(XLSX_MEDIA_TYPE, `${sheets.registerFileName(day)}.xlsx`, await workbookBuffer(workbook));
}

export async function getRegisterCsv(request: RegisterRequest): Promise<FileAnswer> {
  const { day, workbook, sheetName } = await register(request);
  const { sheetCsv } = await workbooks();
  return new FileAnswer(CSV_MEDIA_TYPE, `${sheets.registerFileName(day)}.csv`, await sheetCsv(workbook, sheetName));
}

/** The import template, with the units in force today as the unit drop-down (report/workbooks/import-template.ts). */
export async function getImportTemplate({ query: { language } }: ApiRequest<z.infer<typeof importTemplateQuery>>): Promise<FileAnswer> {
  const directory = await unitDirectoryOfDeployment();
  const { importTemplateWorkbook, workbookBuffer } = await workbooks();
  const { workbook, fileName } = importTemplateWorkbook(unitsInForce(directory.units, vnDayOf(new Date())), language ?? DEFAULT_LANGUAGE);
  return new FileAnswer(XLSX_MEDIA_TYPE, fileName, await workbookBuffer(workbook));
}
