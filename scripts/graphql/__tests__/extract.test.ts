import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runCli, validateDocuments } from '../../validate/graphql';
import type { DynamicDocumentSource } from '../dynamic-documents';
import { extractAll, extractFromSources } from '../extract';
import { buildCountQuery, countableObjects } from './fixtures/project/lwc/kpiQueryBuilder/kpiQueryBuilder';

const projectRoot = path.join(__dirname, 'fixtures', 'project');
const builderModule = path.join(projectRoot, 'lwc', 'kpiQueryBuilder', 'kpiQueryBuilder.ts');
const registry: DynamicDocumentSource[] = [
    {
        module: builderModule,
        builders: ['buildCountQuery'],
        documents: () => countableObjects.map((name) => ({ label: name, source: buildCountQuery(name) })),
    },
];
const relative = (file: string): string => path.relative(projectRoot, file);

/** 1-based line and column of the first occurrence of `needle` in a fixture file. */
function positionIn(file: string, needle: string): [number, number] {
    const text = fs.readFileSync(path.join(projectRoot, file), 'utf8');
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    return [before.length, before[before.length - 1].length + 1];
}

describe('extractAll over a fixture force-app', () => {
    const extraction = extractAll(projectRoot, registry);

    it('finds static and constant-interpolated gql documents, including an aliased gql import', () => {
        const found = extraction.documents
            .filter((d) => d.kind !== 'dynamic')
            .map((d) => `${relative(d.file)} ${d.kind}`);
        assert.deepEqual(found.sort(), [
            'lwc/kpiBad/kpiBad.ts static',
            'lwc/kpiGood/kpiGood.ts interpolated',
            'lwc/kpiGood/kpiGood.ts static',
            'lwc/kpiWired/kpiWired.ts static',
        ]);
        const interpolated = extraction.documents.find((d) => d.kind === 'interpolated')!;
        assert.match(interpolated.source, /edges \{ node \{ Id Name \{ value \} Amount \{ value \} \} \}/);
        assert.match(interpolated.source, /pageInfo \{ endCursor hasNextPage \}/);
    });

    it('reports an interpolation that only the run time knows, where it is', () => {
        assert.equal(extraction.problems.length, 1, JSON.stringify(extraction.problems));
        const [problem] = extraction.problems;
        assert.equal(relative(problem.file), 'lwc/kpiDynamic/kpiDynamic.ts');
        assert.deepEqual(
            [problem.line, problem.column],
            positionIn('lwc/kpiDynamic/kpiDynamic.ts', 'this.objectApiName'),
        );
        assert.match(problem.message, /\$\{this\.objectApiName\}.*cannot be resolved statically/);
    });

    it('accepts registered builder calls (direct and through a const) and enumerates their documents', () => {
        const dynamic = extraction.documents.filter((d) => d.kind === 'dynamic');
        assert.deepEqual(
            dynamic.map((d) => d.label),
            ['Account', 'Opportunity', 'Case'],
        );
        assert.ok(dynamic.every((d) => d.file === builderModule));
        assert.ok(!extraction.problems.some((p) => relative(p.file).includes('kpiUsesBuilder')));
    });

    it('without the registry entry, the same builder calls are reported', () => {
        const unregistered = extractAll(projectRoot, []);
        const usesBuilder = unregistered.problems.filter((p) => relative(p.file).includes('kpiUsesBuilder'));
        assert.equal(usesBuilder.length, 2);
    });

    it('maps a validation error back to the line and column in the .ts file', () => {
        const problems = validateDocuments(extraction.documents);
        assert.equal(problems.length, 1, JSON.stringify(problems));
        assert.equal(relative(problems[0].file), 'lwc/kpiBad/kpiBad.ts');
        assert.deepEqual([problems[0].line, problems[0].column], positionIn('lwc/kpiBad/kpiBad.ts', 'Stauts'));
        assert.match(problems[0].message, /"Stauts" on type "Case"/);
    });
});

describe('extractFromSources', () => {
    it('reports a file TypeScript cannot parse instead of skipping it', () => {
        const extraction = extractFromSources([
            {
                fileName: '/virtual/kpiBroken.ts',
                text: "import { gql } from 'lightning/graphql';\nconst q = gql`query {`;\nexport const = 1;\n",
            },
        ]);
        assert.equal(extraction.documents.length, 0);
        assert.equal(extraction.problems.length >= 1, true);
        assert.equal(extraction.problems[0].file, '/virtual/kpiBroken.ts');
        assert.equal(extraction.problems[0].line, 3);
        assert.match(extraction.problems[0].message, /TypeScript cannot parse this file/);
    });

    it('reads gql called as a function and ignores files that do not import gql', () => {
        const extraction = extractFromSources([
            {
                fileName: '/virtual/a.ts',
                text: "import { gql } from 'lightning/graphql';\nexport const q = gql('query a { uiapi { currentUser { Id } } }');\n",
            },
            {
                fileName: '/virtual/b.ts',
                text: 'const gql = (s: TemplateStringsArray) => s;\nexport const q = gql`not graphql`;\n',
            },
        ]);
        assert.deepEqual(extraction.problems, []);
        assert.deepEqual(
            extraction.documents.map((d) => d.source),
            ['query a { uiapi { currentUser { Id } } }'],
        );
    });

    it('reports a registry entry whose module is missing or enumerates nothing', () => {
        const extraction = extractAll(path.join(projectRoot, 'does-not-exist'), [
            { module: '/nowhere/kpiGone.ts', builders: ['build'], documents: () => [] },
            { module: builderModule, builders: ['buildCountQuery'], documents: () => [] },
        ]);
        assert.deepEqual(
            extraction.problems.map((p) => p.message),
            [
                'registered in dynamic-documents.ts but the file does not exist',
                'registered in dynamic-documents.ts but enumerates no documents',
            ],
        );
    });
});

describe('runCli', () => {
    let temp: string;
    let output: string[];
    const original = { log: console.log, error: console.error };

    beforeEach(() => {
        temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-graphql-'));
        output = [];
        console.log = (line: string) => void output.push(line);
        console.error = (line: string) => void output.push(line);
    });
    afterEach(() => {
        Object.assign(console, original);
        fs.rmSync(temp, { recursive: true, force: true });
    });

    it('succeeds with 0 documents and says so', () => {
        fs.mkdirSync(path.join(temp, 'lwc', 'kpiEmpty'), { recursive: true });
        fs.writeFileSync(path.join(temp, 'lwc', 'kpiEmpty', 'kpiEmpty.ts'), 'export const nothing = 1;\n');
        assert.equal(runCli(temp, []), 0);
        assert.match(output.join('\n'), /validated 0 GraphQL documents \(no gql documents in .* yet\) across 1 files/);
    });

    it('fails on an unparsable file, printing path:line', () => {
        fs.writeFileSync(path.join(temp, 'kpiBroken.ts'), 'export const = ;\n');
        assert.equal(runCli(temp, []), 1);
        assert.match(output.join('\n'), /kpiBroken\.ts:1: TypeScript cannot parse this file/);
    });

    it('skips __tests__ folders and fails on an invalid document with a one-line summary', () => {
        fs.mkdirSync(path.join(temp, '__tests__'));
        fs.writeFileSync(path.join(temp, '__tests__', 'x.test.ts'), 'export const = ;\n');
        fs.writeFileSync(
            path.join(temp, 'kpiBad.ts'),
            "import { gql } from 'lightning/graphql';\nexport const q = gql`query q { uiapi { query { Nope { totalCount } } } }`;\n",
        );
        assert.equal(runCli(temp, []), 1);
        const text = output.join('\n');
        assert.match(text, /kpiBad\.ts:2: Cannot query field "Nope" on type "RecordQuery"/);
        assert.match(
            text,
            /validated 1 GraphQL documents \(1 in source, 0 from registered builders\) across 1 files in \d+ ms; 1 problem/,
        );
    });
});
