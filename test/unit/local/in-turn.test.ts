import { inTurnPerKey } from '../../../local/in-turn';

describe('inTurnPerKey', () => {
  it('runs the calls of one key one after another, in order', async () => {
    // Prepare
    const inTurn = inTurnPerKey<string>();
    const log: string[] = [];
    const call = (name: string, ms: number) => () =>
      new Promise<string>((done) => {
        log.push(`start ${name}`);
        setTimeout(() => (log.push(`end ${name}`), done(name)), ms);
      });

    // Act
    const results = await Promise.all([inTurn.run('a', call('first', 30)), inTurn.run('a', call('second', 1))]);

    // Assess
    expect(results).toEqual(['first', 'second']);
    expect(log).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('runs the next call after a failed one: one failure does not fail every later call of its key', async () => {
    // Prepare
    const inTurn = inTurnPerKey<string>();

    // Act
    const failed = inTurn.run('a', () => Promise.reject(new Error('recompute failed')));
    const next = inTurn.run('a', () => Promise.resolve('recomputed'));

    // Assess
    await expect(failed).rejects.toThrow('recompute failed');
    await expect(next).resolves.toBe('recomputed');
  });

  it('does not make one key wait for another', async () => {
    // Prepare
    const inTurn = inTurnPerKey<string>();
    let release: () => void = () => undefined;
    const slow = inTurn.run('a', () => new Promise<void>((done) => (release = done)));

    // Act
    const other = await inTurn.run('b', () => Promise.resolve('b done'));

    // Assess
    expect(other).toBe('b done');
    release();
    await slow;
  });

  it('settles once every call has, failed ones included', async () => {
    // Prepare
    const inTurn = inTurnPerKey<string>();
    let finished = 0;
    void inTurn.run('a', () => Promise.reject(new Error('failed'))).catch(() => undefined);
    void inTurn.run('a', () => new Promise<void>((done) => setTimeout(() => (finished += 1, done()), 20)));

    // Act
    await inTurn.settled();

    // Assess
    expect(finished).toBe(1);
  });
});
