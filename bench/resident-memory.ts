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

export function treeResidentBytes(rootPid = process.pid): number {
  const parentOf = new Map<number, number>();
  const rssOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      parentOf.set(Number(entry), ppid);
      rssOf.set(Number(entry), rssKb * 1024);
    } catch {
      // The process ended while being read.
    }
  }
  if (!rssOf.has(rootPid)) throw new NoProcFilesystemError(`/proc/${rootPid}/status is not readable: resident memory is measured on Linux only`);
  const inTree = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; at = parentOf.get(at) ?? 0, hops++) if (at === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, rss] of rssOf) if (inTree(pid)) total += rss;
  return total;
}

export function sampleResidentMemory(intervalMs = 250, rootPid = process.pid): MemorySampler {
  let peak = treeResidentBytes(rootPid);
  const timer = setInterval(() => (peak = Math.max(peak, treeResidentBytes(rootPid))), intervalMs);
  timer.unref();
  return { peakBytes: () => Math.max(peak, treeResidentBytes(rootPid)), stop: () => clearInterval(timer) };
}
