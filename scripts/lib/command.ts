/**
 * Runs a script's entry point when it is started as a command (`npx tsx scripts/<name>.ts`): a number it resolves to
 * is the exit code; a failure prints its message, not the stack (they are usage and tool errors), and exits 1.
 */
export function runCommand(main: () => Promise<number | void>): void {
    main()
        .then((code) => {
            if (typeof code === 'number') process.exitCode = code;
        })
        .catch((error: unknown) => {
            console.error(error instanceof Error ? error.message : error);
            process.exitCode = 1;
        });
}
