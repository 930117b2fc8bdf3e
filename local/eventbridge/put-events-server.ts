import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { EventBusClosedError, type LocalEventBus } from './bus';
import { PutEventsValidationError } from './entries';

/**
 * An EventBridge endpoint for the unmodified AWS SDK: HTTP POST with the AWS
 * JSON 1.1 protocol (`X-Amz-Target: AWSEvents.<Operation>`). Serves PutEvents,
 * plus DescribeEventBus and ListRules for the one local bus. Signatures are
 * accepted without being checked.
 */
export interface PutEventsServer {
  url: string;
  close(): Promise<void>;
}

export type ServerLog = (message: string, fields?: Record<string, unknown>) => void;

/** Largest request body read; beyond it the answer is 413, as from AWS. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

class AwsError extends Error {
  override name = 'AwsError';
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export async function startPutEventsServer(options: { host?: string; port?: number; bus: LocalEventBus; log?: ServerLog }): Promise<PutEventsServer> {
  const { bus, log = () => {} } = options;
  const server = createServer((request, response) => {
    handle(request, bus)
      .then((body) => answer(response, 200, body))
      .catch((error: unknown) => {
        const failure = toAwsError(error);
        if (failure.status >= 500) log('PutEvents endpoint failed', { error: String(error) });
        answer(response, failure.status, { __type: failure.type, message: failure.message }, failure.type);
      });
  });
  // What Node's HTTP parser refuses (bad request line or method, headers too large...) still gets AWS's error JSON.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    if (!socket.writable) return void socket.destroy();
    const [status, reason, type, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'RequestHeaderFieldsTooLargeException', 'The request headers are larger than the endpoint reads (16 KiB)']
        : [400, 'Bad Request', 'SerializationException', 'The request is not valid HTTP/1.1'];
    const text = JSON.stringify({ __type: type, message });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `x-amzn-ErrorType: ${type}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      })),
  };
}

async function handle(request: IncomingMessage, bus: LocalEventBus): Promise<unknown> {
  const path = (request.url ?? '/').split('?')[0];
  // The local stand-in for the dead-letter queues' console (npm run dlq:redrive): not an AWS API.
  if (path === '/_local/dead-letters' && request.method === 'GET') return { deadLetters: bus.deadLetters() };
  if (path === '/_local/dead-letters/redrive' && request.method === 'POST') {
    const input = parseBody(await readBody(request));
    const ids = Array.isArray(input.ids) ? input.ids.filter((id): id is string => typeof id === 'string') : undefined;
    return bus.redriveDeadLetters({ ...(ids && { ids }), dryRun: input.dryRun === true });
  }
  if (request.method !== 'POST') throw new AwsError('UnknownOperationException', `Use POST with the AWS JSON 1.1 protocol, not ${request.method}`);
  const target = String(request.headers['x-amz-target'] ?? '');
  const input = parseBody(await readBody(request));
  switch (target) {
    case 'AWSEvents.PutEvents':
      return bus.putEvents(input.Entries);
    case 'AWSEvents.DescribeEventBus':
      return describeEventBus(bus, input.Name);
    case 'AWSEvents.ListRules':
      return listRules(bus, input.EventBusName);
    default:
      throw new AwsError('UnknownOperationException', `Unknown operation "${target}": this local endpoint serves AWSEvents.PutEvents, DescribeEventBus and ListRules`);
  }
}

function describeEventBus(bus: LocalEventBus, name: unknown) {
  requireThisBus(bus, name);
  return { Name: bus.identity.name, Arn: bus.identity.arn };
}

function listRules(bus: LocalEventBus, name: unknown) {
  requireThisBus(bus, name);
  const { identity } = bus;
  return {
    Rules: bus.subscriptionList().map((subscription) => ({
      Name: `${identity.name}-${subscription.id}`,
      Arn: `arn:aws:events:${identity.region}:${identity.account}:rule/${identity.name}/${identity.name}-${subscription.id}`,
      EventPattern: JSON.stringify(subscription.pattern),
      State: 'ENABLED',
      Description: subscription.description,
      EventBusName: identity.name,
    })),
  };
}

function requireThisBus(bus: LocalEventBus, name: unknown): void {
  if (name === undefined || name === bus.identity.name || name === bus.identity.arn) return;
  throw new AwsError('ResourceNotFoundException', `Event bus ${String(name)} does not exist.`);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new AwsError('RequestEntityTooLargeException', 'Request body too large', 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text === '' ? '{}' : text);
  } catch (error) {
    throw new AwsError('SerializationException', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AwsError('SerializationException', 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}

function toAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  if (error instanceof PutEventsValidationError) return new AwsError(error.awsErrorType, error.message);
  if (error instanceof EventBusClosedError) return new AwsError('InternalException', error.message, 500);
  return new AwsError('InternalException', 'The local event bus failed; see its log', 500);
}

function answer(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...(errorType && { 'x-amzn-ErrorType': errorType }),
  });
  response.end(text);
}
