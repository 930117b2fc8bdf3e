import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * An HTTP proxy in front of DynamoDB Local that counts what the system asks of
 * DynamoDB: requests by operation and table (from `X-Amz-Target` and the body's
 * `TableName`), and the capacity DynamoDB reports for them. It adds
 * `ReturnConsumedCapacity: TOTAL` to the data-plane requests that do not ask for
 * it, and removes `ConsumedCapacity` from their answers again, so the functions
 * see what they would have seen without the proxy.
 */
export type OperationClass = 'read' | 'write' | 'stream' | 'other';

export interface OperationCount {
  operation: string;
  table: string;
  kind: OperationClass;
  requests: number;
  /** Items written (PutItem: 1; BatchWriteItem: its requests for the table); 0 for reads. */
  itemsWritten: number;
  capacityUnits: number;
  /** Time DynamoDB Local took to answer (through the proxy's connection), summed. */
  totalMs: number;
}

export interface DynamoDbCounts {
  reads: number;
  writes: number;
  streamRequests: number;
  other: number;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  byOperation: OperationCount[];
}

export interface DynamoDbCountingProxy {
  endpoint: string;
  /** What was counted since the start, or since the last `reset()`. */
  counts(): DynamoDbCounts;
  reset(): void;
  close(): Promise<void>;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export function classify(target: string): { operation: string; kind: OperationClass } {
  const [service = '', operation = ''] = target.split('.');
  if (service.startsWith('DynamoDBStreams')) return { operation, kind: 'stream' };
  if (READS.has(operation)) return { operation, kind: 'read' };
  if (WRITES.has(operation)) return { operation, kind: 'write' };
  return { operation, kind: 'other' };
}

export async function startDynamoDbCountingProxy(upstream: string): Promise<DynamoDbCountingProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let counts = new Map<string, OperationCount>();

  const count = (operation: string, table: string, kind: OperationClass, capacityUnits: number, ms: number, itemsWritten: number) => {
    const key = `${operation} ${table}`;
    const entry = counts.get(key) ?? { operation, table, kind, requests: 0, itemsWritten: 0, capacityUnits: 0, totalMs: 0 };
    entry.requests += 1;
    entry.itemsWritten += itemsWritten;
    entry.capacityUnits += capacityUnits;
    entry.totalMs += ms;
    counts.set(key, entry);
  };

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const { operation, kind } = classify(String(incoming.headers['x-amz-target'] ?? ''));
      let body = Buffer.concat(chunks);
      const input = parseJson(body);
      const measured = (kind === 'read' || kind === 'write') && input !== undefined && input.ReturnConsumedCapacity === undefined;
      if (measured) body = Buffer.from(JSON.stringify({ ...input, ReturnConsumedCapacity: 'TOTAL' }));
      const headers = forwardHeaders(incoming.headers);
      headers['content-length'] = String(body.length);
      const sentAt = performance.now();
      const forwarded = httpRequest(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers, agent },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            const ms = performance.now() - sentAt;
            let answerBody = Buffer.concat(answerChunks);
            let capacity = 0;
            if (measured && answer.statusCode === 200) {
              const output = parseJson(answerBody);
              if (output) {
                capacity = capacityOf(output.ConsumedCapacity);
                delete output.ConsumedCapacity;
                answerBody = Buffer.from(JSON.stringify(output));
              }
            }
            count(operation, tableOf(input), kind, capacity, ms, kind === 'write' ? itemsWrittenBy(operation, input) : 0);
            // The body may have changed: a new length, and no CRC32 of the old body (the SDK checks it when present).
            const { 'x-amz-crc32': _crc32, ...kept } = answer.headers;
            const answerHeaders = { ...kept, 'content-length': String(answerBody.length) };
            outgoing.writeHead(answer.statusCode ?? 502, answerHeaders).end(answerBody);
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
    counts: () => summarize([...counts.values()]),
    reset: () => void (counts = new Map()),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function summarize(entries: OperationCount[]): DynamoDbCounts {
  const sum = (kind: OperationClass, field: 'requests' | 'capacityUnits') => entries.filter((e) => e.kind === kind).reduce((total, e) => total + e[field], 0);
  return {
    reads: sum('read', 'requests'),
    writes: sum('write', 'requests'),
    streamRequests: sum('stream', 'requests'),
    other: sum('other', 'requests'),
    readCapacityUnits: sum('read', 'capacityUnits'),
    writeCapacityUnits: sum('write', 'capacityUnits'),
    byOperation: entries.map((e) => ({ ...e })).sort((a, b) => b.requests - a.requests),
  };
}

/** The difference of two counts (what happened between them). */
export function difference(after: DynamoDbCounts, before: DynamoDbCounts): DynamoDbCounts {
  const earlier = new Map(before.byOperation.map((e) => [`${e.operation} ${e.table}`, e]));
  return summarize(
    after.byOperation
      .map((e) => {
        const was = earlier.get(`${e.operation} ${e.table}`);
        return { ...e, requests: e.requests - (was?.requests ?? 0), itemsWritten: e.itemsWritten - (was?.itemsWritten ?? 0), capacityUnits: e.capacityUnits - (was?.capacityUnits ?? 0), totalMs: e.totalMs - (was?.totalMs ?? 0) };
      })
      .filter((e) => e.requests > 0),
  );
}

function tableOf(input: Record<string, unknown> | undefined): string {
  if (!input) return '?';
  if (typeof input.TableName === 'string') return input.TableName;
  const items = (input.RequestItems ?? input.TransactItems) as Record<string, unknown> | undefined;
  if (items && !Array.isArray(items)) return Object.keys(items).join('+');
  return '-';
}

function itemsWrittenBy(operation: string, input: Record<string, unknown> | undefined): number {
  if (operation !== 'BatchWriteItem') return 1;
  const items = (input?.RequestItems ?? {}) as Record<string, unknown[]>;
  return Object.values(items).reduce((total, requests) => total + (Array.isArray(requests) ? requests.length : 0), 0);
}

/** `ConsumedCapacity` is one object, or a list of them for the batch and transaction operations. */
function capacityOf(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((total: number, c: { CapacityUnits?: number }) => total + (c.CapacityUnits ?? 0), 0);
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The client's headers as they are (DynamoDB Local does not check the signature), less the hop-by-hop ones. */
function forwardHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _transferEncoding, ...rest } = headers;
  return rest;
}
