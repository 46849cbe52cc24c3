import assert from 'node:assert/strict';
import '../../oracle/nodeLabels';
import { describe, it } from 'node:test';
import { currentWindow, parsePeriod } from '../../../force-app/main/default/lwc/kpiPeriods/kpiPeriods';
import { LIST_VIEW_TOKENS } from '../../../scripts/validate/metadata';
import { validateDocument } from '../../../scripts/validate/graphql';
import { createEngine } from '../../engine/index';
import { indexById, oracleKpi, type OracleRequest } from '../../oracle/kpis';
import { generateSampleOrg } from '../../sample-org/index';
import {
    ListViewError,
    TOKEN_FIELDS,
    listViewFile,
    loadListView,
    packagedListViewFiles,
    parseListView,
    planListView,
    type ListViewPlan,
} from '../listViews';

const FILE = '/tmp/objects/Opportunity/listViews/kpiTest.listView-meta.xml';

function xml(body: string): string {
    return `<?xml version="1.0" encoding="UTF-8"?>
<ListView xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>kpiTest</fullName>
    <label>KPI: Test</label>
    <filterScope>Everything</filterScope>
    ${body}
</ListView>`;
}

function filter(field: string, operation: string, value?: string): string {
    return `<filters><field>${field}</field><operation>${operation}</operation>${value === undefined ? '' : `<value>${value}</value>`}</filters>`;
}

function plan(body: string, object = 'Opportunity'): ListViewPlan {
    return planListView(parseListView(FILE.replace('Opportunity', object), xml(body), object));
}

function assertValid(planned: ListViewPlan): void {
    const problems = validateDocument(planned.query).map((d) => `${d.line}:${d.column} ${d.message}`);
    assert.deepEqual(problems, [], `${planned.file}:\n${planned.query}`);
}

/** The plan of these filters (and other elements), checked for its where and against the offline validator. */
function planWhere(elements: string[], where: string): ListViewPlan {
    const planned = plan(elements.join(''));
    assert.equal(planned.where, where);
    assertValid(planned);
    return planned;
}

function rejects(body: string, pattern: RegExp, object = 'Opportunity'): void {
    assert.throws(
        () => plan(body, object),
        (error: unknown) => {
            assert.ok(error instanceof ListViewError, `expected a ListViewError, got ${String(error)}`);
            assert.match(error.message, /kpiTest\.listView-meta\.xml/, 'the message names the file');
            assert.match(error.message, pattern);
            return true;
        },
    );
}

describe('packaged list views', () => {
    const files = packagedListViewFiles();

    it('finds the ten drill-down views the package ships', () => {
        assert.equal(files.length, 10);
    });

    for (const { object, file } of files) {
        it(`${object}/${file.split('/').pop()} translates, and its query passes the offline validator`, () => {
            const planned = loadListView(file, object);
            assert.ok(planned.label.startsWith('KPI: '));
            assert.equal(planned.columns.length > 0, true);
            assert.equal(planned.scope, undefined, 'filterScope Everything needs no scope argument');
            assertValid(planned);
        });
    }

    it('kpiOpportunitiesWon becomes closed, won and closing this (calendar) quarter', () => {
        const planned = loadListView(listViewFile('Opportunity', 'kpiOpportunitiesWon')!, 'Opportunity');
        assert.equal(
            planned.where,
            '{ and: [{ IsClosed: { eq: true } }, { IsWon: { eq: true } }, { CloseDate: { eq: { literal: THIS_QUARTER } } }] }',
        );
        assert.deepEqual(planned.conditions, [
            'Closed equals true',
            'Won equals true',
            'Close Date equals this quarter',
        ]);
        assert.deepEqual(
            planned.columns.map((column) => [column.label, column.reads.map((read) => read.join('.'))]),
            [
                ['Opportunity Name', ['Name']],
                ['Account Name', ['Account.Name']],
                ['Stage', ['StageName']],
                ['Amount', ['Amount']],
                ['Close Date', ['CloseDate']],
                ['Owner', ['Owner.Name']],
            ],
        );
    });

    it('task views read the polymorphic Who and What through each object they can be', () => {
        const planned = loadListView(listViewFile('Task', 'kpiEmailsSent')!, 'Task');
        // No TaskSubtype filter: TASK_SUBTYPE has no citation as a filter field, so the view lists every task.
        assert.equal(planned.where, '{ ActivityDate: { eq: { literal: THIS_QUARTER } } }');
        const what = planned.columns.find((column) => column.token === 'WHAT_NAME')!;
        assert.deepEqual(what.reads, [
            ['What', 'Name'],
            ['What', 'CaseNumber'],
        ]);
        assert.match(planned.query, /What \{ \.\.\. on Account \{ Name \{ value displayValue \} \}/);
    });

    it('a name outside the package, or one that is not a plain name, finds no file', () => {
        assert.equal(listViewFile('Opportunity', 'kpiNoSuchView'), undefined);
        assert.equal(listViewFile('Opportunity', '../listViews/kpiOpportunitiesWon'), undefined);
        assert.equal(listViewFile('Lead', 'kpiOpportunitiesWon'), undefined);
    });
});

describe('tokens', () => {
    it('maps every token scripts/validate/metadata.ts confirms, and the owner alias on every object', () => {
        for (const [object, tokens] of Object.entries(LIST_VIEW_TOKENS)) {
            const mapped = Object.keys(TOKEN_FIELDS[object] ?? {});
            assert.deepEqual(
                tokens.filter((token) => !mapped.includes(token)),
                [],
                `${object}: confirmed tokens without a field`,
            );
            assert.ok(mapped.includes('CORE.USERS.ALIAS'), `${object}: no owner alias`);
        }
    });

    it('an unknown column or filter token is an error naming the file and the token', () => {
        rejects('<columns>OPPORTUNITY.PROBABILITY</columns>', /column 1 token "OPPORTUNITY\.PROBABILITY"/);
        rejects(filter('OPPORTUNITY.TYPE', 'equals', 'New'), /filter 1 token "OPPORTUNITY\.TYPE"/);
        rejects('<columns>LEAD.COMPANY</columns>', /"LEAD\.COMPANY" is not a list view token .* for Opportunity/);
    });

    it('a token whose field the preview schema lacks says so instead of dropping the column', () => {
        rejects('<columns>LEAD.STATE</columns>', /column 1 \(LEAD\.STATE\) maps to Lead\.State, which schema/, 'Lead');
        rejects(
            filter('IS_RECURRENCE', 'equals', '1'),
            /filter 1 \(IS_RECURRENCE\): maps to Task\.IsRecurrence/,
            'Task',
        );
    });

    it('custom fields go by API name', () => {
        const planned = plan(`<columns>Loss_Reason__c</columns>${filter('Loss_Reason__c', 'equals', 'Price,Timing')}`);
        assert.equal(planned.where, '{ Loss_Reason__c: { in: ["Price", "Timing"] } }');
        assert.equal(planned.conditions[0], 'Loss Reason equals "Price" or "Timing"');
        assertValid(planned);
    });
});

describe('filters', () => {
    it('checkbox values 1/0 become booleans; anything else is an error', () => {
        assert.equal(plan(filter('OPPORTUNITY.WON', 'notEqual', '0')).where, '{ IsWon: { ne: false } }');
        rejects(
            filter('OPPORTUNITY.WON', 'equals', 'yes'),
            /filter 1 \(OPPORTUNITY\.WON\): value "yes" is not a checkbox/,
        );
    });

    it('date literals, N-literals and dates become the literal, range and value forms the engine reads', () => {
        const planned = planWhere(
            [
                filter('OPPORTUNITY.CLOSE_DATE', 'greaterOrEqual', 'LAST_FISCAL_YEAR'),
                filter('OPPORTUNITY.CREATED_DATE', 'equals', 'LAST_N_DAYS:30'),
                filter('OPPORTUNITY.CLOSE_DATE', 'lessThan', '2027-01-01'),
            ],
            '{ and: [{ CloseDate: { gte: { literal: LAST_FISCAL_YEAR } } }, { CreatedDate: { eq: { range: { last_n_days: 30 } } } }, { CloseDate: { lt: { value: "2027-01-01" } } }] }',
        );
        assert.deepEqual(planned.conditions, [
            'Close Date is at least last fiscal year',
            'Created Date equals last 30 days',
            'Close Date is less than 2027-01-01',
        ]);
        rejects(filter('OPPORTUNITY.CLOSE_DATE', 'equals', 'THIS_FORTNIGHT'), /value "THIS_FORTNIGHT" is neither/);
        rejects(filter('OPPORTUNITY.CLOSE_DATE', 'equals', 'LAST_N_EONS:3'), /date literal "LAST_N_EONS:3"/);
    });

    it('text operations become like patterns; several values mean any of them', () => {
        const planned = planWhere(
            [
                filter('OPPORTUNITY.NAME', 'contains', 'Widget,Gadget'),
                filter('OPPORTUNITY.STAGE_NAME', 'startsWith', 'Closed'),
                filter('ACCOUNT.NAME', 'notContain', 'Test'),
                filter('OPPORTUNITY.AMOUNT', 'greaterThan', '5000'),
                filter('OPPORTUNITY.STAGE_NAME', 'notEqual', ''),
            ],
            '{ and: [{ or: [{ Name: { like: "%Widget%" } }, { Name: { like: "%Gadget%" } }] }, { StageName: { like: "Closed%" } }, { not: { Account: { Name: { like: "%Test%" } } } }, { Amount: { gt: 5000 } }, { StageName: { ne: null } }] }',
        );
        assert.equal(planned.conditions[4], 'Stage does not equal blank');
        rejects(filter('OPPORTUNITY.AMOUNT', 'contains', '5'), /contains applies to text fields only/);
        rejects(filter('OPPORTUNITY.AMOUNT', 'equals', 'lots'), /value "lots" is not a number/);
    });

    it('an unsupported operation is an error naming the file, filter and operation', () => {
        rejects(filter('OPPORTUNITY.AMOUNT', 'within', '5'), /filter 1 \(OPPORTUNITY\.AMOUNT\): operation "within"/);
        rejects(filter('OPPORTUNITY.STAGE_NAME', 'includes', 'Closed Won'), /multi-select picklists only/);
    });

    it('booleanFilter combines the numbered filters, AND binding tighter than OR', () => {
        const planned = planWhere(
            [
                filter('OPPORTUNITY.WON', 'equals', '1'),
                filter('OPPORTUNITY.AMOUNT', 'greaterThan', '1000'),
                filter('OPPORTUNITY.CLOSED', 'equals', '0'),
                '<booleanFilter>1 AND (2 OR NOT 3) OR 3</booleanFilter>',
            ],
            '{ or: [{ and: [{ IsWon: { eq: true } }, { or: [{ Amount: { gt: 1000 } }, { not: { IsClosed: { eq: false } } }] }] }, { IsClosed: { eq: false } }] }',
        );
        assert.equal(planned.logic, '1 AND (2 OR NOT 3) OR 3');
        rejects(
            `${filter('OPPORTUNITY.WON', 'equals', '1')}<booleanFilter>1 AND 4</booleanFilter>`,
            /names filter 4, but there are 1/,
        );
        rejects(`${filter('OPPORTUNITY.WON', 'equals', '1')}<booleanFilter>(1</booleanFilter>`, /"\(" is not closed/);
    });

    it('filterScope Mine and Team become the scope argument; others are errors', () => {
        const mine = planListView(parseListView(FILE, xml('').replace('Everything', 'Mine'), 'Opportunity'));
        assert.equal(mine.scope, 'MINE');
        assert.match(mine.query, /scope: MINE/);
        assertValid(mine);
        assert.throws(
            () => planListView(parseListView(FILE, xml('').replace('Everything', 'Queue'), 'Opportunity')),
            /kpiTest\.listView-meta\.xml: filterScope "Queue" is not supported/,
        );
    });

    it('elements that would change the rows and that the preview does not model are errors, not ignored', () => {
        assert.throws(
            () => parseListView(FILE, xml('<queue>Support</queue>'), 'Opportunity'),
            /kpiTest\.listView-meta\.xml: <queue> is not supported/,
        );
        assert.throws(() => parseListView(FILE, '<ListView><label>x', 'Opportunity'), /malformed XML at line/);
    });
});

describe('list view totals equal the oracle computed from the records', () => {
    // Fiscal year from February, so the views' THIS_QUARTER (April to June on 20 June) is not the fiscal quarter
    // (May to July): the calendar quarter is what they list.
    const now = new Date('2026-06-20T17:00:00Z');
    const timeZone = 'America/Los_Angeles';
    const sample = generateSampleOrg({ seed: 7, size: 5000, now, fiscalYearStartMonth: 2 });
    const engine = createEngine(sample);
    const byId = indexById(sample);
    const whole = currentWindow(
        parsePeriod('thisQuarter')!,
        now,
        { timeZone, firstDayOfWeek: 1, fiscalYearStartMonth: 2 },
        false,
    );
    const { salesRep, salesManager, admin } = sample.org.personas;
    // The persona rep has few records this quarter; the user with the most wins in it has some in most views.
    const wins = new Map<string, number>();
    for (const record of sample.records.Opportunity ?? []) {
        const closeDate = String(record.CloseDate);
        if (record.IsWon === true && closeDate >= whole.start && closeDate < whole.end) {
            wins.set(String(record.OwnerId), (wins.get(String(record.OwnerId)) ?? 0) + 1);
        }
    }
    const busyRep = [...wins].sort((a, b) => b[1] - a[1])[0][0];
    // View → the oracle KPIs whose sum counts the same records over the whole quarter, for everything the viewer sees.
    const same: Record<string, string[]> = {
        kpiOpportunitiesWon: ['opportunitiesWon'],
        kpiOpportunitiesLost: ['opportunitiesLost'],
        kpiOpportunitiesClosed: ['opportunitiesWon', 'opportunitiesLost'],
        kpiOpportunitiesOpened: ['opportunitiesOpened'],
        kpiLeadsCreated: ['leadsCreated'],
    };
    // Views whose uncited filter was dropped: they list every task of the quarter, so at least the KPI's records.
    const wider: Record<string, string[]> = { kpiEmailsSent: ['emailsSent'], kpiOutboundCalls: ['outboundCalls'] };

    for (const [role, userId] of Object.entries({
        rep: salesRep,
        'user with the most wins': busyRep,
        manager: salesManager,
        admin,
    })) {
        it(`as the ${role}`, () => {
            const request: OracleRequest = { userId, timeZone, scope: 'all', toDate: whole, whole };
            let nonZero = 0;
            for (const [name, kpis] of [...Object.entries(same), ...Object.entries(wider)]) {
                const object = packagedListViewFiles().find((entry) =>
                    entry.file.endsWith(`/${name}.listView-meta.xml`),
                )!;
                const planned = loadListView(object.file, object.object);
                const response = engine.execute(
                    { query: planned.query, variables: { first: 5 }, operationName: planned.operationName },
                    { userId, locale: 'en-US', currency: 'USD', timeZone, now },
                );
                assert.equal(response.errors, undefined, `${name}: ${JSON.stringify(response.errors)}`);
                const total = (response.data as { uiapi: { query: Record<string, { totalCount: number }> } }).uiapi
                    .query[object.object].totalCount;
                const expected = kpis.reduce(
                    (sum, kpi) => sum + (oracleKpi(sample, kpi, request, whole, byId).value ?? 0),
                    0,
                );
                if (name in wider) {
                    assert.ok(
                        total >= expected,
                        `${role} ${name}: list view ${total}, fewer than the oracle ${expected}`,
                    );
                } else {
                    assert.equal(total, expected, `${role} ${name}: list view ${total}, oracle ${expected}`);
                }
                if (total > 0) nonZero += 1;
            }
            if (userId !== salesRep) {
                assert.ok(nonZero >= 4, `${role}: only ${nonZero} views have records; the comparison proves little`);
            }
        });
    }
});
