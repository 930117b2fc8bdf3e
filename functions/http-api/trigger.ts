import type { HttpTrigger } from '../trigger-kinds';
import { routeTable } from './route-table';

/**
 * What invokes http-api: the requests of the HTTP API v1, one API Gateway
 * route per entry of the route table (./route-table.ts: method, path, whether
 * it needs a token), and a catch-all behind the authorizer.
 */
export const httpApiTriggers = [{ kind: 'http', routes: routeTable }] as const satisfies readonly HttpTrigger[];
