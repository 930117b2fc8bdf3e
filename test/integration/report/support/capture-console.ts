/**
 * Captures what Powertools writes (JSON logs, EMF metrics) through the global
 * console during a test (see powertools-dev.ts), so a test can check it (no
 * personal data, the metric is there) and the run stays quiet.
 */
export function captureConsole(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      chunks.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    }),
  );
  return { text: () => chunks.join('\n'), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
