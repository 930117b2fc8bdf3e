import { ProjectionConflictError } from '../../../functions/storage/projection-store';
import { withRetry, type RetryPolicy } from '../../../functions/shared/retry';
import { PROJECTOR_RETRY } from '../../../functions/project-event/retry-policy';

class Transient extends Error {
  override name = 'Transient';
}

const policy: RetryPolicy = { attempts: 4, delayMs: (attempt) => attempt * 10, retries: (error) => error instanceof Transient };

/** Work that fails with each of `errors` in turn, then answers its attempt number. */
function failing(errors: Error[]): { work: (attempt: number) => Promise<number>; attempts: number[] } {
  const attempts: number[] = [];
  return {
    attempts,
    work: async (attempt) => {
      attempts.push(attempt);
      const error = errors[attempt - 1];
      if (error) throw error;
      return attempt;
    },
  };
}

describe('withRetry', () => {
  it('tries again after an error the policy retries, waiting the policy\'s delay each time', async () => {
    // Prepare
    const { work, attempts } = failing([new Transient('1'), new Transient('2')]);
    const waited: number[] = [];

    // Act
    const answer = await withRetry(policy, work, async (ms) => void waited.push(ms));

    // Assess
    expect(answer).toBe(3);
    expect(attempts).toEqual([1, 2, 3]);
    expect(waited).toEqual([10, 20]);
  });

  it('throws the last error once the attempts are spent', async () => {
    // Prepare
    const errors = [1, 2, 3, 4].map((n) => new Transient(String(n)));
    const { work, attempts } = failing(errors);

    // Act
    const outcome = withRetry(policy, work, async () => undefined);

    // Assess
    await expect(outcome).rejects.toBe(errors[3]);
    expect(attempts).toEqual([1, 2, 3, 4]);
  });

  it('throws an error the policy does not retry at once', async () => {
    // Prepare
    const other = new Error('not transient');
    const { work, attempts } = failing([other]);

    // Act
    const outcome = withRetry(policy, work, async () => undefined);

    // Assess
    await expect(outcome).rejects.toBe(other);
    expect(attempts).toEqual([1]);
  });
});

describe('PROJECTOR_RETRY', () => {
  it('retries a lost conditional write only, up to 20 attempts, with a jittered backoff capped at 250 ms when the winning item must be read', () => {
    // Prepare
    const attempts = Array.from({ length: PROJECTOR_RETRY.attempts }, (_, i) => i + 1);
    const lostWithoutWinner = new ProjectionConflictError('PRODUCT#P-1 changed');

    // Act
    const delays = attempts.map((attempt) => PROJECTOR_RETRY.delayMs(attempt, lostWithoutWinner));

    // Assess
    expect(PROJECTOR_RETRY.attempts).toBe(20);
    expect(PROJECTOR_RETRY.retries(new ProjectionConflictError('PRODUCT#P-1 changed'))).toBe(true);
    expect(PROJECTOR_RETRY.retries(new Error('throttled'))).toBe(false);
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(250, 5 * 2 ** attempts[i]!));
    });
  });
});

describe('PROJECTOR_RETRY with the winning item in hand', () => {
  it('decides again at once, so the item it decides against is still the current one', () => {
    // Prepare
    const winner = { pk: 'PRODUCT#P-1', version: 7 } as unknown as NonNullable<ProjectionConflictError['current']>;
    const lost = new ProjectionConflictError('PRODUCT#P-1 changed since version 6', { current: winner });

    // Act
    const delays = [1, 5, 19].map((attempt) => PROJECTOR_RETRY.delayMs(attempt, lost));

    // Assess
    expect(delays).toEqual([0, 0, 0]);
  });
});
