import type { RouteKey } from './route-table';

/**
 * What a route handler needs of a request; the Lambda handler builds it. The
 * query arrives parsed with the route's own query schema (route-handlers.ts),
 * so a route never sees a raw query string.
 */
export interface ApiRequest<Query = Record<string, unknown>> {
  routeKey: RouteKey;
  query: Query;
  pathParameters: Record<string, string | undefined>;
}

/** A route handler returns the JSON body of a 200. */
export type RouteHandler<Query = Record<string, unknown>> = (request: ApiRequest<Query>) => Promise<unknown>;

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
