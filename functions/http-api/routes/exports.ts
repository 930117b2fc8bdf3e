import { vnDayOf } from '../../../domain';
import { DEFAULT_LANGUAGE, uiLabelsFor } from '../../../report';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../../report/workbooks/media-types';
import { productRegisterRows } from '../../shared/product-register-source';
import { provinceOfDeployment } from '../../shared/province-config';
import { FileAnswer, type ApiRequest } from '../api-request';
import { importTemplateQuery, kpisCsvQuery, kpisQuery, parseQuery, registerQuery } from '../query-schemas';
import { unitsInForce } from '../../../domain';
import { unitDirectoryOfDeployment } from '../../shared/unit-directory';
import { snapshotAsOf } from './kpis';

/**
 * The spreadsheets of the steering committee, in Vietnamese (the officers' language), and their CSV alternatives.
 * exceljs is loaded on the first spreadsheet request, not when the function starts: the other routes do not pay for it.
 */
const sheets = uiLabelsFor(DEFAULT_LANGUAGE).sheets;
// A require, not a static import: the bundle evaluates the module (and exceljs) only when it is first called.
const workbooks = async (): Promise<typeof import('../../../report/workbooks')> => require('../../../report/workbooks') as typeof import('../../../report/workbooks');

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
  const { workbook, sheetName } = productRegisterWorkbook(await productRegisterRows(day), provinceOfDeployment().units, DEFAULT_LANGUAGE);
  return { day, workbook, sheetName };
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

/** The import template, with the units in force today as the unit drop-down (report/workbooks/import-template.ts). */
export async function getImportTemplate(request: ApiRequest): Promise<FileAnswer> {
  const { language } = parseQuery(importTemplateQuery, request.query);
  const directory = await unitDirectoryOfDeployment();
  const { importTemplateWorkbook, workbookBuffer } = await workbooks();
  const { workbook, fileName } = importTemplateWorkbook(unitsInForce(directory.units, vnDayOf(new Date())), language ?? DEFAULT_LANGUAGE);
  return new FileAnswer(XLSX_MEDIA_TYPE, fileName, await workbookBuffer(workbook));
}
