import assert from 'node:assert/strict';
import '../../../preview/oracle/nodeLabels';
import { test } from 'node:test';
import {
    DEFAULT_SETTINGS,
    GROUPINGS,
    MAX_SUBQUERIES,
    SCOPES,
    planWinLoss,
    winLossQuery,
} from '../../../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import { validateDocument } from '../../validate/graphql';
import { dynamicDocumentSources } from '../dynamic-documents';
import { OMISSIONS, winLossDocuments, winLossModule } from '../winloss-documents';
import { assertDocumentsValidate } from './documentChecks';

const subqueries = (text: string) => (text.match(/^ {6}\w+: Opportunity\(/gm) ?? []).length;

test('kpiWinLossData is registered as a dynamic document builder', () => {
    const source = dynamicDocumentSources.find((s) => s.module === winLossModule);
    assert.ok(source, 'scripts/graphql/dynamic-documents.ts has no entry for kpiWinLossData');
    assert.ok(source.builders.includes('winLossQuery'));
});

test('every win-loss document validates and stays within ten subqueries', () => {
    const documents = winLossDocuments();
    assertDocumentsValidate(documents, 200);
    let most = 0;
    for (const document of documents) {
        most = Math.max(most, subqueries(document.source));
        assert.match(document.source, /^ {4}aggregate \{$/m, document.label);
        // The filters' picklist values ride in every document and count as one subquery (the limits page is silent).
        assert.match(document.source, /^ {4}objectInfos\(apiNames: \["Opportunity"\]\) \{$/m, document.label);
    }
    // The longest trend with a team, reasons and recent losses: the shared planner merges the trend's current window
    // with the team's rates, so nine subqueries where the component's own builder needed ten, and objectInfos fits.
    assert.equal(most, MAX_SUBQUERIES - 1);
    // Records and aggregates share the document unless the recent losses were left out.
    assert.ok(documents.some((d) => /^ {4}query \{$/m.test(d.source)));
});

test('the enumeration covers the documents a component asks for, whatever the day and time zone', () => {
    const sources = new Set(winLossDocuments().map((d) => d.source));
    const days = ['2025-11-03T08:00:00Z', '2026-02-28T23:30:00Z', '2026-12-31T12:00:00Z'];
    for (const day of days) {
        for (const grouping of GROUPINGS) {
            for (const scope of SCOPES) {
                for (const omit of OMISSIONS) {
                    for (const period of [{ kind: 'thisFiscalQuarter' as const }, { kind: 'lastYear' as const }]) {
                        const settings = { ...DEFAULT_SETTINGS, grouping, scope, period, fiscalYearStartMonth: 4 };
                        const plan = planWinLoss({
                            settings,
                            now: new Date(day),
                            calendar: { timeZone: 'Asia/Tokyo', firstDayOfWeek: 2, fiscalYearStartMonth: 4 },
                            userId: '005000000000007AAA',
                            omit,
                        });
                        const label = `${day}/${grouping}/${scope}/${omit.join('+')}/${period.kind}`;
                        assert.ok(sources.has(winLossQuery(plan)), `${label}: its document is not enumerated`);
                    }
                }
            }
        }
    }
});

test('the validator catches a win-loss document that breaks a rule (the check can fail)', () => {
    const plan = planWinLoss({
        settings: { ...DEFAULT_SETTINGS, period: { kind: 'rollingDays', days: 3650 } },
        now: new Date('2024-05-20T16:00:00Z'),
        calendar: { timeZone: 'UTC', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
        userId: '005000000000001AAA',
    });
    assert.deepEqual(validateDocument(plan.query), []);
    const room = MAX_SUBQUERIES - subqueries(plan.query);
    assert.ok(room >= 0, `${subqueries(plan.query)} subqueries`);
    const extras = Array.from(
        { length: room + 1 },
        (_, i) => `      extra${i}: Opportunity(first: 1) { edges { node { Id } } }\n`,
    );
    const eleventh = plan.query.replace('    query {\n', `    query {\n${extras.join('')}`);
    assert.ok(
        validateDocument(eleventh).some((d) => d.rule === 'max-subqueries'),
        'an eleventh subquery passed',
    );
    const badGroup = plan.query.replace('groupBy: { OwnerId: { group: true }', 'groupBy: { Owner: { group: true }');
    assert.ok(validateDocument(badGroup).length > 0);
});
