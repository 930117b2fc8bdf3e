import type { RouteKey } from './route-table';

/** What a route handler needs of a request; the Lambda handler and `npm start` both build it. */
export interface ApiRequest {
  routeKey: RouteKey;
  query: Record<string, string | undefined>;
  pathParameters: Record<string, string | undefined>;
}

/** A route handler returns the JSON body of a 200. */
export type RouteHandler = (request: ApiRequest) => Promise<unknown>;

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
