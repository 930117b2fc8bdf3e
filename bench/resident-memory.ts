import { readdirSync, readFileSync } from 'node:fs';

/**
 * The resident memory of a process and all its descendants (here: the bench's
 * node process, which runs the whole system, and DynamoDB Local's Java under
 * it), read from /proc. Sampled on an interval; the peak is what counts.
 */
export interface MemorySampler {
  /** The highest sum seen since the start, in bytes. */
  peakBytes(): number;
  stop(): void;
}

export class NoProcFilesystemError extends Error {
  override name = 'NoProcFilesystemError';
}

function statusOf(pid: number): { ppid: number; rssBytes: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0), rssBytes: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024 };
  } catch {
    return undefined; // the process ended while being read
  }
}

/** The pids of a process and all its descendants (one pass over /proc). */
export function processTree(rootPid = process.pid): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = statusOf(Number(entry));
    if (status) parentOf.set(Number(entry), status.ppid);
  }
  if (!parentOf.has(rootPid)) throw new NoProcFilesystemError(`/proc/${rootPid}/status is not readable: resident memory is measured on Linux only`);
  const inTree = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; at = parentOf.get(at) ?? 0, hops++) if (at === rootPid) return true;
    return false;
  };
  return [...parentOf.keys()].filter(inTree);
}

export function residentBytes(pids: readonly number[]): number {
  return pids.reduce((total, pid) => total + (statusOf(pid)?.rssBytes ?? 0), 0);
}

/**
 * Samples on the system's own thread, so it reads only the few processes of the tree
 * (found again every `rediscoverEvery` samples, for processes started since), not all of /proc.
 */
export function sampleResidentMemory(intervalMs = 500, rootPid = process.pid, rediscoverEvery = 20): MemorySampler {
  let pids = processTree(rootPid);
  let peak = residentBytes(pids);
  let samples = 0;
  const sample = () => {
    if (++samples % rediscoverEvery === 0) pids = processTree(rootPid);
    peak = Math.max(peak, residentBytes(pids));
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peakBytes: () => {
      pids = processTree(rootPid);
      return Math.max(peak, residentBytes(pids));
    },
    stop: () => clearInterval(timer),
  };
}

/** This process alone (not its children): the bench's driver, measured apart from the system it drives. */
export function sampleOwnResidentMemory(intervalMs = 500): MemorySampler {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), intervalMs);
  timer.unref();
  return { peakBytes: () => Math.max(peak, process.memoryUsage.rss()), stop: () => clearInterval(timer) };
}
