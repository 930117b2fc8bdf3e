/**
 * The one runner of the commands in scripts/: runs `main`, exits with the code it
 * returns (or `process.exitCode` when it returns nothing), and when it throws prints
 * what `describe` makes of the error (by default its message) and exits with 1.
 */
export function runMain(main: () => Promise<number | void>, describe: (error: unknown) => unknown = messageOf): void {
  main().then(
    (code) => process.exit(code ?? undefined),
    (error: unknown) => {
      console.error(describe(error));
      process.exit(1);
    },
  );
}

/** An error's message; anything else thrown as it is. */
export function messageOf(error: unknown): unknown {
  return error instanceof Error ? error.message : error;
}
