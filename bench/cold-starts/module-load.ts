import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Node 24, the functions' runtime (FUNCTION_RUNTIME): this process's own when it is 24,
 * else the node-linux-* package the project installs.
 */
export function node24(): string {
  if (process.versions.node.startsWith('24.')) return process.execPath;
  try {
    const binary = join(dirname(require.resolve(`node-${process.platform}-${process.arch}/package.json`)), 'bin', 'node');
    if (existsSync(binary)) return binary;
  } catch {
    // not installed for this platform
  }
  throw new Node24NotFoundError(`Node 24 is needed to time the functions as Lambda's nodejs24.x runs them; this is Node ${process.version} and node-${process.platform}-${process.arch} is not installed`);
}

export class Node24NotFoundError extends Error {
  override name = 'Node24NotFoundError';
}

export class ModuleLoadError extends Error {
  override name = 'ModuleLoadError';
}

export interface ModuleLoad {
  wallMs: number;
  /** CPU time of the process during the require (all its threads): steadier than wall time on a shared machine. */
  cpuMs: number;
}

// What Lambda's runtime does first with a handler: require its module. Nothing else is timed.
const TIMER = `const w=performance.now(),c=process.cpuUsage();require(process.argv[1]);const u=process.cpuUsage(c);process.stdout.write(JSON.stringify({wallMs:performance.now()-w,cpuMs:(u.user+u.system)/1000}))`;

/** Requires `dir`/index.js in a fresh Node 24 process with `environment` only (and PATH), as Lambda's runtime would; the time of that require. */
export function timeModuleLoad(node: string, dir: string, environment: Record<string, string>): Promise<ModuleLoad> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['-e', TIMER, join(dir, 'index.js')], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new ModuleLoadError(`${dir}/index.js did not load (exit code ${code}): ${err.slice(0, 2000)}`));
      try {
        resolve(JSON.parse(out) as ModuleLoad);
      } catch (error) {
        reject(new ModuleLoadError(`${dir}/index.js: unexpected output ${out.slice(0, 200)}`, { cause: error }));
      }
    });
  });
}
