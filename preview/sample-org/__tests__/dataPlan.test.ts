import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { REFERENCE_FIELDS } from '..';
import {
    GENERATOR_FILE,
    PLAN_FILE,
    PLAN_OBJECTS,
    RECORDS_PER_FILE_LIMIT,
    renderDataPlan,
    type GeneratorSettings,
    type PlanEntry,
    type TreeRecord,
} from '../../../scripts/generate-data-plan';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const dataDir = path.join(repoRoot, 'data');
const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8')) as T;
const plan = readJson<PlanEntry[]>(PLAN_FILE);
const filesInOrder = plan.flatMap((entry) => entry.files.map((file) => ({ sobject: entry.sobject, file })));

/** Fields the API computes or sets itself; an import that sends them fails. */
const NOT_CREATEABLE = [
    'Id',
    'Name@Contact',
    'Name@Lead',
    'IsClosed',
    'IsWon',
    'ExpectedRevenue',
    'FiscalQuarter',
    'FiscalYear',
    'CaseNumber',
    'ClosedDate',
    'IsConverted',
    'ConvertedDate',
    'ConvertedOpportunityId',
    'ConvertedAccountId',
    'ConvertedContactId',
    'NumberOfLeads',
    'NumberOfConvertedLeads',
    'NumberOfContacts',
    'NumberOfResponses',
    'NumberOfOpportunities',
    'NumberOfWonOpportunities',
    'AmountAllOpportunities',
    'AmountWonOpportunities',
    'HasResponded',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
];

// The installed Salesforce CLI's own plan validation and reference replacement (@salesforce/plugin-data).
type ImportPlanModule = {
    validatePlanContents(planPath: string, contents: unknown): { warnings: string[] };
    replaceRefs(results: { refId: string; type: string; id: string }[]): (records: TreeRecord[]) => TreeRecord[];
};
type RefFunctions = { hasUnresolvedRefs(records: TreeRecord[]): boolean };
let cli: ImportPlanModule & RefFunctions;
before(async () => {
    const tree = path.join(repoRoot, 'node_modules', '@salesforce', 'plugin-data', 'lib', 'api', 'data', 'tree');
    const importPlan = (await import(pathToFileURL(path.join(tree, 'importPlan.js')).href)) as ImportPlanModule;
    const functions = (await import(pathToFileURL(path.join(tree, 'functions.js')).href)) as RefFunctions;
    cli = { ...importPlan, ...functions };
});

describe('data/ import plan', () => {
    it('passes the Salesforce CLI plan validation without warnings', () => {
        const { warnings } = cli.validatePlanContents(path.join(dataDir, PLAN_FILE), plan);
        assert.deepEqual(warnings, []);
        assert.deepEqual(
            plan.map((entry) => entry.sobject),
            PLAN_OBJECTS.map((entry) => entry.sobject),
        );
    });

    it('keeps every file within the 200-record limit, splitting large objects', () => {
        let total = 0;
        for (const { sobject, file } of filesInOrder) {
            const { records } = readJson<{ records: TreeRecord[] }>(file);
            assert.ok(
                records.length > 0 && records.length <= RECORDS_PER_FILE_LIMIT,
                `${file}: ${records.length} records`,
            );
            assert.ok(
                records.every((record) => record.attributes.type === sobject),
                `${file} mixes objects`,
            );
            total += records.length;
        }
        assert.ok(filesInOrder.length > plan.length, 'no object needed a second file');
        assert.ok(total >= 300 && total <= 1000, `${total} records`);
    });

    it('sends only createable fields', () => {
        for (const { sobject, file } of filesInOrder) {
            for (const record of readJson<{ records: TreeRecord[] }>(file).records) {
                for (const field of Object.keys(record)) {
                    assert.ok(
                        !NOT_CREATEABLE.includes(field) && !NOT_CREATEABLE.includes(`${field}@${sobject}`),
                        `${file} sends ${field}, which the API does not let you create`,
                    );
                    assert.notEqual(field, 'OwnerId', 'owners are the importing user; sample users are not imported');
                }
            }
        }
    });

    it('resolves every @reference, in plan order, to a record of the right object', () => {
        const saved: { refId: string; type: string; id: string }[] = [];
        const referenceIds = new Set<string>();
        for (const { sobject, file } of filesInOrder) {
            const { records } = readJson<{ records: TreeRecord[] }>(file);
            for (const record of records) {
                for (const [field, value] of Object.entries(record)) {
                    if (typeof value !== 'string' || !value.startsWith('@')) continue;
                    const target = /^@(\w+?)Ref\d+$/.exec(value)?.[1];
                    assert.ok(
                        target && REFERENCE_FIELDS[sobject][field]?.includes(target),
                        `${file}: ${field} = ${value}`,
                    );
                }
            }
            const resolved = cli.replaceRefs(saved)(records);
            assert.equal(cli.hasUnresolvedRefs(resolved), false, `${file} refers to records not imported before it`);
            for (const record of records) {
                const { referenceId } = record.attributes;
                assert.match(referenceId, new RegExp(`^${sobject}Ref\\d+$`));
                assert.ok(!referenceIds.has(referenceId), `duplicate referenceId ${referenceId}`);
                referenceIds.add(referenceId);
                saved.push({ refId: referenceId, type: sobject, id: `${sobject}-${saved.length}` });
            }
        }
    });

    it('is what scripts/generate-data-plan.ts writes today for its recorded settings', () => {
        const settings = readJson<GeneratorSettings>(GENERATOR_FILE);
        const rendered = renderDataPlan({ seed: settings.seed, size: settings.size, now: settings.now });
        const onDisk = fs.readdirSync(dataDir).filter((name) => name.endsWith('.json'));
        assert.deepEqual(onDisk.sort(), [...rendered.keys()].sort());
        // Compared as JSON: the script formats its output with Prettier.
        for (const [name, text] of rendered) {
            assert.deepEqual(
                readJson(name),
                JSON.parse(text),
                `data/${name} is stale: run npx tsx scripts/generate-data-plan.ts`,
            );
        }
    });
});
