/**
 * `npm run deploy -- --target-org ALIAS [sf flags…]`: builds, then deploys force-app with
 * `sf project deploy start --source-dir force-app --target-org ALIAS`, passing any other flags (e.g. `--dry-run`,
 * `--wait 30`) through to sf.
 */
import { build } from './build';
import { runSf, takeOption, UsageError, type SfRunner } from './lib/sf';
import { runCommand } from './lib/command';

export const deployUsage =
    'usage: npm run deploy -- --target-org ALIAS [sf project deploy start flags, e.g. --dry-run]\n' +
    'ALIAS is an org alias or username you have authorised, e.g. with `npx sf org login web --alias ALIAS`.';

export interface DeployDeps {
    build: () => Promise<void>;
    sf: SfRunner;
    log: (line: string) => void;
}

/** The sf arguments `npm run deploy` runs for argv; throws UsageError without a target org. */
export function deployArgs(argv: string[]): string[] {
    const { value: targetOrg, rest } = takeOption(argv, ['--target-org', '-o']);
    if (!targetOrg) throw new UsageError('deploy needs --target-org ALIAS: which org to deploy force-app to');
    return ['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', targetOrg, ...rest];
}

/** Returns the process exit code: 2 for a usage mistake, sf's own code otherwise. */
export async function deploy(
    argv: string[],
    deps: DeployDeps = { build, sf: runSf, log: console.log },
): Promise<number> {
    let args: string[];
    try {
        args = deployArgs(argv);
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        deps.log(`${error.message}\n${deployUsage}`);
        return 2;
    }
    await deps.build();
    deps.log(`sf ${args.join(' ')}`);
    const result = await deps.sf(args, { echo: true });
    deps.log(result.exitCode === 0 ? 'deploy finished' : `deploy failed (sf exit code ${result.exitCode})`);
    return result.exitCode;
}

if (require.main === module) runCommand(() => deploy(process.argv.slice(2)));
