import { messageOf, runMain } from '../../../scripts/run-main';

/** The runner every command in scripts/ ends with: its exit code and what it prints on an error. */
describe('runMain', () => {
  let exits: (number | string | null | undefined)[];
  let printed: unknown[];

  beforeEach(() => {
    exits = [];
    printed = [];
    jest.spyOn(process, 'exit').mockImplementation(((code?: number | string | null) => {
      exits.push(code);
    }) as typeof process.exit);
    jest.spyOn(console, 'error').mockImplementation((value: unknown) => {
      printed.push(value);
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** Waits until the runner has exited once. */
  const settled = async () => {
    for (let i = 0; i < 10 && exits.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('exits with the code main returns, printing nothing', async () => {
    // Act
    runMain(async () => 2);
    await settled();

    // Assess
    expect({ exits, printed }).toEqual({ exits: [2], printed: [] });
  });

  it('leaves the exit code to process.exitCode when main returns nothing', async () => {
    // Act
    runMain(async () => undefined);
    await settled();

    // Assess
    expect(exits).toEqual([undefined]);
  });

  it("prints a thrown error's message by default and exits with 1", async () => {
    // Act
    runMain(async () => {
      throw new Error('the plan file is not JSON', { cause: new SyntaxError('Unexpected token') });
    });
    await settled();

    // Assess
    expect({ exits, printed }).toEqual({ exits: [1], printed: ['the plan file is not JSON'] });
  });

  it('prints what the command makes of the error', async () => {
    // Act
    runMain(
      async () => {
        throw new RangeError('no such period');
      },
      (error) => `kpi:preview failed: ${messageOf(error)}`,
    );
    await settled();

    // Assess
    expect({ exits, printed }).toEqual({ exits: [1], printed: ['kpi:preview failed: no such period'] });
  });

  it('prints a thrown value that is not an Error as it is', async () => {
    // Act
    runMain(async () => {
      throw 'stopped';
    });
    await settled();

    // Assess
    expect({ exits, printed }).toEqual({ exits: [1], printed: ['stopped'] });
  });
});
