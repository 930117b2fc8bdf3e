import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Duplex } from 'node:stream';
import { ApiError, BadRequestError } from '../functions/http-api/api-errors';
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
      try {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        response.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
      } catch {
        // Headers the function returned that HTTP cannot carry: the function's fault, answered as API Gateway would.
        if (!response.headersSent) reply(502, { error: { code: 'bad_gateway', message: 'The function returned a response HTTP cannot carry; see the npm start output.' } });
        else response.destroy();
      }
    };
    request.on('error', () => response.destroy());
    const client = request.socket.remoteAddress ?? 'unknown';
    if (!allow(client)) {
      reply(429, { error: { code: 'too_many_requests', message: `More than ${perSecond} requests per second: slow down and retry.` } }, { 'retry-after': '1' });
      return;
    }
    if (serveDashboard(request, response)) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      readBody(request, MAX_BODY_BYTES).then(
        (body) => (body === undefined ? reply(413, { error: { code: 'payload_too_large', message: `The body may be at most ${MAX_BODY_BYTES} bytes.` } }, { connection: 'close' }) : dispatch(body)),
        () => response.destroy(),
      );
      return;
    }
    dispatch(undefined);

    function dispatch(body: Buffer | undefined): void {
      let event: APIGatewayProxyEventV2 | undefined;
      try {
        event = apiGatewayEvent({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, sourceIp: client, ...(body && { body }) });
      } catch (error) {
        // What API Gateway refuses before any function runs (a path it cannot decode...): a 4xx, never a crash.
        const { statusCode, code, message } = error instanceof ApiError ? error : new BadRequestError('The request URL could not be read.');
        reply(statusCode, { error: { code, message } });
        return;
      }
      if (!event) {
        reply(404, { error: { code: 'not_found', message: `No route ${request.method} ${request.url?.split('?')[0]?.slice(0, 200)}. See GET /v1/openapi.json.` } });
        return;
      }
      options.invoke(event).then(
        (result) =>
          reply(result.statusCode ?? 200, result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''), (result.headers ?? {}) as Record<string, string>),
        () => reply(500, { error: { code: 'internal_error', message: 'The function failed; see the npm start output.' } }),
      );
    }
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket));
  // API Gateway tunnels nothing: a CONNECT is a route that does not exist.
  server.on('connect', (request: IncomingMessage, socket: Duplex) =>
    answerOnSocket(socket, 404, 'Not Found', { code: 'not_found', message: `No route CONNECT ${request.url?.slice(0, 200)}. See GET /v1/openapi.json.` }),
  );
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

/** Lambda's limit of a synchronous request (6 MB), which API Gateway's integration applies too: a larger body is answered 413. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

/** The request body, or undefined once it passes `limit` (reading stops there). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * A request Node's HTTP parser refuses (bad request line, header too large, bad
 * header characters...) gets the contract's error JSON, and the socket closes.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    answerOnSocket(socket, 431, 'Request Header Fields Too Large', { code: 'request_header_fields_too_large', message: 'The request line and headers are larger than the server reads (16 KiB).' });
  } else {
    answerOnSocket(socket, 400, 'Bad Request', { code: 'bad_request', message: 'The request is not valid HTTP/1.1.' });
  }
}

function answerOnSocket(socket: Duplex, status: number, reason: string, error: { code: string; message: string }): void {
  socket.on('error', () => socket.destroy());
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
