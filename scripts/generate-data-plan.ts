/**
 * Writes data/: an `sf data import tree` plan of a few hundred records taken from the preview's sample org, so a
 * scratch org can show the components with believable data.
 *
 *   npx tsx scripts/generate-data-plan.ts [--now YYYY-MM-DD] [--seed N] [--out DIR]
 *
 * Only fields the API lets you create are written (no Ids, audit fields, IsWon/IsClosed, roll-ups, CaseNumber,
 * FiscalQuarter...), references become `@<Object>Ref<n>` names of records written earlier in the plan, and no file
 * holds more than 200 records: the sObject Tree API's limit per request (REST API Developer Guide, "sObject Tree").
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { generateSampleOrg, type SampleOrg, type SObjectRecord } from '../preview/sample-org';
import { repoRoot } from './lib/paths';
import { runCommand } from './lib/command';

export const RECORDS_PER_FILE_LIMIT = 200;
export const GENERATOR_FILE = 'generator.json';
export const PLAN_FILE = 'sample-plan.json';

/** Createable fields written per object, in plan order (parents first); reference fields are listed in `refs`. */
export const PLAN_OBJECTS: readonly { sobject: string; fields: readonly string[]; refs: readonly string[] }[] = [
    {
        sobject: 'Account',
        fields: ['Name', 'Type', 'Industry', 'AnnualRevenue', 'NumberOfEmployees', 'BillingCountry'],
        refs: [],
    },
    { sobject: 'Contact', fields: ['FirstName', 'LastName', 'Email', 'LeadSource'], refs: ['AccountId'] },
    {
        sobject: 'Campaign',
        fields: [
            'Name',
            'Type',
            'Status',
            'StartDate',
            'EndDate',
            'IsActive',
            'BudgetedCost',
            'ActualCost',
            'NumberSent',
        ],
        refs: [],
    },
    {
        sobject: 'Lead',
        fields: ['FirstName', 'LastName', 'Company', 'Status', 'LeadSource', 'Industry', 'Rating'],
        refs: [],
    },
    {
        sobject: 'Opportunity',
        fields: [
            'Name',
            'Amount',
            'CloseDate',
            'StageName',
            'Probability',
            'Type',
            'LeadSource',
            'ForecastCategoryName',
            'Loss_Reason__c',
        ],
        refs: ['AccountId', 'CampaignId'],
    },
    {
        sobject: 'Case',
        fields: [
            'Subject',
            'Status',
            'Origin',
            'Reason',
            'Type',
            'Priority',
            'IsEscalated',
            'CSAT__c',
            'NPS__c',
            'First_Response_Minutes__c',
            'First_Contact_Resolution__c',
        ],
        refs: ['AccountId', 'ContactId'],
    },
    {
        sobject: 'Task',
        fields: [
            'Subject',
            'TaskSubtype',
            'Type',
            'CallType',
            'Status',
            'Priority',
            'ActivityDate',
            'CallDurationInSeconds',
        ],
        refs: ['WhoId', 'WhatId'],
    },
];

export interface GeneratorSettings {
    seed: number;
    size: number;
    /** ISO instant the sample org's history ends at; dates in the plan are relative to it. */
    now: string;
}

export interface PlanEntry {
    sobject: string;
    files: string[];
}

export interface TreeRecord {
    attributes: { type: string; referenceId: string };
    [field: string]: unknown;
}

export interface DataPlan {
    plan: PlanEntry[];
    /** File name (relative to the plan) → its records. */
    files: Map<string, TreeRecord[]>;
}

const ACCOUNTS = 50;
const LEADS = 60;
const TASKS = 300;

/** Every `step`-th element, spreading a selection over the whole history instead of its first days. */
function spread<T>(items: readonly T[], count: number): T[] {
    if (items.length <= count) return [...items];
    const step = items.length / count;
    return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]);
}

/** Picks a connected sample (accounts with their contacts, deals, cases and activities) and writes it as tree records. */
export function buildDataPlan(org: SampleOrg): DataPlan {
    const { records } = org;
    const dealsPerAccount = new Map<string, number>();
    for (const deal of records.Opportunity) {
        dealsPerAccount.set(String(deal.AccountId), (dealsPerAccount.get(String(deal.AccountId)) ?? 0) + 1);
    }
    const accounts = [...records.Account]
        .filter((account) => dealsPerAccount.has(account.Id))
        .sort((a, b) => dealsPerAccount.get(b.Id)! - dealsPerAccount.get(a.Id)! || a.Id.localeCompare(b.Id))
        .slice(0, ACCOUNTS);
    const accountIds = new Set(accounts.map((account) => account.Id));
    const contacts = records.Contact.filter((contact) => accountIds.has(String(contact.AccountId)));
    const opportunities = records.Opportunity.filter((deal) => accountIds.has(String(deal.AccountId)));
    const campaigns = records.Campaign;
    const leads = spread(
        records.Lead.filter((lead) => lead.IsConverted === false),
        LEADS,
    );
    const contactIds = new Set(contacts.map((contact) => contact.Id));
    const cases = records.Case.filter(
        (record) => accountIds.has(String(record.AccountId)) && contactIds.has(String(record.ContactId)),
    );
    const selected = new Set<string>(
        [...accountIds, ...contactIds, ...leads, ...opportunities, ...cases].map((item) =>
            typeof item === 'string' ? item : item.Id,
        ),
    );
    const tasks = spread(
        records.Task.filter(
            (task) =>
                (task.WhoId !== null || task.WhatId !== null) &&
                (task.WhoId === null || selected.has(String(task.WhoId))) &&
                (task.WhatId === null || selected.has(String(task.WhatId))),
        ),
        TASKS,
    );
    const chosen: Record<string, SObjectRecord[]> = {
        Account: accounts,
        Contact: contacts,
        Campaign: campaigns,
        Lead: leads,
        Opportunity: opportunities,
        Case: cases,
        Task: tasks,
    };

    const referenceIds = new Map<string, string>();
    const plan: PlanEntry[] = [];
    const files = new Map<string, TreeRecord[]>();
    for (const { sobject, fields, refs } of PLAN_OBJECTS) {
        const tree = chosen[sobject].map((record, index) => {
            const referenceId = `${sobject}Ref${index + 1}`;
            referenceIds.set(record.Id, referenceId);
            const treeRecord: TreeRecord = { attributes: { type: sobject, referenceId } };
            for (const field of fields) {
                if (record[field] !== null && record[field] !== undefined) treeRecord[field] = record[field];
            }
            for (const field of refs) {
                const target = record[field];
                if (target === null || target === undefined) continue;
                const reference = referenceIds.get(String(target));
                if (!reference)
                    throw new Error(
                        `data plan: ${sobject} ${record.Id}.${field} points at ${String(target)}, which is not in the plan`,
                    );
                treeRecord[field] = `@${reference}`;
            }
            return treeRecord;
        });
        // Even chunks: 201 records make files of 101 and 100, not 200 and 1.
        const chunks = Math.max(1, Math.ceil(tree.length / RECORDS_PER_FILE_LIMIT));
        const perFile = Math.ceil(tree.length / chunks);
        const names: string[] = [];
        for (let chunk = 0; chunk < chunks; chunk++) {
            const name = chunks === 1 ? `${sobject}.json` : `${sobject}-${chunk + 1}.json`;
            files.set(name, tree.slice(chunk * perFile, (chunk + 1) * perFile));
            names.push(name);
        }
        plan.push({ sobject, files: names });
    }
    return { plan, files };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The files of data/ as text, by file name. */
export function renderDataPlan(settings: GeneratorSettings): Map<string, string> {
    const org = generateSampleOrg({ seed: settings.seed, size: settings.size, now: new Date(settings.now) });
    const { plan, files } = buildDataPlan(org);
    const rendered = new Map<string, string>();
    rendered.set(PLAN_FILE, json(plan));
    for (const [name, records] of files) rendered.set(name, json({ records }));
    rendered.set(GENERATOR_FILE, json({ ...settings, command: 'npx tsx scripts/generate-data-plan.ts' }));
    return rendered;
}

function parseArguments(argv: readonly string[]): { settings: GeneratorSettings; outDir: string } {
    const today = new Date().toISOString().slice(0, 10);
    const options: Record<string, string> = { now: today, seed: '1', out: path.join(repoRoot, 'data') };
    for (let i = 0; i < argv.length; i++) {
        const match = /^--(now|seed|out)$/.exec(argv[i]);
        if (!match || argv[i + 1] === undefined) {
            throw new Error(
                `generate-data-plan: unknown or incomplete argument "${argv[i]}" (expected --now YYYY-MM-DD, --seed N, --out DIR)`,
            );
        }
        options[match[1]] = argv[++i];
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.now) || Number.isNaN(Date.parse(options.now))) {
        throw new Error(`generate-data-plan: --now must be a date YYYY-MM-DD (got "${options.now}")`);
    }
    if (!/^-?\d+$/.test(options.seed))
        throw new Error(`generate-data-plan: --seed must be an integer (got "${options.seed}")`);
    return {
        // Noon UTC: the org's "today" is the given date in every time zone within ±12 h.
        settings: { seed: Number(options.seed), size: 2000, now: `${options.now}T12:00:00.000Z` },
        outDir: path.resolve(options.out),
    };
}

/** Writes data/ formatted the way the repository's Prettier settings format JSON, so `format:check` stays clean. */
async function main(): Promise<void> {
    const { settings, outDir } = parseArguments(process.argv.slice(2));
    fs.mkdirSync(outDir, { recursive: true });
    for (const name of fs.readdirSync(outDir)) {
        if (name.endsWith('.json')) fs.rmSync(path.join(outDir, name));
    }
    let total = 0;
    for (const [name, text] of renderDataPlan(settings)) {
        const file = path.join(outDir, name);
        const options = await prettier.resolveConfig(file);
        fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
        if (name !== PLAN_FILE && name !== GENERATOR_FILE)
            total += (JSON.parse(text) as { records: unknown[] }).records.length;
    }
    console.log(`Wrote ${total} records to ${path.relative(process.cwd(), outDir) || '.'} (plan: ${PLAN_FILE})`);
}

if (require.main === module) runCommand(() => main());
