import { z } from 'zod';
import { kpiSnapshotSchema } from '../../domain';
import type { RouteHandler } from './api-request';
import type { RouteKey } from './route-table';
import { kpisQuery, productsQuery, rejectionsQuery, snapshotsQuery } from './query-schemas';
import { productDetailSchema, productSummarySchema } from './product-view';
import { getHealth } from './routes/health';
import { openApiDocument } from './openapi';
import { getKpis } from './routes/kpis';
import { getProduct, listProducts } from './routes/products';
import { listRejections, rejectionSchema } from './routes/rejections';
import { getLatestSnapshot, listSnapshots } from './routes/snapshots';

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional().describe('Pass as ?cursor= for the next page; absent on the last page') });

export interface RouteImplementation {
  /** Receives the query parsed with `query` (an empty object when the route declares none). */
  handle: RouteHandler<any>; // any: each route's own query type, checked where `withQuery` builds the entry
  /** The route's query parameters, declared once: the dispatcher parses with it, the OpenAPI document lists it. */
  query?: z.ZodObject;
  response: z.ZodType;
}

/** A route with a query schema: its handler is typed with what the schema parses to. */
function withQuery<Q extends z.ZodObject>(query: Q, handle: RouteHandler<z.infer<Q>>, response: z.ZodType): RouteImplementation {
  return { query, handle, response };
}

/** The OpenAPI document never changes while the function runs: built on its first request, then reused. */
let openApi: Record<string, unknown> | undefined;

/** What serves each route, its query and its answer: dispatched by the Lambda handler, documented by openapi.ts. */
export const routeHandlers: Record<RouteKey, RouteImplementation> = {
  'GET /v1/health': { handle: getHealth, response: z.object({ status: z.literal('ok'), service: z.string(), time: z.string() }) },
  'GET /v1/openapi.json': {
    handle: async () => (openApi ??= openApiDocument(routeHandlers)),
    response: z.object({ openapi: z.string() }).loose(),
  },
  'GET /v1/snapshots/latest': { handle: getLatestSnapshot, response: kpiSnapshotSchema },
  'GET /v1/snapshots': withQuery(snapshotsQuery, listSnapshots, pageOf(kpiSnapshotSchema)),
  'GET /v1/kpis': withQuery(kpisQuery, getKpis, kpiSnapshotSchema),
  'GET /v1/products': withQuery(productsQuery, listProducts, pageOf(productSummarySchema)),
  'GET /v1/products/{productId}': { handle: getProduct, response: productDetailSchema },
  'GET /v1/rejections': withQuery(rejectionsQuery, listRejections, pageOf(rejectionSchema)),
};
