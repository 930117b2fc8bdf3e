/**
 * A retry inside a function: how many attempts, how long to wait before the
 * next one, and which errors are worth another attempt. Past the last
 * attempt the error is thrown, and what delivered the work (a queue, a
 * schedule, a caller) decides what happens next.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Milliseconds to wait after failed attempt `attempt` (1 for the first) failed with `error`, before the next one. */
  delayMs(attempt: number, error: unknown): number;
  /** Whether an error is worth another attempt; any other error is thrown at once. */
  retries(error: unknown): boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (given the attempt number, 1 for the first) until it returns,
 * it throws an error the policy does not retry, or the policy's attempts are
 * spent. `wait` is for tests.
 */
export async function withRetry<T>(policy: RetryPolicy, work: (attempt: number) => Promise<T>, wait: (ms: number) => Promise<void> = sleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= policy.attempts || !policy.retries(error)) throw error;
      await wait(policy.delayMs(attempt, error));
    }
  }
}
