import * as z from 'zod';
import type { ApiRequest, RouteHandler } from './api-request';
import { parseQuery } from './query-schemas';

/** The request as the dispatcher has it: the query string's parameters as API Gateway gives them, not parsed yet. */
export type RawApiRequest = ApiRequest<Record<string, string | undefined> | undefined>;

/** A route answers JSON (`response`, its schema, built only for the OpenAPI document) or a file (`file`, its media type). */
type Answer = { response: () => z.ZodType; file?: never } | { file: { mediaType: string; description: string }; response?: never };

/** The request body a route takes: its media types (else 415) and size limit (else 413), checked by the dispatcher. */
export interface BodyDeclaration {
  mediaTypes: readonly string[];
  maxBytes: number;
  description: string;
}

/** What serves a route: dispatched by the Lambda handler (handler.ts), documented by openapi.ts. */
export type RouteImplementation = {
  /** The route's query parameters, declared once with the route: `handle` parses with it, the OpenAPI document lists it. */
  query: z.ZodObject;
  /** Parses the query with `query` (the one parse of a request), then runs the route with it. */
  handle(request: RawApiRequest): Promise<unknown>;
  body?: BodyDeclaration;
} & Answer;

/** The query of a route that takes none: any parameter is ignored, and the route receives an empty object. */
export const noQuery = z.object({});
export type NoQuery = z.output<typeof noQuery>;

/** A route: its handler receives the query parsed with the route's own schema, typed with what that schema parses to. */
export function route<Q extends z.ZodObject>(declaration: { query: Q; handle: RouteHandler<z.output<Q>>; body?: BodyDeclaration } & Answer): RouteImplementation {
  const { handle, query } = declaration;
  return { ...declaration, handle: (request) => handle({ ...request, query: parseQuery(query, request.query) }) };
}

/** The answer of a paginated listing. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional().describe('Pass as ?cursor= for the next page; absent on the last page') });
