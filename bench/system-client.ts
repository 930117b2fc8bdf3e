import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { FunctionStats } from '../local/function-runtime';
import type { LocalSystemOptions } from '../local/system';

/** The system under test, in a child process (bench/system-process.ts), as the driver sees it. */
export interface SystemProcess {
  pid: number;
  apiUrl: string;
  eventsUrl: string;
  /** DynamoDB Local's own endpoint (not the proxy's). */
  dynamoEndpoint: string;
  outboxDir: string;
  apiToken: string;
  busName: string;
  /** Waits until every accepted event is delivered and the snapshot reflects it. */
  settle(): Promise<void>;
  /** Invocations and durations per function of the system's main thread since it started (not the HTTP API's thread). */
  functionStats(): Promise<Partial<Record<string, FunctionStats>>>;
  stop(): Promise<void>;
}

export type ToSystem = { kind: 'proxy'; endpoint: string } | { kind: 'settle'; id: string } | { kind: 'stats'; id: string } | { kind: 'stop' };
export type FromSystem =
  | { kind: 'dynamo'; endpoint: string }
  | { kind: 'settled'; id: string }
  | { kind: 'stats'; id: string; stats: Partial<Record<string, FunctionStats>> }
  | { kind: 'ready'; apiUrl: string; eventsUrl: string; dynamoEndpoint: string; outboxDir: string; apiToken: string; busName: string };

export class SystemProcessError extends Error {
  override name = 'SystemProcessError';
}

type SerializableOptions = Omit<LocalSystemOptions, 'print' | 'dynamoEndpointFor'>;

/**
 * Starts the system in a child process. `cpuProfileDir`: Node's `--cpu-prof` on that process, the profile written
 * there when it stops (what the system spends, apart from the driver).
 */
export function startSystemProcess(options: SerializableOptions & { dynamoEndpointFor: (endpoint: string) => Promise<string>; cpuProfileDir?: string }): Promise<SystemProcess> {
  const { dynamoEndpointFor, cpuProfileDir, ...serializable } = options;
  const execArgv = [...process.execArgv, ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])];
  const child: ChildProcess = fork(resolve(__dirname, 'system-process.ts'), [JSON.stringify(serializable)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const send = (message: ToSystem) => child.send(message);
  let requests = 0;
  const ask = <K extends 'settled' | 'stats'>(question: 'settle' | 'stats', answer: K) =>
    new Promise<Extract<FromSystem, { kind: K }>>((answered) => {
      const id = String(++requests);
      const listener = (reply: FromSystem) => {
        if (reply.kind === answer && (reply as { id: string }).id === id) {
          child.off('message', listener);
          answered(reply as Extract<FromSystem, { kind: K }>);
        }
      };
      child.on('message', listener);
      send({ kind: question, id });
    });
  return new Promise((done, fail) => {
    const exited = (code: number | null) => fail(new SystemProcessError(`the system process ended before it was ready (exit code ${code})`));
    child.once('exit', exited);
    child.on('message', (message: FromSystem) => {
      if (message.kind === 'dynamo') void dynamoEndpointFor(message.endpoint).then((endpoint) => send({ kind: 'proxy', endpoint }), fail);
      if (message.kind !== 'ready') return;
      child.off('exit', exited);
      const { kind: _kind, ...urls } = message;
      done({
        pid: child.pid!,
        ...urls,
        settle: async () => void (await ask('settle', 'settled')),
        functionStats: async () => (await ask('stats', 'stats')).stats,
        stop: () =>
          new Promise((stopped) => {
            if (child.exitCode !== null) return stopped();
            child.once('exit', () => stopped());
            send({ kind: 'stop' });
          }),
      });
    });
  });
}
