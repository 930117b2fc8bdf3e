import type { RouteKey } from './route-table';

/** What a route handler needs of a request; the Lambda handler and `npm start` both build it. */
export interface ApiRequest {
  routeKey: RouteKey;
  query: Record<string, string | undefined>;
  pathParameters: Record<string, string | undefined>;
}

/** A route handler returns the JSON body of a 200, or a FileAnswer. */
export type RouteHandler = (request: ApiRequest) => Promise<unknown>;

/** A 200 that is a file to download (a spreadsheet, a CSV): sent base64-encoded, as an attachment. */
export class FileAnswer {
  constructor(
    readonly mediaType: string,
    /** ASCII only: it goes into the Content-Disposition header as is. */
    readonly fileName: string,
    readonly data: Buffer,
  ) {}
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
