import fc from 'fast-check';
import { KPI_CATALOG } from 'c/kpiCatalog';
import {
    BOARD_KPIS,
    boardPageQuery,
    boardQuery,
    boardWindows,
    buildBoard,
    findBoardKpi,
    fromCatalog,
    isTargetFieldError,
    omissionsAfterFailure,
    parseTarget,
    planBoard,
    planBoardPage,
    readBoardConfig,
    readBoardCursors,
    readBoardResponses,
    sortRows,
    subqueriesOfError,
} from 'c/kpiLeaderboardQuery';
import type { BoardChoices, BoardPlan, BoardProperties, ConfigProblem } from 'c/kpiLeaderboardQuery';
import { rankEntries } from 'c/kpiRanking';
import {
    VIEWER,
    ownRecordsOnly,
    pageResponseFor,
    planFor,
    responseFor,
    salesWorld,
} from '../../kpiLeaderboard/__tests__/data/boardFixtures';
import type { World } from '../../kpiLeaderboard/__tests__/data/boardFixtures';

const NOW = new Date('2024-05-20T16:00:00Z');
const context = { userId: VIEWER, now: NOW, timeZone: 'America/New_York', firstDayOfWeek: 1 };

function plan(properties: BoardProperties, choices: BoardChoices = {}, without = {}): BoardPlan {
    const { config, problems } = readBoardConfig(properties, choices);
    if (!config) throw new Error(JSON.stringify(problems));
    return planBoard(config, { ...context, without });
}

const codes = (problems: ConfigProblem[]) => problems.map((p) => `${p.severity}:${p.property}:${p.code}`);

describe('the KPIs a board ranks', () => {
    it('takes every catalog KPI counted per owner, plus new logos', () => {
        expect(BOARD_KPIS.map((k) => k.id)).toEqual([
            'leadsCreated',
            'opportunitiesOpened',
            'pipelineCreated',
            'opportunitiesWon',
            'opportunitiesLost',
            'closedWonRevenue',
            'lostAmount',
            'averageDealSize',
            'averageContractValue',
            'winRate',
            'winRateByAmount',
            'leadConversionRate',
            'emailsSent',
            'outboundCalls',
            'pipelineValue',
            'newLogos',
        ]);
        for (const id of ['averageSalesCycle', 'pipelineCoverage', 'campaignOpenRate', 'leadsFromCampaigns']) {
            expect(fromCatalog(KPI_CATALOG.find((k) => k.id === id)!)).toBeUndefined();
        }
        expect(findBoardKpi(' winRate ')?.id).toBe('winRate');
        expect(findBoardKpi(42)).toBeUndefined();
    });

    it('reads each KPI from the catalog, with where its owner is and what adds up', () => {
        const winRate = findBoardKpi('winRate')!;
        expect(winRate.parts.map((p) => [p.role, p.object, p.ownerField])).toEqual([
            ['value', 'Opportunity', 'OwnerId'],
        ]);
        expect([winRate.combine, winRate.additive, winRate.minSample]).toEqual(['share', false, 20]);
        expect(findBoardKpi('closedWonRevenue')).toMatchObject({ combine: 'sum', additive: true, minSample: 0 });
        expect(findBoardKpi('averageContractValue')).toMatchObject({ combine: 'average' });
        expect(findBoardKpi('averageContractValue')!.parts[0]).toMatchObject({ sumField: 'Amount' });
        expect(findBoardKpi('leadConversionRate')!.parts.map((p) => p.role)).toEqual(['numerator', 'denominator']);
        // New logos is a catalog KPI: accounts dated through their first won deal, so filters reach the deals.
        expect(findBoardKpi('newLogos')!.parts).toEqual([
            { role: 'value', object: 'Account', datedObject: 'Opportunity', ownerField: 'OwnerId' },
        ]);
    });
});

describe('readBoardConfig', () => {
    it('fills defaults', () => {
        const { config, problems } = readBoardConfig({});
        expect(problems).toEqual([]);
        expect(config).toMatchObject({
            kpi: { id: 'closedWonRevenue' },
            period: { kind: 'thisFiscalQuarter' },
            comparison: 'previousPeriod',
            fiscalYearStartMonth: 1,
            yearsShown: 3,
            yearsBack: 0,
            rankedUsers: { mode: 'owners' },
            groupBy: 'rep',
            rankBy: 'value',
            rankMethod: 'competition',
            minSample: 0,
            target: { source: 'none' },
            rowLimit: 10,
            variant: 'full',
            showFilters: true,
            currencyCode: null,
            filters: { opportunityType: null, leadSource: null },
        });
    });

    it.each<[string, BoardProperties, string[]]>([
        ['an unknown KPI', { kpi: 'happiness' }, ['error:kpi:notKpi']],
        ['a KPI not counted per owner', { kpi: 'pipelineCoverage' }, ['error:kpi:notRankable']],
        ['a bad period', { period: 'rollingDays:0' }, ['error:period:notPeriod']],
        ['a bad fiscal month', { fiscalYearStartMonth: 13 }, ['error:fiscalYearStartMonth:notWholeNumber']],
        ['a role without its name', { rankedUsers: 'role', roleName: 'Sales Rep!' }, ['error:roleName:missingRole']],
        ['a profile without its name', { rankedUsers: 'profile' }, ['error:profileName:missingProfile']],
        ['a bad manager', { rankedUsers: 'team', managerId: 'boss' }, ['error:managerId:notUserId']],
        ['a bad ranked users', { rankedUsers: 'everybody' }, ['error:rankedUsers:notChoice']],
        ['a bad grouping', { groupBy: 'region' }, ['error:groupBy:notChoice']],
        ['a bad rank by', { rankBy: 'vibes' }, ['error:rankBy:notChoice']],
        ['a bad rank method', { rankMethod: 'olympic' }, ['error:rankMethod:notChoice']],
        ['a bad minimum', { kpi: 'winRate', minSample: -2 }, ['error:minSample:notWholeNumber']],
        ['a bad target source', { targetSource: 'quota' }, ['error:targetSource:notChoice']],
        ['a missing target', { targetSource: 'everyone' }, ['error:target:missingTarget']],
        ['a bad target', { targetSource: 'everyone', target: 'lots' }, ['error:target:notTarget']],
        [
            'a rate target in points',
            { kpi: 'winRate', targetSource: 'everyone', target: '25' },
            ['error:target:percentTarget'],
        ],
        [
            'a bad target field',
            { targetSource: 'userField', targetField: 'Quota c' },
            ['error:targetField:notFieldName'],
        ],
        ['ranking by target without one', { rankBy: 'percentOfTarget' }, ['error:rankBy:targetNeeded']],
        ['a bad row limit', { rowLimit: 500 }, ['error:rowLimit:notWholeNumber']],
        ['a bad layout', { variant: 'tiny' }, ['error:variant:notChoice']],
        ['a bad comparison', { comparison: 'yesterday' }, ['warning:comparison:notChoice']],
        ['movement for a snapshot', { kpi: 'pipelineValue' }, ['warning:comparison:comparisonNotSupported']],
        ['a bad years shown', { yearsShown: 20 }, ['warning:yearsShown:notWholeNumber']],
        [
            'a filter the KPI cannot use',
            { kpi: 'emailsSent', opportunityType: 'New' },
            ['warning:opportunityType:filterNotApplicable'],
        ],
        ['an overlong filter value', { leadSource: 'x'.repeat(300) }, ['warning:leadSource:notText']],
        ['a minimum for a count', { minSample: 5 }, ['warning:minSample:minSampleIgnored']],
        ['a target without a source', { target: '100' }, ['warning:target:targetIgnored']],
        ['a bad show filters', { showFilters: 'often' }, ['warning:showFilters:notBoolean']],
        ['a bad currency', { currencyCode: 'dollars' }, ['warning:currencyCode:notCurrency']],
        ['a bad secondary KPI', { secondaryKpis: 'winRate,happiness' }, ['warning:secondaryKpis:notKpi']],
        [
            'the ranked KPI as a secondary',
            { secondaryKpis: 'closedWonRevenue' },
            ['warning:secondaryKpis:secondaryIsMain'],
        ],
    ])('names the property for %s', (_name, properties, expected) => {
        const { config, problems } = readBoardConfig(properties);
        expect(codes(problems)).toEqual(expected);
        expect(config === undefined).toBe(expected.some((code) => code.startsWith('error')));
    });

    it('reports a bad year choice and falls back to the current year', () => {
        const { config, problems } = readBoardConfig({ yearsShown: 2 }, { yearsBack: 5 });
        expect(codes(problems)).toEqual(['warning:yearsShown:badYearChoice']);
        expect(config!.yearsBack).toBe(0);
    });

    it('lets the viewer choices replace the properties', () => {
        const { config } = readBoardConfig(
            { period: 'thisMonth', opportunityType: 'Renewal', groupBy: 'rep' },
            { period: 'lastQuarter', opportunityType: 'New Customer', groupBy: 'manager', yearsBack: 2 },
        );
        expect(config).toMatchObject({
            period: { kind: 'lastQuarter' },
            filters: { opportunityType: 'New Customer' },
            groupBy: 'manager',
            yearsBack: 2,
        });
    });

    it('reads targets, team modes, strings for numbers and the compact layout', () => {
        expect(parseTarget('1,500,000', false)).toBe(1500000);
        expect(parseTarget('25%', true)).toBe(0.25);
        expect(parseTarget('0.3', true)).toBe(0.3);
        expect(parseTarget('30', true)).toBe('percentTarget');
        expect(parseTarget('-5', false)).toBeUndefined();
        const { config } = readBoardConfig({
            kpi: 'winRate',
            targetSource: 'everyone',
            target: '30%',
            rankedUsers: 'team',
            managerId: '005000000000002AAA',
            minSample: '5',
            rowLimit: '25',
            variant: 'compact',
            showFilters: 'true',
            currencyCode: 'eur',
        });
        expect(config).toMatchObject({
            target: { source: 'everyone', value: 0.3 },
            rankedUsers: { mode: 'team', managerId: '005000000000002AAA' },
            minSample: 5,
            rowLimit: 25,
            showFilters: false,
            currencyCode: 'EUR',
        });
        expect(readBoardConfig({ rankedUsers: 'team' }).config!.rankedUsers).toEqual({ mode: 'team', managerId: null });
        expect(readBoardConfig({ targetSource: 'userField' }).config!.target).toEqual({
            source: 'userField',
            field: 'Sales_Quota__c',
        });
        expect(readBoardConfig({ showFilters: false }).config!.showFilters).toBe(false);
    });

    it('never throws, whatever the values (property)', () => {
        const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.object());
        fc.assert(
            fc.property(
                fc.dictionary(
                    fc.constantFrom('kpi', 'period', 'rankBy', 'target', 'minSample', 'rowLimit', 'secondaryKpis'),
                    anything,
                ),
                (properties) => {
                    const { config, problems } = readBoardConfig(properties as BoardProperties);
                    expect(config !== undefined || problems.some((p) => p.severity === 'error')).toBe(true);
                },
            ),
            // Found by this property in CI: an object whose toString is not a function broke String(value).
            { examples: [[{ kpi: { toString: 0 } }], [{ target: { valueOf: 0, toString: 0 } }]] },
        );
    });
});

describe('planBoard', () => {
    it('puts the ranked KPI now and then, the users, the filter values and the secondary KPIs in one document', () => {
        const board = plan({
            kpi: 'winRate',
            secondaryKpis: 'closedWonRevenue,newLogos',
            opportunityType: 'New Customer',
        });
        expect(board.kpiPlan.documents).toHaveLength(1);
        expect(board.subqueries.map((s) => [s.role, s.object])).toEqual([
            ['kpi', 'Opportunity'],
            ['kpi', 'Opportunity'],
            ['kpi', 'Opportunity'],
            ['kpi', 'Account'],
            ['users', 'User'],
            ['options', 'Opportunity'],
            ['options', 'Opportunity'],
        ]);
        const reads = (s: BoardPlan['subqueries'][number]) => s.reads.map((r) => `${r.kpi}/${r.window}`);
        expect(board.subqueries.filter((s) => s.role === 'kpi').map(reads)).toEqual([
            ['winRate/current'],
            ['winRate/comparison'],
            ['closedWonRevenue/current'],
            ['newLogos/current'],
        ]);
        expect(Object.values(board.variables).sort()).toEqual([
            '2024-01-01',
            '2024-02-20',
            '2024-04-01',
            'New Customer',
        ]);
        expect(board.query).toContain('CloseDate: { eq: { literal: THIS_FISCAL_QUARTER }, lt: { literal: TOMORROW } }');
        expect(board.query).toContain('Id: { inq: { Opportunity: {}, ApiName: "OwnerId" } }');
        // New logos: a won deal in the period (filters included) and none before its first day.
        expect(board.query).toMatch(
            /Id: \{ inq: \{ Opportunity: \{ and: \[\{ IsWon: \{ eq: true \} \}, \{ CloseDate: \{ eq: \{ literal: THIS_FISCAL_QUARTER \}/,
        );
        expect(board.query).toMatch(
            /Id: \{ ninq: \{ Opportunity: \{ and: \[\{ IsWon: \{ eq: true \} \}, \{ CloseDate: \{ lt: \{ value: \$d\d \} \} \}\] \}, ApiName: "AccountId" \} \}/,
        );
        expect(board.query.match(/first: 2000/g)).toHaveLength(5);
        expect(board.query).toMatch(/^query KpiLeaderboard\(/);
        expect(boardQuery(board)).toBe(board.query);
        expect(boardQuery(undefined)).toBe('');
        expect(board.window).toEqual({
            start: '2024-04-01',
            end: '2024-05-21',
            literal: 'THIS_FISCAL_QUARTER',
            toDate: true,
        });
        expect(board.fullWindow.end).toBe('2024-07-01');
    });

    it('records the document lines of each subquery, for errors that point at a line', () => {
        const board = plan({ kpi: 'winRate' });
        const lines = board.query.split('\n');
        for (const subquery of board.subqueries) {
            expect(lines[subquery.lines[0] - 1]).toContain(`${subquery.alias}: ${subquery.object}(`);
            expect(lines[subquery.lines[1] - 1].trim()).toBe('}');
        }
    });

    it('merges identical subqueries of different KPIs', () => {
        const board = plan({
            kpi: 'closedWonRevenue',
            secondaryKpis: 'opportunitiesWon,averageDealSize',
            comparison: 'none',
            showFilters: false,
        });
        expect(board.subqueries).toHaveLength(2);
        expect(board.subqueries[0].reads.map((r) => r.kpi)).toEqual([
            'closedWonRevenue',
            'opportunitiesWon',
            'averageDealSize',
        ]);
        expect(board.subqueries[0].selections).toEqual([
            { field: 'Id', fns: ['count'] },
            { field: 'Amount', fns: ['sum'] },
        ]);
        // Names come once, with the users, not beside every KPI's groups.
        expect(board.query).not.toContain('Owner { Name');
        expect(board.query).toContain('Name { max { value } }');
    });

    it('leaves out secondary KPIs that do not fit ten subqueries', () => {
        const board = plan({
            kpi: 'winRate',
            secondaryKpis: 'leadConversionRate,winRateByAmount,emailsSent,outboundCalls,pipelineCreated,lostAmount',
        });
        expect(board.kpiPlan.documents).toHaveLength(1);
        expect(board.subqueries.length).toBeLessThanOrEqual(10);
        // Win rate by amount reads what win rate reads (amounts summed too): it costs no subquery of its own.
        expect(board.kpis.map((k) => k.id)).toEqual([
            'winRate',
            'leadConversionRate',
            'winRateByAmount',
            'emailsSent',
            'outboundCalls',
            'pipelineCreated',
        ]);
        expect(board.droppedSecondary).toEqual(['lostAmount']);
    });

    it('finds Task owners with a grouped subquery (Task cannot be a semi-join)', () => {
        const board = plan({ kpi: 'emailsSent', comparison: 'none' });
        expect(board.subqueries.map((s) => s.role)).toEqual(['kpi', 'users', 'owners']);
        const [, users, owners] = board.subqueries;
        expect(users.text.args[0]).toBe('where: { IsActive: { eq: true } }');
        expect(owners.text.args[0]).toBe('where: { Owner: { IsActive: { eq: true } } }');
        expect(board.query).not.toContain('Task: {}');
    });

    it.each(['owners', 'role', 'profile', 'team'])(
        'ranks in %s mode only people owning a record the viewer can see (a semi-join; Task owners apart)',
        (rankedUsers) => {
            const properties = { rankedUsers, roleName: 'SalesRep', profileName: 'Standard User', comparison: 'none' };
            const revenue = plan({ ...properties, kpi: 'closedWonRevenue' });
            const users = revenue.subqueries.find((s) => s.role === 'users')!;
            expect(users.text.args[0]).toContain('Id: { inq: { Opportunity: {}, ApiName: "OwnerId" } }');
            const emails = plan({ ...properties, kpi: 'emailsSent' });
            expect(emails.subqueries.map((s) => s.role)).toContain('owners');
            expect(emails.query).not.toContain('Task: {}');
        },
    );

    it('narrows users and records to a role, a profile or a team, on the owner of each record', () => {
        const role = plan({ kpi: 'leadsCreated', rankedUsers: 'role', roleName: 'SalesRep' });
        expect(role.query).toMatch(
            /\{ Owner: \{ User: \{ IsActive: \{ eq: true \}, UserRole: \{ DeveloperName: \{ eq: \$s0 \} \} \} \} \}/,
        );
        expect(role.variables.s0).toBe('SalesRep');
        const profile = plan({ rankedUsers: 'profile', profileName: 'Standard User' });
        expect(profile.query).toContain('Profile: { Name: { eq: $s0 } }');
        expect(profile.variables.s0).toBe('Standard User');
        const mine = plan({ rankedUsers: 'team' });
        expect(mine.query).toContain('ManagerId: { eq: $userId }');
        expect(mine.variables.userId).toBe(VIEWER);
        const theirs = plan({ rankedUsers: 'team', managerId: '005000000000002AAA' });
        expect(Object.values(theirs.variables)).toContain('005000000000002AAA');
    });

    it('sends explicit dates for a past year and rolling ranges as the server counts them', () => {
        const past = plan({ period: 'thisQuarter' }, { yearsBack: 1 });
        expect(past.window).toEqual({ start: '2023-04-01', end: '2023-07-01', toDate: false, literal: 'THIS_QUARTER' });
        expect(past.query).not.toContain('literal');
        expect(Object.values(past.variables)).toEqual(
            expect.arrayContaining(['2023-04-01', '2023-07-01', '2023-01-01']),
        );
        const created = plan({ kpi: 'pipelineCreated', period: 'thisMonth' }, { yearsBack: 1 });
        expect(Object.values(created.variables)).toEqual(
            expect.arrayContaining(['2023-05-01T04:00:00Z', '2023-06-01T04:00:00Z']),
        );
        expect(created.query).toMatch(/\$t0: DateTime/);
        const rolling = plan({ period: 'rollingDays:30', comparison: 'none' });
        expect(rolling.query).toContain('CloseDate: { eq: { range: { last_n_days: 30 } } }');
        const logos = plan({ kpi: 'newLogos', period: 'rollingDays:30', comparison: 'none' });
        expect(logos.query).toContain('CloseDate: { eq: { range: { last_n_days: 30 } } }');
        expect(logos.query).toMatch(
            /ninq: \{ Opportunity: \{ and: \[\{ IsWon: \{ eq: true \} \}, \{ CloseDate: \{ lt: \{ value: \$d0 \} \} \}/,
        );
        expect(logos.variables.d0).toBe(logos.window.start);
        expect(logos.window.start).toBe('2024-04-20');
        const leap = planBoard(readBoardConfig({ period: 'thisMonth' }, { yearsBack: 1 }).config!, {
            ...context,
            now: new Date('2024-02-29T16:00:00Z'),
        });
        expect(leap.window.start).toBe('2023-02-01');
    });

    it('takes the whole period for open pipeline, and no comparison', () => {
        const board = plan({ kpi: 'pipelineValue', period: 'thisMonth' });
        expect(board.comparisonWindow).toBeNull();
        expect(board.window.toDate).toBe(false);
        expect(board.query).toContain('CloseDate: { eq: { literal: THIS_MONTH } }');
    });

    it('leaves out what a retry asks to leave out', () => {
        const board = plan(
            { kpi: 'closedWonRevenue', secondaryKpis: 'winRate', targetSource: 'userField' },
            {},
            { comparison: true, options: true, targetField: true, secondary: ['winRate'] },
        );
        expect(board.subqueries.map((s) => s.role)).toEqual(['kpi', 'users']);
        expect(board.targetField).toBeNull();
        expect(board.droppedSecondary).toEqual(['winRate']);
        expect(board.query).not.toContain('Sales_Quota__c');
    });

    it('repeats paged subqueries alone with after for the next page', () => {
        const board = plan({ kpi: 'winRate', rankedUsers: 'role', roleName: 'SalesRep' });
        const [ranked] = board.subqueries;
        const users = board.subqueries.find((s) => s.role === 'users')!;
        const options = board.subqueries.find((s) => s.role === 'options')!;
        const page = planBoardPage(board, {
            [users.alias]: 'djE6MTk5OQ==',
            [ranked.alias]: 'abc',
            [options.alias]: 'ignored',
        });
        expect(page.subqueries.map((s) => s.alias)).toEqual([ranked.alias, users.alias]);
        expect(page.query).toContain(`first: 2000, after: $${ranked.alias}After) {`);
        expect(page.query).toMatch(/^query KpiLeaderboardPage\(/);
        expect(page.variables).toMatchObject({
            s0: 'SalesRep',
            [`${ranked.alias}After`]: 'abc',
            [`${users.alias}After`]: 'djE6MTk5OQ==',
        });
        expect(Object.keys(page.variables).every((name) => page.query.includes(`$${name}:`))).toBe(true);
        expect(boardPageQuery(page)).toBe(page.query);
        expect(boardPageQuery(undefined)).toBe('');
    });

    it('gives the windows of each year offered', () => {
        const { config } = readBoardConfig({ period: 'thisFiscalYear', fiscalYearStartMonth: 4 }, { yearsBack: 2 });
        const windows = boardWindows(config!, context);
        expect(windows.window).toMatchObject({ start: '2022-04-01', end: '2023-04-01' });
        expect(windows.comparison).toMatchObject({ start: '2021-04-01', end: '2022-04-01' });
    });
});

describe('readBoardResponses', () => {
    it('reads users, filter values, the answer, and what has more pages', () => {
        const board = planFor({ kpi: 'closedWonRevenue', targetSource: 'userField' });
        const users = board.subqueries.find((s) => s.role === 'users')!.alias;
        const first = { document: board, data: responseFor(board, salesWorld(), { pageSize: 4 }) };
        const data = readBoardResponses(board, [first]);
        expect(data.answered).toBe(true);
        expect(data.users.map((u) => u.id)).toHaveLength(4);
        expect(data.users[0]).toEqual({
            id: '005000000000001AAA',
            name: 'Avery Kim',
            managerId: '005000000000009AAA',
            managerName: 'Morgan Lee',
            roleId: '00E000000000001AAA',
            roleName: 'East',
            createdDate: '2019-01-07T17:00:00.000Z',
            target: 100000,
        });
        expect(data.options.opportunityType).toEqual([
            { value: 'New Customer', label: 'New Customer (label)' },
            { value: 'Existing Customer - Upgrade', label: 'Existing Customer - Upgrade (label)' },
        ]);
        expect(Object.keys(data.next)).toContain(users);
        expect(readBoardCursors(board, [first])).toEqual({ answered: true, next: data.next });
        const paged = board.subqueries.filter((s) => s.paged).map((s) => s.alias);
        const page = planBoardPage(board, data.next);
        const all = readBoardResponses(board, [
            first,
            { document: page, data: pageResponseFor(board, salesWorld(), paged, 4) },
        ]);
        expect(all.users).toHaveLength(5);
        expect(all.next).toEqual({});
        // The pages are one answer: every owner's groups, whichever page they came on.
        const ranked = board.subqueries[0].alias;
        const merged = all.answer.data as { uiapi: { aggregate: Record<string, { edges: unknown[] }> } };
        expect(merged.uiapi.aggregate[ranked].edges).toHaveLength(
            Object.keys(salesWorld().totals['closedWonRevenue|current|value']).length,
        );
        expect(buildBoard(board, all, VIEWER).rows.find((r) => r.key === VIEWER)).toMatchObject({ value: 12000 });
    });

    it('stops after the last page it may fetch and says the board is incomplete', () => {
        const board = planFor({ kpi: 'opportunitiesWon', comparison: 'none', showFilters: false });
        const [ranked, users] = board.subqueries.map((s) => s.alias);
        const responses = Array.from({ length: 5 }, (_, index) => ({
            document: index === 0 ? board : planBoardPage(board, { [users]: 'c' }),
            data: { uiapi: { aggregate: { [users]: { edges: [], pageInfo: { hasNextPage: true, endCursor: 'c' } } } } },
        }));
        const data = readBoardResponses(board, responses);
        expect(data.truncated.map((s) => s.alias)).toEqual([users]);
        expect(data.next).toEqual({});
        expect(data.missing.map((s) => s.alias)).toEqual([ranked]);
    });

    it('ties errors to subqueries by path, by the path in the message, or by line', () => {
        const board = planFor({ kpi: 'winRate', secondaryKpis: 'emailsSent' });
        const emails = board.subqueries.find((s) => s.object === 'Task' && s.role === 'kpi')!;
        const users = board.subqueries.find((s) => s.role === 'users')!;
        expect(subqueriesOfError({ path: ['uiapi', 'aggregate', users.alias] }, board)).toEqual([users]);
        expect(
            subqueriesOfError(
                { message: "sObject type 'Task' is not supported @ 'uiapi/aggregate/" + emails.alias + "'" },
                board,
            ),
        ).toEqual([emails]);
        expect(subqueriesOfError({ locations: [{ line: emails.lines[0] + 1, column: 3 }] }, board)).toEqual([emails]);
        expect(subqueriesOfError('boom', board)).toEqual([]);
        expect(subqueriesOfError({ path: ['uiapi', 'aggregate', 'nope'], message: 'x' }, board)).toEqual([]);
    });

    it('notices a summed field and a target field the viewer cannot see', () => {
        const board = planFor({
            kpi: 'opportunitiesWon',
            secondaryKpis: 'closedWonRevenue',
            targetSource: 'userField',
            comparison: 'none',
        });
        const world = salesWorld();
        world.totals['opportunitiesWon|current|value'] = world.totals['closedWonRevenue|current|value'];
        const response = responseFor(board, world) as {
            uiapi: { aggregate: Record<string, { edges: { node: { aggregate: Record<string, unknown> } }[] }> };
        };
        const [won, users] = board.subqueries.map((s) => s.alias);
        for (const edge of response.uiapi.aggregate[won].edges) delete edge.node.aggregate.Amount;
        for (const edge of response.uiapi.aggregate[users].edges) delete edge.node.aggregate.Sales_Quota__c;
        const data = readBoardResponses(board, [{ document: board, data: response }]);
        expect(data.hiddenFields.map((h) => [h.subquery.alias, h.field, h.reads.map((r) => r.kpi)])).toEqual([
            [won, 'Amount', ['closedWonRevenue']],
        ]);
        expect(data.targetFieldHidden).toBe(true);
        const result = buildBoard(board, data, VIEWER);
        expect(result.secondary).toEqual([]);
        expect(result.rows[0]).toMatchObject({ name: 'Avery Kim', value: 4, target: null });
    });

    it('decides what to leave out after a refused document, and when nothing can be', () => {
        const board = planFor({ kpi: 'winRate', secondaryKpis: 'emailsSent', targetSource: 'userField' });
        const alias = (test: (s: BoardPlan['subqueries'][number]) => boolean) => board.subqueries.find(test)!.alias;
        const refuse = (...errors: unknown[]) =>
            omissionsAfterFailure(board, readBoardResponses(board, [{ document: board, errors }]));
        const at = (name: string, message = 'nope') => ({ message, path: ['uiapi', 'aggregate', name] });
        expect(refuse(at(alias((s) => s.object === 'Task')))).toEqual({ secondary: ['emailsSent'] });
        expect(refuse(at(alias((s) => s.reads.some((r) => r.window === 'comparison'))))).toEqual({ comparison: true });
        const users = alias((s) => s.role === 'users');
        expect(refuse(at(alias((s) => s.filter === 'leadSource')))).toEqual({ options: true });
        expect(refuse(at(users, "Field 'Sales_Quota__c' in type 'UserAggregateResult' is undefined"))).toEqual({
            targetField: true,
        });
        expect(refuse(at(users, 'Request limit exceeded'))).toBeUndefined();
        expect(refuse(at(board.subqueries[0].alias))).toBeUndefined();
        expect(refuse({ message: 'Failed to fetch' })).toBeUndefined();
        expect(
            omissionsAfterFailure(
                board,
                readBoardResponses(board, [{ document: board, data: responseFor(board, salesWorld()) }]),
            ),
        ).toBeUndefined();
        expect(isTargetFieldError({ message: 'Sales_Quota__c is not a number' }, null)).toBe(false);
        expect(isTargetFieldError('Sales_Quota__c', 'Sales_Quota__c')).toBe(false);
    });
});

describe('buildBoard', () => {
    const boardOf = (properties: BoardProperties, world: World = salesWorld(), choices: BoardChoices = {}) => {
        const board = planFor(properties, choices);
        return buildBoard(
            board,
            readBoardResponses(board, [{ document: board, data: responseFor(board, world) }]),
            VIEWER,
        );
    };

    it('ranks reps with zeros, targets, pace and movement; newcomers are new', () => {
        const result = boardOf({ kpi: 'closedWonRevenue', targetSource: 'userField', period: 'lastQuarter' });
        expect(result.rows.map((r) => [r.name, r.rank, r.tied, r.value, r.target, r.previousRank, r.movement])).toEqual(
            [
                ['Avery Kim', 1, false, 90000, 100000, 3, { kind: 'up', places: 2 }],
                ['Blake Ruiz', 2, true, 40000, 50000, 1, { kind: 'down', places: 1 }],
                ['Casey Moore', 2, true, 40000, 80000, 4, { kind: 'up', places: 2 }],
                ['Dana Fox', 4, false, 12000, 60000, 2, { kind: 'down', places: 2 }],
                ['Emery Hart', 5, false, 0, null, null, { kind: 'new', places: 0 }],
            ],
        );
        expect(result.rows[0].progress).toEqual({
            percentOfTarget: 0.9,
            pace: 90000,
            paceOfTarget: 0.9,
            gapToTarget: 10000,
            met: false,
        });
        expect(result.viewerKey).toBe(VIEWER);
        expect(result.rows[3].isViewer).toBe(true);
        expect(result.rows[3].valueGapToNext).toBe(28000);
        expect(result.total).toMatchObject({ value: 182000, sampleSize: 10, target: 290000 });
        expect([result.hasComparison, result.hasTarget, result.rankedCount]).toEqual([true, true, 5]);
    });

    it('gives a viewer who sees only their own records their own numbers, not a rank of one', () => {
        const world = salesWorld();
        // Private sharing: the semi-join on the users finds only the viewer among the owners of visible records.
        const own = ownRecordsOnly(world);
        const result = boardOf({ kpi: 'closedWonRevenue', targetSource: 'userField', period: 'lastQuarter' }, own);
        expect(result.ownOnly).toBe(true);
        expect(result.rows.map((r) => [r.name, r.rank, r.value, r.target, r.movement, r.isViewer])).toEqual([
            ['Dana Fox', null, 12000, 60000, null, true],
        ]);
        expect(result.rankedCount).toBe(0);
        expect(boardOf({ kpi: 'closedWonRevenue', period: 'lastQuarter' }).ownOnly).toBe(false);
        // Someone else alone is a ranking of one, not the viewer's own records.
        const other = ownRecordsOnly(world, '005000000000001AAA');
        expect(boardOf({ kpi: 'closedWonRevenue', period: 'lastQuarter' }, other).ownOnly).toBe(false);
    });

    it('ranks by percent of target, one target for everyone', () => {
        const result = boardOf({
            kpi: 'closedWonRevenue',
            targetSource: 'everyone',
            target: '50000',
            rankBy: 'percentOfTarget',
        });
        expect(result.rows.map((r) => [r.name, r.rank, r.progress.percentOfTarget])).toEqual([
            ['Avery Kim', 1, 1.8],
            ['Blake Ruiz', 2, 0.8],
            ['Casey Moore', 2, 0.8],
            ['Dana Fox', 4, 0.24],
            ['Emery Hart', 5, 0],
        ]);
        expect(result.total.target).toBe(250000);
    });

    it('ranks teams on their totals, with team targets and the viewer in their team', () => {
        const byManager = boardOf({ kpi: 'closedWonRevenue', targetSource: 'userField' }, salesWorld(), {
            groupBy: 'manager',
        });
        expect(byManager.rows.map((r) => [r.key, r.name, r.userId, r.memberIds.length, r.value, r.target])).toEqual([
            ['005000000000009AAA', 'Morgan Lee', '005000000000009AAA', 4, 182000, 290000],
            ['none', null, null, 1, 0, null],
        ]);
        expect(byManager.viewerKey).toBe('005000000000009AAA');
        // Then: the whole team's value; a team of newcomers only was not there to be ranked.
        expect(byManager.rows.map((r) => [r.key, r.comparisonValue, r.previousRank, r.movement])).toEqual([
            ['005000000000009AAA', 105000, 1, { kind: 'same', places: 0 }],
            ['none', 0, null, { kind: 'new', places: 0 }],
        ]);
        const byRole = boardOf(
            { kpi: 'winRate', minSample: 5, targetSource: 'everyone', target: '30%' },
            salesWorld(),
            { groupBy: 'role' },
        );
        expect(byRole.rows.map((r) => [r.name, r.value, r.sampleSize, r.target, r.rank, r.unranked])).toEqual([
            ['East', 6 / 14, 14, 0.3, 1, null],
            ['West', 1 / 3, 3, 0.3, null, 'belowMinSample'],
            [null, null, 0, 0.3, null, 'belowMinSample'],
        ]);
    });

    it('shows the secondary KPIs it read and drops movement when the comparison is unknown', () => {
        const board = planFor({ kpi: 'closedWonRevenue', secondaryKpis: 'winRate' });
        const comparison = board.subqueries.find((s) => s.reads.some((r) => r.window === 'comparison'))!;
        const data = readBoardResponses(board, [
            {
                document: board,
                data: responseFor(board, salesWorld(), { omit: [comparison.alias] }),
                errors: [{ message: 'timeout', path: ['uiapi', 'aggregate', comparison.alias] }],
            },
        ]);
        const result = buildBoard(board, data, VIEWER);
        expect(result.hasComparison).toBe(false);
        expect(result.rows.every((r) => r.movement === null)).toBe(true);
        expect(result.secondary).toEqual(['winRate']);
        expect(result.rows.find((r) => r.key === VIEWER)!.secondary).toEqual({ winRate: 1 / 3 });
    });

    it('ranks only the owners found for Task KPIs', () => {
        const board = planFor({ kpi: 'outboundCalls', comparison: 'none' });
        const response = responseFor(board, salesWorld()) as {
            uiapi: { aggregate: Record<string, { edges: unknown[] }> };
        };
        const owners = board.subqueries.find((s) => s.role === 'owners')!.alias;
        response.uiapi.aggregate[owners].edges = response.uiapi.aggregate[owners].edges.slice(0, 2);
        const result = buildBoard(board, readBoardResponses(board, [{ document: board, data: response }]), VIEWER);
        expect(result.rows.map((r) => r.name)).toEqual(['Avery Kim', 'Blake Ruiz']);
        expect(result.viewerKey).toBeNull();
    });

    it('agrees with a ranking recomputed from the records (property)', () => {
        const ids = ['005000000000011AAA', '005000000000012AAA', '005000000000013AAA', '005000000000014AAA', VIEWER];
        const record = fc.record({
            owner: fc.constantFrom(...ids),
            amount: fc.integer({ min: 0, max: 5 }).map((n) => n * 1000),
            won: fc.boolean(),
        });
        fc.assert(
            fc.property(
                fc.array(record, { maxLength: 40 }),
                fc.constantFrom('competition', 'dense'),
                (records, rankMethod) => {
                    const world: World = {
                        users: ids.map((id, index) => ({ id, name: `Rep ${index}` })),
                        totals: { 'closedWonRevenue|current|value': {}, 'closedWonRevenue|comparison|value': {} },
                    };
                    for (const r of records.filter((x) => x.won)) {
                        const totals = (world.totals['closedWonRevenue|current|value'][r.owner] ??= {
                            records: 0,
                            sum: 0,
                        });
                        totals.records += 1;
                        totals.sum! += r.amount;
                    }
                    const result = boardOf({ kpi: 'closedWonRevenue', rankMethod }, world);
                    const direct = rankEntries(
                        ids.map((id, index) => ({
                            key: id,
                            name: `Rep ${index}`,
                            value: records.filter((r) => r.won && r.owner === id).reduce((s, r) => s + r.amount, 0),
                        })),
                        { method: rankMethod },
                    );
                    expect(result.rows.map((r) => [r.key, r.rank])).toEqual(direct.map((e) => [e.key, e.rank]));
                },
            ),
        );
    });
});

describe('sortRows', () => {
    const rows = () => {
        const board = planFor({ kpi: 'closedWonRevenue', secondaryKpis: 'winRate', targetSource: 'userField' });
        return buildBoard(
            board,
            readBoardResponses(board, [{ document: board, data: responseFor(board, salesWorld()) }]),
            VIEWER,
        ).rows;
    };
    const names = (list: { name: string | null }[]) => list.map((r) => r.name);

    it('sorts by each column, keeping rows without a value last', () => {
        expect(names(sortRows(rows(), 'name', 'descending'))).toEqual([
            'Emery Hart',
            'Dana Fox',
            'Casey Moore',
            'Blake Ruiz',
            'Avery Kim',
        ]);
        expect(names(sortRows(rows(), 'value', 'ascending'))).toEqual([
            'Emery Hart',
            'Dana Fox',
            'Blake Ruiz',
            'Casey Moore',
            'Avery Kim',
        ]);
        expect(names(sortRows(rows(), 'percentOfTarget', 'descending')).slice(-1)).toEqual(['Emery Hart']);
        expect(names(sortRows(rows(), 'pace', 'ascending'))).toEqual([
            'Emery Hart',
            'Dana Fox',
            'Blake Ruiz',
            'Casey Moore',
            'Avery Kim',
        ]);
        expect(names(sortRows(rows(), 'gapToTarget', 'ascending'))[0]).toBe('Avery Kim');
        expect(names(sortRows(rows(), 'movement', 'descending'))).toEqual([
            'Avery Kim',
            'Casey Moore',
            'Blake Ruiz',
            'Dana Fox',
            'Emery Hart',
        ]);
        expect(names(sortRows(rows(), 'secondary:winRate', 'descending'))).toEqual([
            'Blake Ruiz',
            'Avery Kim',
            'Dana Fox',
            'Casey Moore',
            'Emery Hart',
        ]);
        expect(names(sortRows(rows(), 'rank', 'descending'))[0]).toBe('Emery Hart');
        expect(names(sortRows(rows(), 'unknown', 'ascending'))).toEqual(names(rows()));
    });
});
