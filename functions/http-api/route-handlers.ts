import * as z from 'zod';
import { kpiSnapshotSchema, trendSchema } from '../../domain';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../report/workbooks/media-types';
import type { RouteHandler } from './api-request';
import type { RouteKey } from './route-table';
import { importQuery, importTemplateQuery, kpisCsvQuery, kpisQuery, kpiTrendQuery, productsQuery, registerQuery, rejectionsQuery, snapshotsQuery, unitsQuery } from './query-schemas';
import { productDetailSchema, productSummarySchema } from './product-view';
import { getHealth } from './routes/health';
import { openApiDocument } from './openapi';
import { getImportTemplate, getKpisCsv, getKpisWorkbook, getRegisterCsv, getRegisterWorkbook } from './routes/exports';
import { getKpiTrend } from './routes/kpi-trend';
import { IMPORT_MEDIA_TYPES, importAnswerSchema, MAX_UPLOAD_BYTES, postImport } from './routes/imports';
import { getKpis } from './routes/kpis';
import { getProduct, listProducts } from './routes/products';
import { listRejections, rejectionSchema } from './routes/rejections';
import { getLatestSnapshot, listSnapshots } from './routes/snapshots';
import { listUnits, unitsAnswerSchema } from './routes/units';

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional().describe('Pass as ?cursor= for the next page; absent on the last page') });

/** A route answers JSON (`response`, its schema, built only for the OpenAPI document) or a file (`file`, its media type). */
export type RouteImplementation = {
  /** Receives the query parsed with `query` (an empty object when the route declares none). */
  handle: RouteHandler<any>; // any: each route's own query type
  /** The route's query parameters, declared once: the dispatcher parses with it, the OpenAPI document lists it. */
  query?: z.ZodObject;
  /** The request body a route takes: its media types (else 415) and size limit (else 413), checked by the dispatcher. */
  body?: { mediaTypes: readonly string[]; maxBytes: number; description: string };
} & (
  | { response: () => z.ZodType; file?: never }
  | { file: { mediaType: string; description: string }; response?: never }
);

const xlsx = (description: string) => ({ mediaType: XLSX_MEDIA_TYPE, description });
const csv = (description: string) => ({ mediaType: CSV_MEDIA_TYPE, description });

/** A route with a query schema: its handler is typed with what the schema parses to. */
function withQuery<Q extends z.ZodObject>(query: Q, handle: RouteHandler<z.infer<Q>>, response: () => z.ZodType): RouteImplementation {
  return { query, handle, response };
}

/** The OpenAPI document never changes while the function runs: built on its first request, then reused. */
let openApi: Record<string, unknown> | undefined;

/** What serves each route, its query and its answer: dispatched by the Lambda handler, documented by openapi.ts. */
export const routeHandlers: Record<RouteKey, RouteImplementation> = {
  'GET /v1/health': { handle: getHealth, response: () => z.object({ status: z.literal('ok'), service: z.string(), time: z.string() }) },
  'GET /v1/openapi.json': {
    handle: async () => (openApi ??= openApiDocument(routeHandlers)),
    response: () => z.object({ openapi: z.string() }).loose(),
  },
  'GET /v1/snapshots/latest': { handle: getLatestSnapshot, response: kpiSnapshotSchema },
  'GET /v1/snapshots': { handle: listSnapshots, query: snapshotsQuery, response: () => pageOf(kpiSnapshotSchema()) },
  'GET /v1/kpis': { handle: getKpis, query: kpisQuery, response: kpiSnapshotSchema },
  'GET /v1/kpis/trend': { handle: getKpiTrend, query: kpiTrendQuery, response: trendSchema },
  'GET /v1/kpis.xlsx': {
    handle: getKpisWorkbook,
    query: kpisQuery,
    file: xlsx('Sheets Chỉ số, Theo hạng sao, Theo đơn vị (the units in force, and the products not yet settled after the reform), Theo đơn vị đăng ký (byDistrict), Theo nhóm ngành, Sắp hết hạn; Vietnamese headers, dd/mm/yyyy dates, frozen header row, autofilter'),
  },
  'GET /v1/kpis.csv': { handle: getKpisCsv, query: kpisCsvQuery, file: csv('One table of the KPI workbook: UTF-8 with BOM, comma-separated, dates dd/mm/yyyy, plain numbers (shares 0..1)') },
  'GET /v1/products.xlsx': { handle: getRegisterWorkbook, query: registerQuery, file: xlsx('Sheet Sổ sản phẩm: one row per registered product') },
  'GET /v1/products.csv': { handle: getRegisterCsv, query: registerQuery, file: csv('The product register: UTF-8 with BOM, comma-separated, dates dd/mm/yyyy') },
  'GET /v1/import-template.xlsx': {
    handle: getImportTemplate,
    query: importTemplateQuery,
    file: xlsx('The workbook a province fills to import its register (npm run import): sheets Hướng dẫn (every column and its meaning), Sổ sản phẩm (the headers, drop-down lists for group, kind of owner, stars, council, five-star potential and unit), and the hidden lists'),
  },
  'POST /v1/imports': {
    handle: postImport,
    query: importQuery,
    body: { mediaTypes: IMPORT_MEDIA_TYPES, maxBytes: MAX_UPLOAD_BYTES, description: 'The register: an .xlsx workbook (the export or the template filled) or a CSV file with the same columns' },
    response: importAnswerSchema,
  },
  'GET /v1/products': { handle: listProducts, query: productsQuery, response: () => pageOf(productSummarySchema()) },
  'GET /v1/products/{productId}': { handle: getProduct, response: productDetailSchema },
  'GET /v1/rejections': withQuery(rejectionsQuery, listRejections, () => pageOf(rejectionSchema())),
  'GET /v1/units': withQuery(unitsQuery, listUnits, unitsAnswerSchema),
};
