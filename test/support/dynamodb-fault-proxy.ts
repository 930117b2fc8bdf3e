import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP proxy between the functions and DynamoDB Local that can be
 * told to fail requests, to show what a DynamoDB outage does to the pipeline.
 * Point the functions at it by setting DYNAMODB_ENDPOINT to `endpoint` before
 * their first client is created (clients are created once per process).
 *
 * Faults:
 * - `internal-error`: answers 500 InternalServerError; DynamoDB never sees the request;
 * - `drop-connection`: closes the connection without an answer; DynamoDB never sees the request;
 * - `lose-response`: DynamoDB applies the request, then the connection closes before the answer.
 */
export type Fault = 'internal-error' | 'drop-connection' | 'lose-response';

export interface DynamoDbRequest {
  /** The operation, e.g. `PutItem`, from `X-Amz-Target: DynamoDB_20120810.PutItem`. */
  operation: string;
  /** The request body (AWS JSON 1.0), e.g. `{ TableName, Item, ... }`. */
  input: Record<string, unknown>;
}

export type FaultRule = (request: DynamoDbRequest) => Fault | undefined;

export interface DynamoDbFaultProxy {
  endpoint: string;
  /** From now on, requests the rule gives a fault for fail that way. */
  failWhen(rule: FaultRule): void;
  /** Ends the outage: every request goes through again. */
  heal(): void;
  /** Faults injected so far, by operation. */
  readonly injected: Record<string, number>;
  close(): Promise<void>;
}

/** Requests of one operation on one table, e.g. `operationOn('PutItem', names.projections)`. */
export function operationOn(operation: string, tableName: string): (request: DynamoDbRequest) => boolean {
  return (request) => request.operation === operation && request.input.TableName === tableName;
}

export async function startDynamoDbFaultProxy(upstream: string): Promise<DynamoDbFaultProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  let rule: FaultRule | undefined;
  const injected: Record<string, number> = {};

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(incoming.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const fault = rule?.({ operation, input: parseInput(body) });
      if (fault) injected[operation] = (injected[operation] ?? 0) + 1;
      if (fault === 'internal-error') {
        const answer = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Injected by the fault proxy' });
        outgoing.writeHead(500, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(answer) }).end(answer);
        return;
      }
      if (fault === 'drop-connection') {
        incoming.socket.destroy();
        return;
      }
      const forwarded = httpRequest(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: forwardHeaders(incoming.headers), agent },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            if (fault === 'lose-response') {
              incoming.socket.destroy();
              return;
            }
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(answerChunks));
          });
        },
      );
      forwarded.on('error', () => incoming.socket.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    failWhen: (next) => void (rule = next),
    heal: () => void (rule = undefined),
    injected,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseInput(body: Buffer): Record<string, unknown> {
  try {
    const input: unknown = JSON.parse(body.toString('utf8'));
    return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The client's headers as they are (the signature covers them; DynamoDB Local does not check it), less the hop-by-hop ones. */
function forwardHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}
