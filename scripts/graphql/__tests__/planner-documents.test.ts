import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'graphql';
import { KPI_IDS } from '../../../force-app/main/default/lwc/kpiCatalog/kpiCatalog';
import { planKpis } from '../../../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import { maxSubqueriesPerQuery, validateDocument } from '../../validate/graphql';
import { plannerDocuments, plannerModule } from '../planner-documents';
import { assertDocumentsValidate, testRegistration } from './documentChecks';

testRegistration('kpiPlanner', plannerModule, ['kpiQuery', 'kpiRecordsQuery']);

// Each catalog KPI, period shape, scope, comparison, sparkline kind and breakdown: over a thousand texts.
test('every document the planner can produce validates against the UI API schema slice', () =>
    assertDocumentsValidate(plannerDocuments(), 1000));

test('the enumeration covers what a component asks for', () => {
    const documents = plannerDocuments();
    const sources = new Set(documents.map((d) => d.source));
    // Identical texts are listed once (average deal size reads what closed-won revenue reads), so compare texts.
    const context = {
        userId: '005000000000001AAA',
        now: new Date('2024-05-20T16:00:00Z'),
        calendar: { timeZone: 'America/New_York', firstDayOfWeek: 1, fiscalYearStartMonth: 2 },
    };
    for (const kpi of KPI_IDS) {
        const plan = planKpis(
            [{ kpi, period: 'thisMonth', scope: 'team', comparison: 'previousPeriod', sparkline: 4 }],
            context,
        );
        assert.ok(sources.has(plan.documents[0].query), `${kpi}: its document is not enumerated`);
    }
    assert.ok(
        documents.some((d) => /^board everything\/\w+#2$/.test(d.label)),
        'no board spans two documents',
    );
    assert.ok(
        documents.some((d) => d.label.startsWith('records behind ') && d.source.includes('uiapi {\n    query {')),
        'no drill-down record query',
    );
});

test('the validator catches a planner document that breaks a rule (the check can fail)', () => {
    const plan = planKpis([{ kpi: 'winRate', period: 'thisMonth', comparison: 'previousPeriod' }], {
        now: new Date('2024-05-20T16:00:00Z'),
        calendar: { timeZone: 'UTC', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
    });
    const good = plan.documents[0].query;
    assert.deepEqual(validateDocument(good), []);
    const misspelt = good.replace('IsWon { value }', 'IsWonn { value }');
    assert.ok(validateDocument(misspelt).some((d) => /IsWonn/.test(d.message)));
    const subquery = good.split('\n').slice(3, 7).join('\n').replace(/q0:/, 'qX:');
    const crowded = good.replace(
        '    }\n  }\n}',
        `${Array.from({ length: maxSubqueriesPerQuery }, (_, i) => subquery.replace('qX:', `x${i}:`)).join('\n')}\n    }\n  }\n}`,
    );
    assert.doesNotThrow(() => parse(crowded));
    assert.ok(validateDocument(crowded).some((d) => d.rule === 'max-subqueries'));
});
