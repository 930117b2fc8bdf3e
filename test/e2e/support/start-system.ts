import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../../local/dynamodb-local';

/** `npm start` as a child process (the same command line), on free ports; resolves once it prints that it runs. */
export interface StartedSystem {
  child: ChildProcess;
  apiUrl: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

const root = resolve(__dirname, '../../..');

export async function startSystem(args: string[], token: string, timeoutMs = 300_000): Promise<StartedSystem> {
  const [apiPort, eventsPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--port', String(apiPort), '--events-port', String(eventsPort), '--no-schedules', ...args], {
    cwd: root,
    env: { ...process.env, OCOP_API_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('ocop-pulse is running')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`npm start did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // Let the rest of the banner arrive.
  await new Promise((r) => setTimeout(r, 200));
  return {
    child,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGINT');
      return exited;
    },
  };
}
