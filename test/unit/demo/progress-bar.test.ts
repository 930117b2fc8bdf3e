import { createProgressBar } from '../../../local/demo/progress-bar';

class RecordingStream {
  readonly writes: string[] = [];
  constructor(readonly isTTY: boolean) {}
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
}

describe('createProgressBar', () => {
  it('redraws one line on a terminal with count, percent and rate', () => {
    // Prepare
    const stream = new RecordingStream(true);
    let clock = 0;
    const bar = createProgressBar({ label: 'Demo', stream, now: () => clock });

    // Act
    clock = 2000;
    bar.update(50, 200);
    bar.finish();

    // Assess
    expect(stream.writes[0]).toMatch(/^\r/);
    expect(stream.writes[0]).toContain('50/200 25% 25/s');
    expect(stream.writes.at(-1)).toBe('\n');
  });

  it('writes a line at every 10% elsewhere', () => {
    // Prepare
    const stream = new RecordingStream(false);
    const bar = createProgressBar({ label: 'Demo', stream, now: () => 0 });

    // Act
    for (let done = 0; done <= 100; done += 5) bar.update(done, 100);
    bar.finish();

    // Assess
    expect(stream.writes.length).toBe(11);
    expect(stream.writes.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(stream.writes.at(-1)).toContain('100/100 100%');
  });
});
