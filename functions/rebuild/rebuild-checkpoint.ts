import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanPosition } from '../storage/event-log-store';

/**
 * The rebuild's checkpoint: where each segment of the parallel scan of the log
 * stands, and which aggregates were written. Each segment copies its pages to
 * a file of its own beside the checkpoint (`<checkpoint>.segments/`), one
 * record a line; after each page the checkpoint names the key to go on from
 * and how many bytes of the file are whole. A rebuild run again after a crash
 * cuts each file back to that length (a page half written is dropped) and
 * scans each segment on from its key: what was scanned is not scanned again.
 * Written whole to a temporary file and renamed, so it is never half written.
 */
export interface SegmentState {
  nextKey?: Record<string, unknown>;
  /** Bytes of the segment's file that hold whole pages. */
  spilledBytes: number;
  done: boolean;
}

interface CheckpointFile {
  version: 2;
  totalSegments: number;
  segments: SegmentState[];
  /** Aggregates whose rebuilt item was written. */
  done: string[];
}

export class RebuildCheckpoint {
  readonly segments: SegmentState[];
  readonly done: Set<string>;
  private readonly spillDir: string;

  constructor(
    private readonly file: string,
    readonly totalSegments: number,
  ) {
    this.spillDir = `${file}.segments`;
    const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<CheckpointFile>) : {};
    // A checkpoint of another segmentation (or of the earlier format, aggregates only) keeps its aggregates; the scan starts over.
    const resumable = stored.version === 2 && stored.totalSegments === totalSegments && stored.segments?.length === totalSegments;
    this.segments = resumable ? stored.segments! : Array.from({ length: totalSegments }, () => ({ spilledBytes: 0, done: false }));
    this.done = new Set(stored.done ?? []);
    mkdirSync(this.spillDir, { recursive: true });
  }

  get scanned(): boolean {
    return this.segments.every((s) => s.done);
  }

  /** Where segment `i` goes on from; its file is cut back to its whole pages. */
  resume(segment: number): ScanPosition {
    const state = this.segments[segment]!;
    const path = this.spillFile(segment);
    if (existsSync(path)) truncateSync(path, state.spilledBytes);
    else writeFileSync(path, '');
    return state.nextKey;
  }

  /** Copies a page of segment `i` to its file, then records the key after it. */
  addPage(segment: number, records: readonly unknown[], nextKey: ScanPosition): void {
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    appendFileSync(this.spillFile(segment), text);
    const state = this.segments[segment]!;
    state.spilledBytes += Buffer.byteLength(text);
    if (nextKey) state.nextKey = nextKey;
    else delete state.nextKey;
    state.done = nextKey === undefined;
    this.save();
  }

  /** Every record the segments copied. */
  *records<T>(): Generator<T> {
    for (let segment = 0; segment < this.totalSegments; segment++) {
      const text = readFileSync(this.spillFile(segment), 'utf8');
      for (const line of text.split('\n')) if (line.length > 0) yield JSON.parse(line) as T;
    }
  }

  markWritten(aggregateKeys: readonly string[]): void {
    for (const key of aggregateKeys) this.done.add(key);
    this.save();
  }

  /** The rebuild is complete: the checkpoint and the copies go. */
  remove(): void {
    rmSync(this.file, { force: true });
    rmSync(this.spillDir, { recursive: true, force: true });
  }

  private spillFile(segment: number): string {
    return join(this.spillDir, `segment-${segment}.jsonl`);
  }

  private save(): void {
    const content: CheckpointFile = { version: 2, totalSegments: this.totalSegments, segments: this.segments, done: [...this.done] };
    writeFileSync(`${this.file}.tmp`, JSON.stringify(content));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
