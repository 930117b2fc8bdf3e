import { openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One DynamoDB Local per data directory: two of them on the same SQLite files
 * fail with SQLite errors or worse. The lock is a file created exclusively
 * (`wx`) in the directory, naming the Node process that owns it and the
 * DynamoDB Local it started. A lock whose owner is dead is taken over, once
 * that owner's DynamoDB Local has exited too (its watchdog stops it).
 */
export class DataDirectoryInUseError extends Error {
  override name = 'DataDirectoryInUseError';
}

interface LockOwner {
  pid: number;
  serverPid?: number;
  startedAt: string;
}

export interface DataDirectoryLock {
  /** Records the DynamoDB Local process, so a later start waits for it to exit after a crash. */
  setServerPid(pid: number): void;
  release(): void;
}

const lockFile = (dir: string) => join(dir, 'dynamodb-local.lock');

export function isAlive(pid: number | undefined): boolean {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(dir: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockFile(dir), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** The live process that holds the directory's lock, if any. */
export function dataDirectoryOwner(dir: string): LockOwner | undefined {
  const owner = readOwner(dir);
  return owner && isAlive(owner.pid) ? owner : undefined;
}

export async function lockDataDirectory(dir: string, options: { staleServerWaitMs?: number } = {}): Promise<DataDirectoryLock> {
  const file = lockFile(dir);
  for (let attempt = 0; ; attempt++) {
    const owner: LockOwner = { pid: process.pid, startedAt: new Date().toISOString() };
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeFileSync(fd, `${JSON.stringify(owner)}\n`);
      closeSync(fd);
      return {
        setServerPid: (serverPid) => writeFileSync(file, `${JSON.stringify({ ...owner, serverPid })}\n`),
        release: () => {
          if (readOwner(dir)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
    }
    const holder = readOwner(dir);
    if (holder && isAlive(holder.pid)) {
      throw new DataDirectoryInUseError(
        `The data directory ${dir} is in use by process ${holder.pid} (since ${holder.startedAt}), which runs DynamoDB Local on it. ` +
          'Stop that process first (Ctrl-C in its terminal), or pass --data-dir for another directory.',
      );
    }
    // The owner died without releasing the lock: wait for its DynamoDB Local to go (its watchdog stops it within seconds).
    const deadline = Date.now() + (options.staleServerWaitMs ?? 20_000);
    while (isAlive(holder?.serverPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (isAlive(holder?.serverPid)) {
      throw new DataDirectoryInUseError(`The DynamoDB Local (process ${holder!.serverPid}) of a dead process still runs on ${dir}; stop it (kill ${holder!.serverPid}) and start again.`);
    }
    rmSync(file, { force: true });
  }
}
