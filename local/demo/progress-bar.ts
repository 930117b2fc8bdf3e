/**
 * A small progress bar on stderr. On a terminal it redraws one line with the
 * count, the percentage and the rate; elsewhere (CI, a log file) it writes a
 * line at every 10%.
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Ends the line on a terminal. */
  finish(): void;
}

const BAR_WIDTH = 24;

export function createProgressBar(options: { label: string; stream?: ProgressStream; now?: () => number }): ProgressBar {
  const { label, stream = process.stderr, now = () => Date.now() } = options;
  const startedAt = now();
  let lastDecile = -1;
  let drawn = false;

  const line = (done: number, total: number) => {
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const seconds = Math.max((now() - startedAt) / 1000, 0.001);
    const rate = Math.round(done / seconds);
    const filled = Math.round(fraction * BAR_WIDTH);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${Math.floor(fraction * 100)}% ${rate}/s`;
  };

  return {
    update(done, total) {
      if (stream.isTTY) {
        stream.write(`\r${line(done, total)}\x1b[K`);
        drawn = true;
        return;
      }
      const decile = total === 0 ? 10 : Math.floor((Math.min(done, total) * 10) / total);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${line(done, total)}\n`);
      }
    },
    finish() {
      if (stream.isTTY && drawn) stream.write('\n');
    },
  };
}
