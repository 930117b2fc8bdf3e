import type { RouteKey } from './route-table';

/**
 * What a route handler needs of a request; the Lambda handler builds it. The
 * query arrives parsed with the route's own query schema (route.ts), so a
 * route never sees a raw query string.
 */
export interface ApiRequest<Query> {
  routeKey: RouteKey;
  query: Query;
  pathParameters: Record<string, string | undefined>;
  /** The request body of a route that declares one (route.ts `body`), checked for its media type and size. */
  body?: { data: Buffer; mediaType: string };
}

/** A route handler returns the JSON body of a 200, a FileAnswer or a TaggedAnswer. */
export type RouteHandler<Query> = (request: ApiRequest<Query>) => Promise<unknown>;

/** A 200 that is a file to download (a spreadsheet, a CSV): sent base64-encoded, as an attachment. */
export class FileAnswer {
  constructor(
    readonly mediaType: string,
    /** ASCII only: it goes into the Content-Disposition header as is. */
    readonly fileName: string,
    readonly data: Buffer,
  ) {}
}

/** A JSON 200 with an entity tag: answered 304 when the client's If-None-Match already names it. */
export class TaggedAnswer {
  constructor(
    /** Never changed once answered: its JSON is kept for the next answer of the same body (jsonOfTagged). */
    readonly body: object,
    /** A strong entity tag, quotes included. */
    readonly etag: string,
    /** How long a client or cache may reuse it without asking. */
    readonly maxAgeSeconds: number,
  ) {}
}

const jsonOfBody = new WeakMap<object, string>();

/**
 * The JSON of a tagged answer's body, serialized once per body: the latest snapshot, answered from memory to every
 * poller until the next refresh, costs one JSON.stringify per refresh, not one per request (about 32 KB with its units).
 */
export function jsonOfTagged(answer: TaggedAnswer): string {
  let json = jsonOfBody.get(answer.body);
  if (json === undefined) {
    json = JSON.stringify(answer.body);
    jsonOfBody.set(answer.body, json);
  }
  return json;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
