/**
 * How every command-line tool ends: a problem the user can fix (a bad argument, file, scenario or record)
 * prints one line naming the tool and exits 2; anything else is a fault and keeps its stack.
 */

// biome-ignore lint/suspicious/noExplicitAny: error classes with any constructor signature
type ErrorClass = abstract new (...args: any[]) => Error;

/** True for an error the user can fix: one of `expected`, or node:util's parseArgs refusing an argument. */
export function isUsageProblem(err: unknown, expected: readonly ErrorClass[]): err is Error {
  if (expected.some((kind) => err instanceof kind)) return true;
  return (err as { code?: string } | null)?.code?.startsWith("ERR_PARSE_ARGS") ?? false;
}

/** Runs a tool's main; a usage problem becomes `<tool>: <first line>` on stderr and exit code 2. */
export async function runCli(
  tool: string,
  main: (argv: string[]) => void | Promise<void>,
  expected: readonly ErrorClass[],
): Promise<void> {
  try {
    await main(process.argv.slice(2));
  } catch (err) {
    if (!isUsageProblem(err, expected)) throw err;
    process.stderr.write(`${tool}: ${err.message.split("\n")[0]}\n`);
    process.exit(2);
  }
}
