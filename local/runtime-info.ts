import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { localPaths } from './paths';

/** What a running `npm start` tells other local commands (kpi:send, stakeholders...): where its servers are. */
export interface RuntimeInfo {
  pid: number;
  dynamoEndpoint: string;
  apiUrl: string;
  eventsUrl: string;
  startedAt: string;
}

export function writeRuntimeInfo(info: RuntimeInfo, dataDir?: string): void {
  writeFileSync(localPaths(dataDir).runtimeInfo, `${JSON.stringify(info, null, 2)}\n`);
}

export function clearRuntimeInfo(dataDir?: string): void {
  rmSync(localPaths(dataDir).runtimeInfo, { force: true });
}

/** The running system's info, or undefined when none runs (a stale file of a dead process is ignored). */
export function readRuntimeInfo(dataDir?: string): RuntimeInfo | undefined {
  const file = localPaths(dataDir).runtimeInfo;
  if (!existsSync(file)) return undefined;
  const info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}
