import { unitAsOf, vnDayOf, type IsoDay, type UnitDirectory } from '../../../domain';
import { DEFAULT_LANGUAGE, uiLabelsFor } from '../../../report';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../../report/workbooks/media-types';
import { LAZY_MODULES } from '../../lazy-modules';
import { loadLazyModule } from '../../shared/lazy-module';
import { productRegisterRows } from '../../shared/product-register-source';
import { unitDirectoryOfDeployment } from '../../shared/unit-directory';
import { FileAnswer, type ApiRequest } from '../api-request';
import { kpisCsvQuery, kpisQuery, parseQuery, registerQuery } from '../query-schemas';
import { snapshotAsOf } from './kpis';

/**
 * The spreadsheets of the steering committee, in Vietnamese (the officers' language), and their CSV alternatives.
 * exceljs is loaded on the first spreadsheet request, not when the function starts: the other routes do not pay for it.
 */
const sheets = uiLabelsFor(DEFAULT_LANGUAGE).sheets;
// Not a static import: in the Lambda asset the workbooks are a bundle of their own (functions/lazy-modules.ts), loaded here on first use.
const workbooks = async () => loadLazyModule<typeof import('../../../report/workbooks')>(LAZY_MODULES.workbooks);

export async function getKpisWorkbook(request: ApiRequest): Promise<FileAnswer> {
  const { asOf } = parseQuery(kpisQuery, request.query);
  const snapshot = await snapshotAsOf(asOf ?? vnDayOf(new Date()));
  const { kpiWorkbook, workbookBuffer } = await workbooks();
  const { workbook } = kpiWorkbook(snapshot, DEFAULT_LANGUAGE);
  return new FileAnswer(XLSX_MEDIA_TYPE, `${sheets.kpiFileName(snapshot.asOfDay)}.xlsx`, await workbookBuffer(workbook));
}

export async function getKpisCsv(request: ApiRequest): Promise<FileAnswer> {
  const { asOf, table } = parseQuery(kpisCsvQuery, request.query);
  const snapshot = await snapshotAsOf(asOf ?? vnDayOf(new Date()));
  const { kpiWorkbook, sheetCsv } = await workbooks();
  const { workbook, sheetNames } = kpiWorkbook(snapshot, DEFAULT_LANGUAGE);
  return new FileAnswer(CSV_MEDIA_TYPE, `${sheets.kpiFileName(snapshot.asOfDay)}-${table}.csv`, await sheetCsv(workbook, sheetNames[table]));
}

async function register(request: ApiRequest) {
  const { asOf } = parseQuery(registerQuery, request.query);
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

export async function getRegisterWorkbook(request: ApiRequest): Promise<FileAnswer> {
  const { day, workbook } = await register(request);
  const { workbookBuffer } = await workbooks();
  return new FileAnswer(XLSX_MEDIA_TYPE, `${sheets.registerFileName(day)}.xlsx`, await workbookBuffer(workbook));
}

export async function getRegisterCsv(request: ApiRequest): Promise<FileAnswer> {
  const { day, workbook, sheetName } = await register(request);
  const { sheetCsv } = await workbooks();
  return new FileAnswer(CSV_MEDIA_TYPE, `${sheets.registerFileName(day)}.csv`, await sheetCsv(workbook, sheetName));
}
