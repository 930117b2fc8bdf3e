import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { KpiSnapshot } from '../domain';

/** GETs of the HTTP API with the bearer token, on kept-alive connections. */
export interface ApiAnswer {
  status: number;
  ms: number;
  body: string;
}

export class SnapshotReadError extends Error {
  override name = 'SnapshotReadError';
}

export function createApiClient(apiUrl: string, token: string, connections = 16) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });

  /** GET a path of the API (with its query string). */
  const get = (pathAndQuery: string): Promise<ApiAnswer> =>
    new Promise((resolve, reject) => {
      const url = new URL(pathAndQuery, apiUrl);
      const startedAt = performance.now();
      const outgoing = request(url, { method: 'GET', agent, headers: { authorization: `Bearer ${token}` } }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, ms: performance.now() - startedAt, body: Buffer.concat(chunks).toString('utf8') }));
        answer.on('error', reject);
      });
      outgoing.on('error', (error) => reject(new SnapshotReadError(`GET ${url.href} failed`, { cause: error })));
      outgoing.end();
    });
  const getLatest = () => get('/v1/snapshots/latest');

  /** The latest snapshot, or undefined while there is none (404). */
  const latestSnapshot = async (): Promise<KpiSnapshot | undefined> => {
    const answer = await getLatest();
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new SnapshotReadError(`GET /v1/snapshots/latest answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return JSON.parse(answer.body) as KpiSnapshot;
  };

  return { get, getLatest, latestSnapshot, close: () => agent.destroy() };
}

export type ApiClient = ReturnType<typeof createApiClient>;
