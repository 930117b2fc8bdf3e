import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { matchRoute } from '../functions/http-api/route-table';

/**
 * Builds the event API Gateway (HTTP API, payload format 2.0) would hand the
 * `http-api` function for a request, using the same route table the CDK app
 * deploys. Undefined when no route matches (API Gateway answers 404 itself).
 */
export function apiGatewayEvent(request: {
  method: string;
  url: string;
  headers?: Record<string, string | string[] | undefined>;
  sourceIp?: string;
  /** A request body, passed base64-encoded as API Gateway passes a binary one. */
  body?: Buffer;
}): APIGatewayProxyEventV2 | undefined {
  const url = new URL(request.url, 'http://localhost');
  const matched = matchRoute(request.method.toUpperCase(), url.pathname);
  if (!matched) return undefined;
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(',') : value!]),
  );
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const now = new Date();
  return {
    version: '2.0',
    routeKey: matched.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
    ...(Object.keys(matched.pathParameters).length > 0 && { pathParameters: matched.pathParameters }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: { method: request.method.toUpperCase(), path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.sourceIp ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: `local-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      routeKey: matched.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(request.body !== undefined && request.body.length > 0 ? { body: request.body.toString('base64'), isBase64Encoded: true } : { isBase64Encoded: false }),
  };
}
