// An error a person can act on: what is wrong and what to do. CLIs print it as one line, without a stack.
export class StartupError extends Error {
  constructor(
    readonly problem: string,
    readonly remedy: string,
    options?: { cause?: unknown },
  ) {
    super(`${problem}: ${remedy}`, options);
    this.name = 'StartupError';
  }
}

/** Runs a CLI's main; a StartupError becomes one line on stderr and exit code 1, anything else a stack. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`error: ${error.problem}. ${error.remedy}\n`);
    } else if (error instanceof Error && error.name === 'DomainError') {
      process.stderr.write(`error: ${error.message}\n`);
    } else {
      process.stderr.write(
        `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  }
}
