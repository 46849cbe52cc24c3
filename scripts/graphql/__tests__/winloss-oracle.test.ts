import assert from 'node:assert/strict';
import '../../../preview/oracle/nodeLabels';
import { test } from 'node:test';
import {
    comparisonWindow,
    currentWindow,
    parsePeriod,
} from '../../../force-app/main/default/lwc/kpiPeriods/kpiPeriods';
import type { DateWindow, ViewerCalendar } from '../../../force-app/main/default/lwc/kpiPeriods/kpiPeriods';
import {
    DEFAULT_SETTINGS,
    MAX_SUBQUERIES,
    planWinLoss,
    readWinLoss,
    sectionsToOmit,
} from '../../../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import type {
    OptionalSection,
    WinLossGrouping,
    WinLossPlan,
    WinLossResult,
    WinLossSettings,
} from '../../../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import { createEngine, defaultAccessModel } from '../../../preview/engine';
import { generateSampleOrg } from '../../../preview/sample-org';

/**
 * Issue 6's "done when": the win-loss analysis recomputed straight from the sample org's Opportunity records with
 * plain loops (no engine, no kpiWinLossData shaping), for several viewers, periods, groupings and filters, equals
 * what the component shows: the builder's one document run by the preview engine as that viewer and shaped by
 * kpiWinLossData. Sharing as the preview documents it (preview/engine/access.ts): the admin sees everything, anyone
 * else the records owned by them or by users whose manager chain leads to them; field-level security hides the loss
 * reason from the marketing and support profiles.
 */

type Rec = Record<string, unknown>;

const NOW = new Date('2026-05-15T19:00:00Z');
const TIME_ZONE = 'America/Los_Angeles';
const FISCAL_START = 2;
const MIN_SAMPLE = 5;
const calendar: ViewerCalendar = { timeZone: TIME_ZONE, firstDayOfWeek: 1, fiscalYearStartMonth: FISCAL_START };
const sample = generateSampleOrg({ seed: 7, size: 5000, now: NOW, fiscalYearStartMonth: FISCAL_START });
const engine = createEngine(sample);
const records = sample.records as unknown as Record<string, Rec[]>;
const users = new Map(records.User.map((u) => [u.Id as string, u]));
const accounts = new Map(records.Account.map((a) => [a.Id as string, a]));
const profiles = new Map(records.Profile.map((p) => [p.Id as string, p.Name as string]));
const personas = sample.org.personas;

/** The viewer's reach: everything, or their own and their reports' (all levels down) records. */
function reachOf(userId: string): { all: boolean; chain: Set<string>; reasonHidden: boolean } {
    const profile = profiles.get(users.get(userId)!.ProfileId as string) ?? '';
    const chain = new Set([userId]);
    for (let grew = true; grew;) {
        grew = false;
        for (const user of users.values()) {
            if (chain.has(user.ManagerId as string) && !chain.has(user.Id as string)) {
                chain.add(user.Id as string);
                grew = true;
            }
        }
    }
    const reasonHidden = (defaultAccessModel.hiddenFields[profile] ?? []).includes('Opportunity.Loss_Reason__c');
    return { all: defaultAccessModel.viewAllDataProfiles.includes(profile), chain, reasonHidden };
}

/** Scope "team" (docs/kpis.md): `ownerId` is below `managerId` in the management chain, at most five levels down. */
function below(ownerId: string, managerId: string): boolean {
    let manager = users.get(ownerId)?.ManagerId;
    for (let level = 1; level <= 5 && typeof manager === 'string'; level++) {
        if (manager === managerId) return true;
        manager = users.get(manager)?.ManagerId;
    }
    return false;
}

interface Tally {
    won: number;
    lost: number;
    wonAmount: number;
    lostAmount: number;
}

const amountOf = (o: Rec) => (typeof o.Amount === 'number' ? o.Amount : 0);
function tally(list: Rec[]): Tally {
    const t = { won: 0, lost: 0, wonAmount: 0, lostAmount: 0 };
    for (const o of list) {
        if (o.IsWon) {
            t.won++;
            t.wonAmount += amountOf(o);
        } else {
            t.lost++;
            t.lostAmount += amountOf(o);
        }
    }
    return t;
}

interface Expected {
    company: { current: Tally; previous: Tally };
    team?: { current: Tally; previous: Tally };
    reps: { ownerId: string; name: string; tally: Tally }[];
    bucketStarts: string[];
    trend: Tally[];
    reasons: { reason: string | null; count: number; amount: number }[] | 'unavailable';
    recent: { id: string; name: string; account: string; amount: string; closeDate: string; owner: string }[];
    recentReasons: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthDay = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
const previousDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** First month of the bucket a day falls in: its month, calendar quarter or fiscal quarter. */
function bucketOf(day: string, grouping: WinLossGrouping): number {
    const month = monthIndex(day);
    if (grouping === 'month') return month;
    const offset = grouping === 'fiscalQuarter' ? FISCAL_START - 1 : 0;
    return month - ((((month - offset) % 3) + 3) % 3);
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const shortDate = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' });

function expectedAnalysis(
    userId: string,
    settings: WinLossSettings,
    accountId: string | undefined,
    now: DateWindow,
    before: DateWindow,
): Expected {
    const reach = reachOf(userId);
    const visible = records.Opportunity.filter((o) => o.IsClosed === true).filter(
        (o) => reach.all || reach.chain.has(o.OwnerId as string),
    );
    const filtered = visible.filter(
        (o) =>
            (!settings.opportunityType || o.Type === settings.opportunityType) &&
            (!settings.leadSource || o.LeadSource === settings.leadSource) &&
            (!accountId || o.AccountId === accountId),
    );
    const teamOf = (o: Rec) => {
        if (settings.ownerId) return o.OwnerId === settings.ownerId;
        if (settings.scope === 'mine') return o.OwnerId === userId;
        if (settings.scope === 'team') return below(o.OwnerId as string, userId);
        return true;
    };
    const hasTeam = Boolean(settings.ownerId) || settings.scope !== 'all';
    const team = filtered.filter(teamOf);
    const inWindow = (w: DateWindow) => (o: Rec) =>
        (o.CloseDate as string) >= w.start && (o.CloseDate as string) < w.end;

    const reps = new Map<string, Rec[]>();
    for (const o of team.filter(inWindow(now)))
        reps.set(o.OwnerId as string, [...(reps.get(o.OwnerId as string) ?? []), o]);

    // Buckets: the one holding the window's last day, back to the window's first or six buckets, at most 24 months.
    const size = settings.grouping === 'month' ? 1 : 3;
    const last = bucketOf(previousDay(now.end), settings.grouping);
    const first = Math.max(Math.min(bucketOf(now.start, settings.grouping), last - 5 * size), last - 24 + size);
    const starts: number[] = [];
    for (let b = first; b <= last; b += size) starts.push(b);
    const trendRecords = team.filter(
        (o) => (o.CloseDate as string) >= monthDay(first) && (o.CloseDate as string) < now.end,
    );
    const trend = starts.map((b) =>
        tally(trendRecords.filter((o) => bucketOf(o.CloseDate as string, settings.grouping) === b)),
    );

    const lostNow = team.filter(inWindow(now)).filter((o) => !o.IsWon);
    let reasons: Expected['reasons'] = [];
    if (reach.reasonHidden) reasons = 'unavailable';
    else {
        const byReason = new Map<string | null, { count: number; amount: number }>();
        for (const o of lostNow) {
            const reason = typeof o.Loss_Reason__c === 'string' && o.Loss_Reason__c ? o.Loss_Reason__c : null;
            const entry = byReason.get(reason) ?? { count: 0, amount: 0 };
            byReason.set(reason, { count: entry.count + 1, amount: entry.amount + amountOf(o) });
        }
        reasons = [...byReason].map(([reason, v]) => ({ reason, ...v }));
    }
    const recent = [...lostNow]
        .sort(
            (a, b) =>
                (b.CloseDate as string).localeCompare(a.CloseDate as string) ||
                (a.Id as string).localeCompare(b.Id as string),
        )
        .slice(0, 10);
    return {
        company: { current: tally(filtered.filter(inWindow(now))), previous: tally(filtered.filter(inWindow(before))) },
        team: hasTeam
            ? { current: tally(team.filter(inWindow(now))), previous: tally(team.filter(inWindow(before))) }
            : undefined,
        reps: [...reps].map(([ownerId, list]) => ({
            ownerId,
            name: users.get(ownerId)!.Name as string,
            tally: tally(list),
        })),
        bucketStarts: starts.map(monthDay),
        trend,
        reasons,
        recent: recent.map((o) => ({
            id: o.Id as string,
            name: o.Name as string,
            account: (accounts.get(o.AccountId as string)?.Name as string | undefined) ?? '',
            amount: typeof o.Amount === 'number' ? money.format(o.Amount) : '',
            closeDate: shortDate.format(new Date(`${o.CloseDate as string}T00:00:00Z`)),
            owner: users.get(o.OwnerId as string)!.Name as string,
        })),
        recentReasons: recent.map((o) => (reach.reasonHidden ? '' : ((o.Loss_Reason__c as string | null) ?? ''))),
    };
}

/** What the component does: one request; when the server refuses it for an optional section, once more without. */
function answerAsComponent(
    userId: string,
    settings: WinLossSettings,
    accountId: string | undefined,
): { plan: WinLossPlan; result: WinLossResult; requests: number } {
    let omit: OptionalSection[] = [];
    for (let requests = 1; ; requests++) {
        const plan = planWinLoss({ settings, now: NOW, calendar, userId, accountId, omit });
        const answer = engine.execute(
            { query: plan.query, variables: plan.variables, operationName: plan.operationName },
            { userId, locale: 'en-US', currency: 'USD', timeZone: TIME_ZONE, now: NOW },
        );
        assert.ok(answer.metrics.subqueries <= MAX_SUBQUERIES, `${answer.metrics.subqueries} subqueries`);
        const more = sectionsToOmit(plan, answer.data, answer.errors);
        if (more && requests < 3) {
            omit = [...new Set([...omit, ...more])];
            continue;
        }
        return { plan, result: readWinLoss(answer.data, plan, settings.minSample, answer.errors), requests };
    }
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function rateMismatches(where: string, actual: WinLossResult['company']['current'], want: Tally): string[] {
    const out: string[] = [];
    const closed = want.won + want.lost;
    const closedAmount = want.wonAmount + want.lostAmount;
    const pairs: [string, number | boolean | null, number | boolean | null][] = [
        ['won', actual.won, want.won],
        ['lost', actual.lost, want.lost],
        ['closed', actual.closed, closed],
        ['wonAmount', actual.wonAmount, want.wonAmount],
        ['lostAmount', actual.lostAmount, want.lostAmount],
        ['countRate', actual.countRate, closed ? want.won / closed : null],
        ['amountRate', actual.amountRate, closedAmount ? want.wonAmount / closedAmount : null],
        ['tooSmall', actual.tooSmall, closed < MIN_SAMPLE],
    ];
    for (const [name, got, expected] of pairs) {
        const same = typeof got === 'number' && typeof expected === 'number' ? near(got, expected) : got === expected;
        if (!same) out.push(`${where} ${name}: component ${got}, records ${expected}`);
    }
    return out;
}

/** The account with the most closed deals: an Account record page with something to show. */
function busiestAccount(): string {
    const counts = new Map<string, number>();
    for (const o of records.Opportunity)
        if (o.IsClosed) counts.set(o.AccountId as string, (counts.get(o.AccountId as string) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

test('win rates, trend, loss reasons and recent losses agree with the sample org records', (t) => {
    const account = busiestAccount();
    const viewers = {
        admin: personas.admin,
        manager: personas.salesManager,
        rep: personas.salesRep,
        vp: personas.salesVp,
        marketing: personas.marketingManager,
    };
    const filters: { name: string; settings: Partial<WinLossSettings>; accountId?: string }[] = [
        { name: 'team', settings: { scope: 'team' } },
        { name: 'all, New Customer', settings: { scope: 'all', opportunityType: 'New Customer' } },
        { name: 'mine, Web', settings: { scope: 'mine', leadSource: 'Web' } },
        { name: 'one rep', settings: { ownerId: personas.salesRep } },
        { name: 'one account', settings: { scope: 'all' }, accountId: account },
    ];
    const periods = ['thisFiscalQuarter', 'lastQuarter', 'thisYear'];
    const groupings: WinLossGrouping[] = ['month', 'quarter', 'fiscalQuarter'];
    const mismatches: string[] = [];
    const seen = { won: 0, lost: 0, reasons: 0, recent: 0, reps: 0, retries: 0, unavailable: 0 };
    let compared = 0;

    for (const [role, userId] of Object.entries(viewers)) {
        for (const periodText of periods) {
            for (const grouping of groupings) {
                for (const filter of filters) {
                    const where = `${role}/${periodText}/${grouping}/${filter.name}`;
                    const period = parsePeriod(periodText)!;
                    const settings: WinLossSettings = {
                        ...DEFAULT_SETTINGS,
                        ...filter.settings,
                        period,
                        grouping,
                        minSample: MIN_SAMPLE,
                        fiscalYearStartMonth: FISCAL_START,
                    };
                    const now = currentWindow(period, NOW, calendar);
                    const before = comparisonWindow(period, 'previousPeriod', NOW, calendar)!;
                    const want = expectedAnalysis(userId, settings, filter.accountId, now, before);
                    const { result, requests } = answerAsComponent(userId, settings, filter.accountId);
                    if (requests > 1) seen.retries++;
                    compared++;

                    if (result.unplaced.length || Object.keys(result.failed).some((s) => s !== 'reasons')) {
                        mismatches.push(`${where}: errors ${JSON.stringify([result.unplaced, result.failed])}`);
                        continue;
                    }
                    mismatches.push(
                        ...rateMismatches(`${where} company now`, result.company.current, want.company.current),
                    );
                    mismatches.push(
                        ...rateMismatches(`${where} company before`, result.company.previous, want.company.previous),
                    );
                    if (Boolean(result.team) !== Boolean(want.team)) mismatches.push(`${where}: team row presence`);
                    if (result.team && want.team) {
                        mismatches.push(...rateMismatches(`${where} team now`, result.team.current, want.team.current));
                        mismatches.push(
                            ...rateMismatches(`${where} team before`, result.team.previous, want.team.previous),
                        );
                    }

                    const reps = [...want.reps].sort(
                        (a, b) =>
                            b.tally.won + b.tally.lost - (a.tally.won + a.tally.lost) ||
                            a.ownerId.localeCompare(b.ownerId),
                    );
                    if (result.reps.map((r) => r.ownerId).join() !== reps.map((r) => r.ownerId).join()) {
                        mismatches.push(
                            `${where}: reps ${result.reps.map((r) => r.ownerId)} vs ${reps.map((r) => r.ownerId)}`,
                        );
                    } else {
                        result.reps.forEach((rep, i) => {
                            if (rep.name !== reps[i].name)
                                mismatches.push(`${where}: rep name ${rep.name} vs ${reps[i].name}`);
                            mismatches.push(...rateMismatches(`${where} rep ${reps[i].name}`, rep, reps[i].tally));
                        });
                    }
                    seen.reps += reps.length;

                    const starts = result.trend.buckets.map((b) => b.start);
                    if (starts.join() !== want.bucketStarts.join()) {
                        mismatches.push(`${where}: buckets ${starts} vs ${want.bucketStarts}`);
                    } else {
                        want.trend.forEach((t, i) => {
                            const got = {
                                won: result.trend.won[i],
                                lost: result.trend.lost[i],
                                wonAmount: result.trend.wonAmount[i],
                                lostAmount: result.trend.lostAmount[i],
                            };
                            for (const key of ['won', 'lost', 'wonAmount', 'lostAmount'] as const) {
                                if (!near(got[key], t[key]))
                                    mismatches.push(`${where} bucket ${starts[i]} ${key}: ${got[key]} vs ${t[key]}`);
                            }
                            const closed = t.won + t.lost;
                            const rate = result.trend.countRate[i];
                            if (closed ? rate === null || !near(rate, t.won / closed) : rate !== null)
                                mismatches.push(`${where} bucket ${starts[i]} countRate ${rate}`);
                            seen.won += t.won;
                            seen.lost += t.lost;
                        });
                    }

                    if (want.reasons === 'unavailable') {
                        seen.unavailable++;
                        if (!(result.reasonFieldFailed || !result.reasons.length) || result.reasons.length)
                            mismatches.push(`${where}: reasons shown to a viewer who cannot see the field`);
                    } else {
                        const key = (r: { reason: string | null; count: number; amount: number }) =>
                            `${r.reason}|${r.count}|${r.amount.toFixed(2)}`;
                        const got = result.reasons.map(key).sort();
                        const expected = want.reasons.map(key).sort();
                        if (got.join() !== expected.join()) mismatches.push(`${where}: reasons ${got} vs ${expected}`);
                        const counts = result.reasons.map((r) => r.count);
                        if (counts.some((c, i) => i > 0 && c > counts[i - 1]))
                            mismatches.push(`${where}: reasons order`);
                        seen.reasons += want.reasons.length;
                    }

                    const recent = result.recent.map(({ reason: _reason, ...rest }) => rest);
                    assert.deepEqual(recent, want.recent, `${where}: recent losses`);
                    assert.deepEqual(
                        result.recent.map((r) => r.reason),
                        want.recentReasons,
                        `${where}: recent loss reasons`,
                    );
                    seen.recent += want.recent.length;
                }
            }
        }
    }
    assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} mismatches in ${compared} analyses`);
    // Not vacuous: the cases hold wins, losses, reasons, reps, recent losses, and a viewer without the reason field.
    for (const [what, count] of Object.entries(seen)) assert.ok(count > 0, `no ${what} in any case`);
    t.diagnostic(`${compared} analyses compared; totals seen: ${JSON.stringify(seen)}`);
});
