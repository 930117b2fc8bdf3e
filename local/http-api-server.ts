import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiGatewayEvent } from './api-gateway-event';
import { serveDashboard } from './dashboard-server';

/**
 * The HTTP API of `npm start`: what API Gateway does in AWS (route matching
 * from the shared route table, throttling) in front of the same `http-api` handler.
 */
export interface HttpApiServerOptions {
  host: string;
  port: number;
  invoke(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  /** Steady requests per second per client, and the burst above it (API Gateway's throttling). */
  rateLimit?: { perSecond: number; burst: number };
}

export interface HttpApiServer {
  url: string;
  close(): Promise<void>;
}

export async function startHttpApiServer(options: HttpApiServerOptions): Promise<HttpApiServer> {
  const { perSecond, burst } = options.rateLimit ?? { perSecond: 50, burst: 100 };
  const buckets = new Map<string, { tokens: number; at: number }>();
  const allow = (client: string): boolean => {
    const now = Date.now();
    const bucket = buckets.get(client) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    buckets.set(client, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    const client = request.socket.remoteAddress ?? 'unknown';
    if (!allow(client)) {
      reply(429, { error: { code: 'too_many_requests', message: `More than ${perSecond} requests per second: slow down and retry.` } }, { 'retry-after': '1' });
      return;
    }
    if (serveDashboard(request, response)) return;
    const event = apiGatewayEvent({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, sourceIp: client });
    if (!event) {
      reply(404, { error: { code: 'not_found', message: `No route ${request.method} ${request.url?.split('?')[0]}. See GET /v1/openapi.json.` } });
      return;
    }
    options.invoke(event).then(
      (result) =>
        reply(result.statusCode ?? 200, result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''), (result.headers ?? {}) as Record<string, string>),
      () => reply(500, { error: { code: 'internal_error', message: 'The function failed; see the npm start output.' } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
