import { BadRequestError } from './api-errors';

/**
 * The routes of the HTTP API v1 (CONTRACT §3), defined once: the CDK app
 * creates one API Gateway route each (with the JWT authorizer where `auth`),
 * `npm start` serves the same keys, and the OpenAPI document lists them.
 */
export interface RouteDefinition {
  method: 'GET' | 'POST';
  path: string;
  auth: boolean;
  summary: string;
}

export const routeTable = [
  { method: 'GET', path: '/v1/health', auth: false, summary: 'Liveness' },
  { method: 'GET', path: '/v1/openapi.json', auth: false, summary: 'The OpenAPI 3 document of this API' },
  { method: 'GET', path: '/v1/snapshots/latest', auth: true, summary: 'The latest provincial KPI snapshot' },
  { method: 'GET', path: '/v1/snapshots', auth: true, summary: 'Snapshot history, newest first, paginated' },
  { method: 'GET', path: '/v1/kpis', auth: true, summary: 'Indicators as of the end of a day, computed from history' },
  { method: 'GET', path: '/v1/kpis/trend', auth: true, summary: 'Active products by level at the end of each month, computed from history as /v1/kpis' },
  { method: 'GET', path: '/v1/kpis.xlsx', auth: true, summary: 'The indicators as of a day as an Excel workbook (targets, status, forecast, breakdowns, expiring list)' },
  { method: 'GET', path: '/v1/kpis.csv', auth: true, summary: 'One table of the KPI workbook as CSV' },
  { method: 'GET', path: '/v1/products', auth: true, summary: 'Products, filtered by district, level or group, paginated' },
  { method: 'GET', path: '/v1/products.xlsx', auth: true, summary: 'The product register as an Excel workbook' },
  { method: 'GET', path: '/v1/products.csv', auth: true, summary: 'The product register as CSV' },
  { method: 'GET', path: '/v1/import-template.xlsx', auth: true, summary: 'The workbook to fill for npm run import: instructions, the register columns, drop-down lists (units in force today)' },
  { method: 'POST', path: '/v1/imports', auth: true, summary: 'Checks a register workbook or CSV (the body) as npm run import does; with dryRun=false publishes its events when every row passes' },
  { method: 'GET', path: '/v1/products/{productId}', auth: true, summary: 'One product with its rating history' },
  { method: 'GET', path: '/v1/rejections', auth: true, summary: 'Rejected events with their reasons, newest first, paginated' },
  { method: 'GET', path: '/v1/units', auth: true, summary: 'The administrative units in force on a day (code, name, kind, validity, successors)' },
] as const satisfies readonly RouteDefinition[];

/** `<method> <path>` of each route (distributed over the table's entries, so a GET path is no POST route). */
type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;
export type RouteKey = KeyOf<(typeof routeTable)[number]>;

export function routeKeyOf(route: RouteDefinition): RouteKey {
  return `${route.method} ${route.path}` as RouteKey;
}

/** Matches a concrete path against the table: the route key and path parameters, as API Gateway would give them. */
export function matchRoute(method: string, path: string): { routeKey: RouteKey; pathParameters: Record<string, string> } | undefined {
  for (const route of routeTable) {
    if (route.method !== method) continue;
    const names: string[] = [];
    const pattern = new RegExp(`^${route.path.replace(/\./g, '\\.').replace(/\{(\w+)\}/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
    const match = pattern.exec(path);
    if (match) {
      const pathParameters = Object.fromEntries(names.map((name, i) => [name, decodePathParameter(name, match[i + 1]!)]));
      return { routeKey: routeKeyOf(route), pathParameters };
    }
  }
  return undefined;
}

/** A path parameter as API Gateway hands it, percent-decoded; a malformed escape is the client's bad request (400). */
function decodePathParameter(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch (error) {
    throw new BadRequestError(`${name}: "${raw.slice(0, 100)}" is not a valid percent-encoded path segment`, { cause: error });
  }
}
