import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { KpiSnapshot } from '../domain';

/** GET /v1/snapshots/latest over HTTP with the bearer token, on kept-alive connections. */
export interface LatestSnapshotAnswer {
  status: number;
  ms: number;
  body: string;
}

export class SnapshotReadError extends Error {
  override name = 'SnapshotReadError';
}

export function createApiClient(apiUrl: string, token: string, connections = 16) {
  const url = new URL('/v1/snapshots/latest', apiUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });

  const getLatest = (): Promise<LatestSnapshotAnswer> =>
    new Promise((resolve, reject) => {
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

  /** The latest snapshot, or undefined while there is none (404). */
  const latestSnapshot = async (): Promise<KpiSnapshot | undefined> => {
    const answer = await getLatest();
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new SnapshotReadError(`GET /v1/snapshots/latest answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return JSON.parse(answer.body) as KpiSnapshot;
  };

  return { getLatest, latestSnapshot, close: () => agent.destroy() };
}

export type ApiClient = ReturnType<typeof createApiClient>;
