import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './data-dir-lock';
import { localPaths } from './paths';

/**
 * What a running `npm start` tells other local commands (kpi:send, stakeholders...):
 * where its servers are. Written as soon as DynamoDB Local answers (before the
 * API does, and before the demo data load), completed once the servers listen.
 * A system with a data directory writes `<data dir>/runtime.json`; an
 * `--in-memory` one writes nothing there, and announces itself in
 * `<tmp>/ocop-pulse-in-memory/<pid>.json` instead.
 */
export interface RuntimeInfo {
  pid: number;
  /** The data directory, or null for `--in-memory`. */
  dataDir: string | null;
  dynamoEndpoint: string;
  outboxDir: string;
  /** Absent while the system is still starting. */
  apiUrl?: string;
  eventsUrl?: string;
  startedAt: string;
}

export const inMemoryRegistry = () => join(tmpdir(), 'ocop-pulse-in-memory');

function fileOf(info: Pick<RuntimeInfo, 'pid' | 'dataDir'>): string {
  return info.dataDir === null ? join(inMemoryRegistry(), `${info.pid}.json`) : localPaths(info.dataDir).runtimeInfo;
}

/** Writes the announcement atomically (a reader never sees half a file); returns a function that removes it. */
export function writeRuntimeInfo(info: RuntimeInfo): () => void {
  const file = fileOf(info);
  if (info.dataDir === null) mkdirSync(inMemoryRegistry(), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return () => rmSync(file, { force: true });
}

function readLive(file: string): RuntimeInfo | undefined {
  let info: RuntimeInfo;
  try {
    info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
  } catch {
    return undefined;
  }
  return isAlive(info.pid) ? info : undefined;
}

/** The running system of a data directory, or undefined when none runs (a stale file of a dead process is ignored). */
export function readRuntimeInfo(dataDir?: string): RuntimeInfo | undefined {
  return readLive(localPaths(dataDir).runtimeInfo);
}

/** The running `--in-memory` systems, newest first; announcements of dead processes are removed. */
export function runningInMemorySystems(): RuntimeInfo[] {
  let names: string[];
  try {
    names = readdirSync(inMemoryRegistry()).filter((name) => /^\d+\.json$/.test(name));
  } catch {
    return [];
  }
  const live: RuntimeInfo[] = [];
  for (const name of names) {
    const file = join(inMemoryRegistry(), name);
    const info = readLive(file);
    if (info) live.push(info);
    else rmSync(file, { force: true });
  }
  return live.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
