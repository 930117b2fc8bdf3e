import * as z from 'zod';
import { kpiSnapshotSchema, trendSchema } from '../../domain';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../report/workbooks/media-types';
import { openApiDocument } from './openapi';
import { productDetailSchema, productSummarySchema } from './product-view';
import { noQuery, pageOf, route, type RouteImplementation } from './route';
import type { RouteKey } from './route-table';
import { getImportTemplate, getKpisCsv, getKpisWorkbook, getRegisterCsv, getRegisterWorkbook, importTemplateQuery, kpisCsvQuery, registerQuery } from './routes/exports';
import { getHealth } from './routes/health';
import { IMPORT_MEDIA_TYPES, importAnswerSchema, importQuery, MAX_UPLOAD_BYTES, postImport } from './routes/imports';
import { getKpiTrend, kpiTrendQuery } from './routes/kpi-trend';
import { getKpis, kpisQuery } from './routes/kpis';
import { getProduct, listProducts, productsQuery } from './routes/products';
import { listRejections, rejectionSchema, rejectionsQuery } from './routes/rejections';
import { getLatestSnapshot, listSnapshots, snapshotsQuery } from './routes/snapshots';
import { listUnits, unitsAnswerSchema, unitsQuery } from './routes/units';

const xlsx = (description: string) => ({ mediaType: XLSX_MEDIA_TYPE, description });
const csv = (description: string) => ({ mediaType: CSV_MEDIA_TYPE, description });

/** The OpenAPI document never changes while the function runs: built on its first request, then reused. */
let openApi: Record<string, unknown> | undefined;

/**
 * What serves each route: its handler, its query (declared beside the handler, in routes/) and its answer (a schema
 * built only for the OpenAPI document). route() parses the query once and hands the handler the parsed, typed query;
 * the OpenAPI document (openapi.ts) lists the same declarations.
 */
export const routeHandlers: Record<RouteKey, RouteImplementation> = {
  'GET /v1/health': route({ handle: getHealth, query: noQuery, response: () => z.object({ status: z.literal('ok'), service: z.string(), time: z.string() }) }),
  'GET /v1/openapi.json': route({
    handle: async () => (openApi ??= openApiDocument(routeHandlers)),
    query: noQuery,
    response: () => z.object({ openapi: z.string() }).loose(),
  }),
  'GET /v1/snapshots/latest': route({ handle: getLatestSnapshot, query: noQuery, response: kpiSnapshotSchema }),
  'GET /v1/snapshots': route({ handle: listSnapshots, query: snapshotsQuery, response: () => pageOf(kpiSnapshotSchema()) }),
  'GET /v1/kpis': route({ handle: getKpis, query: kpisQuery, response: kpiSnapshotSchema }),
  'GET /v1/kpis/trend': route({ handle: getKpiTrend, query: kpiTrendQuery, response: trendSchema }),
  'GET /v1/kpis.xlsx': route({
    handle: getKpisWorkbook,
    query: kpisQuery,
    file: xlsx('Sheets Chỉ số, Theo hạng sao, Theo đơn vị (the units in force, and the products not yet settled after the reform), Theo đơn vị đăng ký (byDistrict), Theo nhóm ngành, Sắp hết hạn; Vietnamese headers, dd/mm/yyyy dates, frozen header row, autofilter'),
  }),
  'GET /v1/kpis.csv': route({ handle: getKpisCsv, query: kpisCsvQuery, file: csv('One table of the KPI workbook: UTF-8 with BOM, comma-separated, dates dd/mm/yyyy, plain numbers (shares 0..1)') }),
  'GET /v1/products.xlsx': route({ handle: getRegisterWorkbook, query: registerQuery, file: xlsx('Sheet Sổ sản phẩm: one row per registered product') }),
  'GET /v1/products.csv': route({ handle: getRegisterCsv, query: registerQuery, file: csv('The product register: UTF-8 with BOM, comma-separated, dates dd/mm/yyyy') }),
  'GET /v1/import-template.xlsx': route({
    handle: getImportTemplate,
    query: importTemplateQuery,
    file: xlsx('The workbook a province fills to import its register (npm run import): sheets Hướng dẫn (every column and its meaning), Sổ sản phẩm (the headers, drop-down lists for group, kind of owner, stars, council, five-star potential and unit), and the hidden lists'),
  }),
  'POST /v1/imports': route({
    handle: postImport,
    query: importQuery,
    body: { mediaTypes: IMPORT_MEDIA_TYPES, maxBytes: MAX_UPLOAD_BYTES, description: 'The register: an .xlsx workbook (the export or the template filled) or a CSV file with the same columns' },
    response: importAnswerSchema,
  }),
  'GET /v1/products': route({ handle: listProducts, query: productsQuery, response: () => pageOf(productSummarySchema()) }),
  'GET /v1/products/{productId}': route({ handle: getProduct, query: noQuery, response: productDetailSchema }),
  'GET /v1/rejections': route({ handle: listRejections, query: rejectionsQuery, response: () => pageOf(rejectionSchema()) }),
  'GET /v1/units': route({ handle: listUnits, query: unitsQuery, response: unitsAnswerSchema }),
};
