/**
 * `npm run scratch -- --alias NAME [--duration-days N] [--target-dev-hub HUB] [sf org create scratch flags…]`:
 * builds, creates a scratch org from config/project-scratch-def.json, deploys force-app and sample-app to it, and
 * imports the sample records of data/sample-plan.json when that file exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from './build';
import { repoRoot } from './lib/paths';
import { runSf, takeOption, UsageError, type SfRunner } from './lib/sf';
import { runCommand } from './lib/command';

export const scratchUsage =
    'usage: npm run scratch -- --alias NAME [--duration-days 1-30] [--target-dev-hub HUB] [sf org create scratch flags]\n' +
    'Needs a Dev Hub: pass --target-dev-hub or set one with `npx sf config set target-dev-hub=HUB`.';

export const definitionFile = 'config/project-scratch-def.json';
export const samplePlanFile = 'data/sample-plan.json';

export interface ScratchStep {
    name: string;
    args: string[];
}

export interface ScratchPlan {
    alias: string;
    steps: ScratchStep[];
    /** Set when data/sample-plan.json is missing: why no sample records will be imported. */
    missingData?: string;
}

/** The sf commands `npm run scratch` runs for argv, in order; throws UsageError on bad arguments. */
export function planScratch(argv: string[], projectDir = repoRoot): ScratchPlan {
    const alias = takeOption(argv, ['--alias', '-a']);
    const days = takeOption(alias.rest, ['--duration-days', '-y']);
    const hub = takeOption(days.rest, ['--target-dev-hub', '-v']);
    if (!alias.value) throw new UsageError('scratch needs --alias NAME: the alias the new scratch org gets');
    // Scratch orgs live 1 to 30 days (sf org create scratch --help).
    if (days.value !== undefined && !(/^\d+$/.test(days.value) && +days.value >= 1 && +days.value <= 30)) {
        throw new UsageError(`--duration-days must be a whole number of days from 1 to 30, not "${days.value}"`);
    }
    const create = ['org', 'create', 'scratch', '--definition-file', definitionFile, '--alias', alias.value];
    if (days.value !== undefined) create.push('--duration-days', days.value);
    if (hub.value !== undefined) create.push('--target-dev-hub', hub.value);
    create.push(...hub.rest);

    const sourceDirs = ['force-app', 'sample-app'].filter((dir) => fs.existsSync(path.join(projectDir, dir)));
    const deploy = ['project', 'deploy', 'start', ...sourceDirs.flatMap((dir) => ['--source-dir', dir])];
    const steps: ScratchStep[] = [
        { name: 'create scratch org', args: create },
        { name: `deploy ${sourceDirs.join(' and ')}`, args: [...deploy, '--target-org', alias.value] },
    ];
    if (!fs.existsSync(path.join(projectDir, samplePlanFile))) {
        return {
            alias: alias.value,
            steps,
            missingData: `${samplePlanFile} is missing: the scratch org gets no sample records`,
        };
    }
    const data = ['data', 'import', 'tree', '--plan', samplePlanFile, '--target-org', alias.value];
    return { alias: alias.value, steps: [...steps, { name: 'import sample records', args: data }] };
}

export interface ScratchDeps {
    build: () => Promise<void>;
    sf: SfRunner;
    log: (line: string) => void;
    projectDir: string;
}

/** Returns the process exit code: 2 for a usage mistake, the failing sf step's code otherwise. */
export async function scratch(
    argv: string[],
    deps: ScratchDeps = { build, sf: runSf, log: console.log, projectDir: repoRoot },
): Promise<number> {
    let plan: ScratchPlan;
    try {
        plan = planScratch(argv, deps.projectDir);
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        deps.log(`${error.message}\n${scratchUsage}`);
        return 2;
    }
    if (plan.missingData) deps.log(`note: ${plan.missingData}`);
    await deps.build();
    for (const step of plan.steps) {
        deps.log(`▶ ${step.name}: sf ${step.args.join(' ')}`);
        const result = await deps.sf(step.args, { echo: true, cwd: deps.projectDir });
        if (result.exitCode !== 0) {
            deps.log(`✖ ${step.name} failed (sf exit code ${result.exitCode})`);
            return result.exitCode;
        }
    }
    deps.log(`scratch org ${plan.alias} is ready: npx sf org open --target-org ${plan.alias}`);
    if (plan.missingData) deps.log(`note: ${plan.missingData}`);
    return 0;
}

if (require.main === module) runCommand(() => scratch(process.argv.slice(2)));
