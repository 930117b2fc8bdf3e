import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { observability } from '../shared/observability';
import { ApiError, BadRequestError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError } from './api-errors';
import { FileAnswer, jsonOfTagged, TaggedAnswer } from './api-request';
import { assertAuthorized } from './auth';
import type { RouteImplementation } from './route';
import { routeHandlers } from './route-handlers';
import { routeTable, routeKeyOf, type RouteKey } from './route-table';

const { logger } = observability('http-api');
const privateRoutes = new Set<string>(routeTable.filter((route) => route.auth).map(routeKeyOf));

/** The HTTP API v1: API Gateway HTTP API (payload v2) in, JSON out; errors as `{ error: { code, message } }`. */
export const handler = middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  try {
    const implementation = routeHandlers[event.routeKey as RouteKey];
    if (!implementation) throw new NotFoundError(`No route ${event.requestContext?.http?.method ?? ''} ${event.rawPath ?? event.routeKey}. See GET /v1/openapi.json.`);
    if (privateRoutes.has(event.routeKey)) assertAuthorized(event);
    const body = await implementation.handle({
      routeKey: event.routeKey as RouteKey,
      query: event.queryStringParameters,
      pathParameters: event.pathParameters ?? {},
      ...(implementation.body && { body: requestBody(event, implementation.body) }),
    });
    if (body instanceof TaggedAnswer) return tagged(body, event.headers?.['if-none-match']);
    return body instanceof FileAnswer ? file(body) : json(200, body);
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.statusCode >= 500) logger.error('request failed', { routeKey: event.routeKey, error });
      return json(error.statusCode, { error: { code: error.code, message: error.message } });
    }
    logger.error('request failed', { routeKey: event.routeKey, error: error as Error });
    return json(500, { error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged. Try again later.' } });
  }
})
  .use(injectLambdaContext(logger));

/** The body of a route that takes one: its media type among those declared (415), its size within the limit (413), never empty (400). */
function requestBody(event: APIGatewayProxyEventV2, declared: NonNullable<RouteImplementation['body']>): { data: Buffer; mediaType: string } {
  const mediaType = (event.headers?.['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!declared.mediaTypes.includes(mediaType)) {
    throw new UnsupportedMediaTypeError(`Content-Type must be one of ${declared.mediaTypes.join(', ')} (got ${JSON.stringify(mediaType.slice(0, 100))}).`);
  }
  const raw = event.body ?? '';
  // Checked on the encoded length first: a huge body is refused before it is decoded.
  if ((event.isBase64Encoded ? (raw.length * 3) / 4 : raw.length) > declared.maxBytes + 3) throw new PayloadTooLargeError(`The body may be at most ${declared.maxBytes} bytes.`);
  const data = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (data.length > declared.maxBytes) throw new PayloadTooLargeError(`The body may be at most ${declared.maxBytes} bytes.`);
  if (data.length === 0) throw new BadRequestError('The request body is empty: send the file.');
  return { data, mediaType };
}

function file(answer: FileAnswer): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: { 'content-type': answer.mediaType, 'content-disposition': `attachment; filename="${answer.fileName}"`, 'cache-control': 'no-store' },
    body: answer.data.toString('base64'),
    isBase64Encoded: true,
  };
}

function tagged(answer: TaggedAnswer, ifNoneMatch: string | undefined): APIGatewayProxyStructuredResultV2 {
  const headers = { etag: answer.etag, 'cache-control': `private, max-age=${answer.maxAgeSeconds}, must-revalidate` };
  const known = (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (known.includes(answer.etag) || known.includes('*')) return { statusCode: 304, headers };
  return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: jsonOfTagged(answer) };
}

function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}
