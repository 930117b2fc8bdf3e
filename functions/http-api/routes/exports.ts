import { vnDayOf } from '../../../domain';
import { DEFAULT_LANGUAGE, uiLabelsFor } from '../../../report';
import { kpiWorkbook } from '../../../report/workbooks/kpi-workbook';
import { productRegisterWorkbook } from '../../../report/workbooks/product-register';
import { CSV_MEDIA_TYPE, sheetCsv, workbookBuffer, XLSX_MEDIA_TYPE } from '../../../report/workbooks/table-sheet';
import { productRegisterRows } from '../../shared/product-register-source';
import { provinceOfDeployment } from '../../shared/province-config';
import { FileAnswer, type ApiRequest } from '../api-request';
import { kpisCsvQuery, kpisQuery, parseQuery, registerQuery } from '../query-schemas';
import { snapshotAsOf } from './kpis';

/** The spreadsheets of the steering committee, in Vietnamese (the officers' language), and their CSV alternatives. */
const sheets = uiLabelsFor(DEFAULT_LANGUAGE).sheets;

export async function getKpisWorkbook(request: ApiRequest): Promise<FileAnswer> {
  const { asOf } = parseQuery(kpisQuery, request.query);
  const snapshot = await snapshotAsOf(asOf ?? vnDayOf(new Date()));
  const { workbook } = kpiWorkbook(snapshot, DEFAULT_LANGUAGE);
  return new FileAnswer(XLSX_MEDIA_TYPE, `${sheets.kpiFileName(snapshot.asOfDay)}.xlsx`, await workbookBuffer(workbook));
}

export async function getKpisCsv(request: ApiRequest): Promise<FileAnswer> {
  const { asOf, table } = parseQuery(kpisCsvQuery, request.query);
  const snapshot = await snapshotAsOf(asOf ?? vnDayOf(new Date()));
  const { workbook, sheetNames } = kpiWorkbook(snapshot, DEFAULT_LANGUAGE);
  return new FileAnswer(CSV_MEDIA_TYPE, `${sheets.kpiFileName(snapshot.asOfDay)}-${table}.csv`, await sheetCsv(workbook, sheetNames[table]));
}

async function register(request: ApiRequest) {
  const { asOf } = parseQuery(registerQuery, request.query);
  const day = asOf ?? vnDayOf(new Date());
  const { workbook, sheetName } = productRegisterWorkbook(await productRegisterRows(day), provinceOfDeployment().units, DEFAULT_LANGUAGE);
  return { day, workbook, sheetName };
}

export async function getRegisterWorkbook(request: ApiRequest): Promise<FileAnswer> {
  const { day, workbook } = await register(request);
  return new FileAnswer(XLSX_MEDIA_TYPE, `${sheets.registerFileName(day)}.xlsx`, await workbookBuffer(workbook));
}

export async function getRegisterCsv(request: ApiRequest): Promise<FileAnswer> {
  const { day, workbook, sheetName } = await register(request);
  return new FileAnswer(CSV_MEDIA_TYPE, `${sheets.registerFileName(day)}.csv`, await sheetCsv(workbook, sheetName));
}
