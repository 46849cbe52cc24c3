/** What every dynamic document builder's test checks: its entry in the registry and that its documents validate. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildUiApiSchema } from '../../../schema/uiapi';
import { dynamicDocumentProblems } from '../../validate/graphql';
import { dynamicDocumentSources, type DynamicDocument } from '../dynamic-documents';

/** A test that `module` is registered with exactly these builders. */
export function testRegistration(name: string, module: string, builders: readonly string[]): void {
    test(`${name} is registered as a dynamic document builder`, () => {
        const source = dynamicDocumentSources.find((s) => s.module === module);
        assert.ok(source, `scripts/graphql/dynamic-documents.ts has no entry for ${name}`);
        assert.deepEqual(source.builders, builders);
    });
}

/** More than `atLeast` documents were enumerated, and every one validates against the UI API schema slice. */
export function assertDocumentsValidate(documents: readonly DynamicDocument[], atLeast: number): void {
    assert.ok(documents.length > atLeast, `only ${documents.length} documents enumerated`);
    const failures = dynamicDocumentProblems(documents, buildUiApiSchema());
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} problems`);
}
