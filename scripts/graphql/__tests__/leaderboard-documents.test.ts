import assert from 'node:assert/strict';
import '../../../preview/oracle/nodeLabels';
import { test } from 'node:test';
import {
    BOARD_KPIS,
    boardQuery,
    boardWindows,
    buildBoard,
    planBoard,
    readBoardConfig,
    readBoardResponses,
} from '../../../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import type {
    BoardChoices,
    BoardProperties,
} from '../../../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import { isoDate, localDay } from '../../../force-app/main/default/lwc/kpiPeriods/kpiPeriods';
import { rankEntries } from '../../../force-app/main/default/lwc/kpiRanking/kpiRanking';
import { createEngine } from '../../../preview/engine';
import { generateSampleOrg } from '../../../preview/sample-org';
import { validateDocument } from '../../validate/graphql';
import { leaderboardDocuments, leaderboardModule } from '../leaderboard-documents';
import { assertDocumentsValidate, testRegistration } from './documentChecks';

testRegistration('kpiLeaderboardQuery', leaderboardModule, ['boardQuery', 'boardPageQuery']);

test('every document a leaderboard can produce validates against the UI API schema slice', () =>
    assertDocumentsValidate(leaderboardDocuments(), 300));

test('the enumeration covers the boards components ask for, whatever the day', () => {
    const sources = new Set(leaderboardDocuments().map((d) => d.source));
    const context = {
        userId: '005000000000007AAA',
        now: new Date('2025-11-03T08:00:00Z'),
        timeZone: 'Asia/Tokyo',
        firstDayOfWeek: 2,
    };
    for (const kpi of BOARD_KPIS) {
        for (const properties of [
            { kpi: kpi.id },
            { kpi: kpi.id, rankedUsers: 'team', targetSource: 'userField' },
            { kpi: kpi.id, variant: 'compact', rankedUsers: 'role', roleName: 'Sales', targetSource: 'userField' },
        ]) {
            const plan = planBoard(readBoardConfig({ yearsShown: 3, ...properties }).config!, context);
            assert.ok(sources.has(boardQuery(plan)), `${JSON.stringify(properties)}: its document is not enumerated`);
        }
    }
});

test('the validator catches a leaderboard document that breaks a rule (the check can fail)', () => {
    const plan = planBoard(readBoardConfig({ kpi: 'winRate' }).config!, {
        userId: '005000000000007AAA',
        now: new Date('2024-05-20T16:00:00Z'),
        timeZone: 'UTC',
        firstDayOfWeek: 1,
    });
    assert.deepEqual(validateDocument(plan.query), []);
    const broken = plan.query.replace('groupBy: { OwnerId: { group: true }', 'groupBy: { Owner: { group: true }');
    assert.notEqual(broken, plan.query);
    assert.ok(validateDocument(broken).length > 0);
    const tooMany = plan.query.replace(/first: 2000/, 'first: 2001');
    assert.ok(validateDocument(tooMany).some((d) => d.rule === 'max-first'));
});

type Rec = Record<string, unknown>;

/**
 * The ranking recomputed straight from the sample org's records, without the planner, the engine or the reader,
 * compared with the board the engine answers, ties included. As the admin, who sees every record.
 */
test('leaderboards agree with rankings recomputed from the sample org records', () => {
    const now = new Date('2026-05-15T19:00:00Z');
    const timeZone = 'America/Los_Angeles';
    const sample = generateSampleOrg({ seed: 7, size: 5000, now, fiscalYearStartMonth: 2 });
    const engine = createEngine(sample);
    const admin = sample.org.personas.admin;
    const records = sample.records as unknown as Record<string, Rec[]>;
    const users = new Map(records.User.map((u) => [u.Id as string, u]));
    const active = (id: unknown) => users.get(id as string)?.IsActive === true;
    const owners = (object: string) => new Set(records[object].map((r) => r.OwnerId as string).filter(active));

    const cases: { properties: BoardProperties; choices?: BoardChoices }[] = [];
    for (const kpi of [
        'closedWonRevenue',
        'winRate',
        'opportunitiesOpened',
        'newLogos',
        'outboundCalls',
        'leadsCreated',
        'averageDealSize',
    ]) {
        for (const period of ['thisFiscalQuarter', 'lastFiscalYear'])
            cases.push({ properties: { kpi, period, minSample: 3 } });
        cases.push({ properties: { kpi, period: 'thisQuarter', minSample: 3 }, choices: { yearsBack: 1 } });
    }
    cases.push({ properties: { kpi: 'closedWonRevenue', rankMethod: 'dense', opportunityType: 'New Customer' } });

    let ties = 0;
    for (const { properties, choices } of cases) {
        const label = JSON.stringify({ ...properties, ...choices });
        const config = readBoardConfig(
            { ...properties, fiscalYearStartMonth: 2, comparison: 'none', showFilters: false },
            choices,
        ).config!;
        const context = { userId: admin, now, timeZone, firstDayOfWeek: 1 };
        const plan = planBoard(config, context);
        const answer = engine.execute(
            { query: plan.query, variables: plan.variables, operationName: plan.operationName },
            { userId: admin, locale: 'en-US', currency: 'USD', timeZone, now },
        );
        assert.equal(answer.errors, undefined, `${label}: ${JSON.stringify(answer.errors)}`);
        const board = buildBoard(plan, readBoardResponses(plan, [{ document: plan, data: answer.data }]), admin);

        const { window } = boardWindows(config, context);
        const inWindow = (day: string) => window.start <= day && day < window.end;
        const dayOf = (instant: unknown) => isoDate(localDay(Date.parse(instant as string), timeZone));
        const type = (o: Rec) => config.filters.opportunityType === null || o.Type === config.filters.opportunityType;
        const tally = new Map<string, { records: number; sum: number; whole: number }>();
        const add = (owner: unknown, amount = 0, whole = 0) => {
            const entry = tally.get(owner as string) ?? { records: 0, sum: 0, whole: 0 };
            tally.set(owner as string, {
                records: entry.records + 1,
                sum: entry.sum + amount,
                whole: entry.whole + whole,
            });
        };
        let population: Set<string>;
        const opportunities = records.Opportunity.filter(type);
        switch (config.kpi.id) {
            case 'closedWonRevenue':
            case 'averageDealSize':
                population = owners('Opportunity');
                for (const o of opportunities)
                    if (o.IsWon && inWindow(o.CloseDate as string)) add(o.OwnerId, o.Amount as number);
                break;
            case 'winRate':
                population = owners('Opportunity');
                for (const o of opportunities) {
                    if (!o.IsClosed || !inWindow(o.CloseDate as string)) continue;
                    const entry = tally.get(o.OwnerId as string) ?? { records: 0, sum: 0, whole: 0 };
                    tally.set(o.OwnerId as string, {
                        records: entry.records + (o.IsWon ? 1 : 0),
                        sum: 0,
                        whole: entry.whole + 1,
                    });
                }
                break;
            case 'opportunitiesOpened':
                population = owners('Opportunity');
                for (const o of opportunities) if (inWindow(dayOf(o.CreatedDate))) add(o.OwnerId);
                break;
            case 'newLogos': {
                population = owners('Account');
                const firstWin = new Map<string, string>();
                for (const o of records.Opportunity.filter((o) => o.IsWon)) {
                    const before = firstWin.get(o.AccountId as string);
                    if (!before || (o.CloseDate as string) < before)
                        firstWin.set(o.AccountId as string, o.CloseDate as string);
                }
                for (const a of records.Account)
                    if (firstWin.has(a.Id as string) && inWindow(firstWin.get(a.Id as string)!)) add(a.OwnerId);
                break;
            }
            case 'outboundCalls':
                population = owners('Task');
                for (const t of records.Task) {
                    if (t.TaskSubtype === 'Call' && t.CallType === 'Outbound' && inWindow(t.ActivityDate as string))
                        add(t.OwnerId);
                }
                break;
            default:
                population = owners('Lead');
                for (const l of records.Lead) if (inWindow(dayOf(l.CreatedDate))) add(l.OwnerId);
        }
        const value = (id: string): { value: number | null; sampleSize: number } => {
            const t = tally.get(id) ?? { records: 0, sum: 0, whole: 0 };
            if (config.kpi.id === 'winRate')
                return { value: t.whole ? t.records / t.whole : null, sampleSize: t.whole };
            if (config.kpi.id === 'averageDealSize')
                return { value: t.records ? t.sum / t.records : null, sampleSize: t.records };
            if (config.kpi.id === 'closedWonRevenue') return { value: t.sum, sampleSize: t.records };
            return { value: t.records, sampleSize: t.records };
        };
        const ranked = [...population]
            .map((id) => ({ key: id, name: users.get(id)!.Name as string }))
            .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key))
            .map(({ key }) => ({ key, ...value(key) }));
        const expected = rankEntries(ranked, {
            method: config.rankMethod,
            minSample: config.minSample,
            higherIsBetter: config.kpi.higherIsBetter,
        });

        assert.deepEqual(
            board.rows.map((row) => [row.key, row.rank, row.unranked]),
            expected.map((entry) => [entry.key, entry.rank, entry.unranked]),
            label,
        );
        board.rows.forEach((row, index) => {
            const want = expected[index].value;
            if (want === null) assert.equal(row.value, null, label);
            else
                assert.ok(
                    Math.abs(row.value! - want) < 1e-6 * Math.max(1, Math.abs(want)),
                    `${label}: ${row.key} ${row.value} vs ${want}`,
                );
        });
        ties += board.rows.filter((row) => row.tied).length;
    }
    assert.ok(ties > 0, 'no tie in any board: the comparison did not exercise ties');
});
