/**
 * The catalog's KPIs computed straight from the sample org's records with plain loops, as docs/kpis.md defines them:
 * no engine, no planner, no GraphQL. Tests compare what the tiles show against these numbers, so everything here is
 * written from the prose definitions and the preview's documented sharing model, never from the code under test.
 */

export interface OracleRecord {
    Id: string;
    [field: string]: string | number | boolean | null | undefined;
}

export interface OracleOrg {
    records: Record<string, OracleRecord[]>;
}

export type OracleScope = 'mine' | 'team' | 'all';

/** Half-open run of civil days `[start, end)`, `YYYY-MM-DD`, in the viewer's time zone. */
export interface OracleWindow {
    start: string;
    end: string;
}

export interface OracleSettings {
    openedStatuses: string[];
    sentStatuses: string[];
    amountsAreMonthly: boolean;
    quotaField: string;
}

export const DEFAULT_ORACLE_SETTINGS: OracleSettings = {
    openedStatuses: ['Opened', 'Responded'],
    sentStatuses: ['Sent', 'Opened', 'Responded'],
    amountsAreMonthly: false,
    quotaField: 'Sales_Quota__c',
};

export interface OracleRequest {
    userId: string;
    timeZone: string;
    scope: OracleScope;
    /** The period up to the end of today: what events (created, won, sent) are counted in. */
    toDate: OracleWindow;
    /** The whole period: what is due in it (open pipeline closing in the period). */
    whole: OracleWindow;
    settings?: Partial<OracleSettings>;
    /** A tile target that replaces the quota sum of pipeline coverage and closed-won revenue's target. */
    target?: number;
    /** The period shown (`thisFiscalQuarter`, `rollingDays:30`), to prorate quarterly quotas to it. */
    period?: string;
}

export interface OracleValue {
    value: number | null;
    sampleSize: number;
    /** Pipeline coverage and closed-won revenue: the revenue target used. */
    target?: number | null;
    targetMet?: boolean;
}

const ADMIN_PROFILE = 'System Administrator';

/** docs/kpis.md, "Scope": a team reaches five levels below its manager, campaign members four. */
export const TEAM_LEVELS = 5;
export const CAMPAIGN_MEMBER_TEAM_LEVELS = 4;

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of the civil day an ISO instant falls on in a time zone. */
export function localDate(instant: string, timeZone: string): string {
    let formatter = dayFormatters.get(timeZone);
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
        dayFormatters.set(timeZone, formatter);
    }
    const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
}

function epochDay(date: string): number {
    return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function inWindow(date: string, window: OracleWindow): boolean {
    return date >= window.start && date < window.end;
}

function amount(record: OracleRecord): number {
    return typeof record.Amount === 'number' ? record.Amount : 0;
}

/** Who the viewer is and what they may read: the manager chain below them, or everything for the admin. */
class Viewer {
    readonly seesAll: boolean;
    readonly chain = new Set<string>();
    private readonly users = new Map<string, OracleRecord>();

    constructor(
        org: OracleOrg,
        readonly userId: string,
    ) {
        for (const user of org.records.User ?? []) this.users.set(user.Id, user);
        const me = this.users.get(userId);
        if (!me) throw new RangeError(`oracle: no User ${userId}`);
        const profile = (org.records.Profile ?? []).find((p) => p.Id === me.ProfileId);
        this.seesAll = profile?.Name === ADMIN_PROFILE;
        this.chain.add(userId);
        let grew = true;
        while (grew) {
            grew = false;
            for (const user of this.users.values()) {
                if (typeof user.ManagerId === 'string' && this.chain.has(user.ManagerId) && !this.chain.has(user.Id)) {
                    this.chain.add(user.Id);
                    grew = true;
                }
            }
        }
    }

    ownedVisible(record: OracleRecord): boolean {
        return this.seesAll || (typeof record.OwnerId === 'string' && this.chain.has(record.OwnerId));
    }

    /**
     * The scope filter on an owner: the viewer, or someone below the viewer in the management chain at most `levels`
     * levels down (docs/kpis.md, "Scope": five, four for campaign members).
     */
    ownerInScope(ownerId: unknown, scope: OracleScope, levels = TEAM_LEVELS): boolean {
        if (scope === 'all') return true;
        if (typeof ownerId !== 'string') return false;
        if (scope === 'mine') return ownerId === this.userId;
        return this.levelsBelow(ownerId, levels) !== undefined;
    }

    /** How many levels below the viewer a user is (1 for a direct report), if at most `levels`. */
    levelsBelow(userId: string, levels = TEAM_LEVELS): number | undefined {
        let manager = this.users.get(userId)?.ManagerId;
        for (let level = 1; level <= levels && typeof manager === 'string'; level++) {
            if (manager === this.userId) return level;
            manager = this.users.get(manager)?.ManagerId;
        }
        return undefined;
    }

    user(id: string): OracleRecord | undefined {
        return this.users.get(id);
    }
}

interface Context {
    org: OracleOrg;
    viewer: Viewer;
    request: OracleRequest;
    settings: OracleSettings;
    byId: Map<string, OracleRecord>;
}

/** Records of an owned object the viewer can read and the scope keeps. */
function owned(ctx: Context, object: string): OracleRecord[] {
    const out: OracleRecord[] = [];
    for (const record of ctx.org.records[object] ?? []) {
        if (ctx.viewer.ownedVisible(record) && ctx.viewer.ownerInScope(record.OwnerId, ctx.request.scope)) {
            out.push(record);
        }
    }
    return out;
}

/**
 * Campaign members of the viewer's scope. Campaigns are public reference data in the preview and a member is readable
 * when its campaign is, so only the scope (by the owner `scopeOwner` names) narrows them.
 */
function members(ctx: Context, scopeOwner: (member: OracleRecord) => unknown): OracleRecord[] {
    const out: OracleRecord[] = [];
    for (const member of ctx.org.records.CampaignMember ?? []) {
        if (!ctx.byId.has(String(member.CampaignId))) continue;
        if (ctx.viewer.ownerInScope(scopeOwner(member), ctx.request.scope, CAMPAIGN_MEMBER_TEAM_LEVELS)) {
            out.push(member);
        }
    }
    return out;
}

function campaignOwner(ctx: Context): (member: OracleRecord) => unknown {
    return (member) => ctx.byId.get(String(member.CampaignId))?.OwnerId;
}

const createdIn = (ctx: Context, window: OracleWindow) => (record: OracleRecord) =>
    typeof record.CreatedDate === 'string' && inWindow(localDate(record.CreatedDate, ctx.request.timeZone), window);

const dateIn = (field: string, window: OracleWindow) => (record: OracleRecord) =>
    typeof record[field] === 'string' && inWindow(record[field] as string, window);

function count(records: OracleRecord[]): OracleValue {
    return { value: records.length, sampleSize: records.length };
}

function sum(records: OracleRecord[]): OracleValue {
    let total = 0;
    for (const record of records) total += amount(record);
    return { value: total, sampleSize: records.length };
}

function rate(part: number, whole: number, sampleSize: number): OracleValue {
    return { value: whole > 0 ? part / whole : null, sampleSize };
}

/** Mean of `to − from` in days; a DateTime `from` counts on the viewer's local day. */
function meanDays(ctx: Context, records: OracleRecord[], from: string, to: string): OracleValue {
    let total = 0;
    for (const record of records) {
        const instant = String(record[from]);
        const fromDay = localDate(instant, ctx.request.timeZone);
        total += epochDay(String(record[to])) - epochDay(fromDay);
    }
    return { value: records.length > 0 ? total / records.length : null, sampleSize: records.length };
}

type OracleKpi = (ctx: Context, window: OracleWindow) => OracleValue;

const won = (r: OracleRecord) => r.IsWon === true;
const lost = (r: OracleRecord) => r.IsClosed === true && r.IsWon !== true;
const closed = (r: OracleRecord) => r.IsClosed === true;

const ORACLES: Record<string, OracleKpi> = {
    leadsCreated: (ctx, w) => count(owned(ctx, 'Lead').filter(createdIn(ctx, w))),
    leadsFromCampaigns: (ctx, w) => {
        const leadOf = (m: OracleRecord) => (typeof m.LeadId === 'string' ? ctx.byId.get(m.LeadId) : undefined);
        const rows = members(ctx, (m) => leadOf(m)?.OwnerId).filter((m) => {
            const lead = leadOf(m);
            return lead !== undefined && createdIn(ctx, w)(lead);
        });
        return { value: new Set(rows.map((m) => m.LeadId)).size, sampleSize: rows.length };
    },
    opportunitiesOpened: (ctx, w) => count(owned(ctx, 'Opportunity').filter(createdIn(ctx, w))),
    pipelineCreated: (ctx, w) => sum(owned(ctx, 'Opportunity').filter(createdIn(ctx, w))),
    opportunitiesWon: (ctx, w) => count(owned(ctx, 'Opportunity').filter((r) => won(r) && dateIn('CloseDate', w)(r))),
    opportunitiesLost: (ctx, w) => count(owned(ctx, 'Opportunity').filter((r) => lost(r) && dateIn('CloseDate', w)(r))),
    closedWonRevenue: (ctx, w) => sum(owned(ctx, 'Opportunity').filter((r) => won(r) && dateIn('CloseDate', w)(r))),
    lostAmount: (ctx, w) => sum(owned(ctx, 'Opportunity').filter((r) => lost(r) && dateIn('CloseDate', w)(r))),
    averageDealSize: (ctx, w) => {
        const deals = owned(ctx, 'Opportunity').filter((r) => won(r) && dateIn('CloseDate', w)(r));
        const revenue = sum(deals).value ?? 0;
        return { value: deals.length > 0 ? revenue / deals.length : null, sampleSize: deals.length };
    },
    averageContractValue: (ctx, w) => {
        const deals = owned(ctx, 'Opportunity').filter((r) => won(r) && dateIn('CloseDate', w)(r));
        const withAmount = deals.filter((r) => typeof r.Amount === 'number');
        if (withAmount.length === 0) return { value: null, sampleSize: 0 };
        const mean = (sum(withAmount).value ?? 0) / withAmount.length;
        return { value: ctx.settings.amountsAreMonthly ? mean * 12 : mean, sampleSize: withAmount.length };
    },
    winRate: (ctx, w) => {
        const done = owned(ctx, 'Opportunity').filter((r) => closed(r) && dateIn('CloseDate', w)(r));
        return rate(done.filter(won).length, done.length, done.length);
    },
    winRateByAmount: (ctx, w) => {
        const done = owned(ctx, 'Opportunity').filter((r) => closed(r) && dateIn('CloseDate', w)(r));
        return rate(sum(done.filter(won)).value ?? 0, sum(done).value ?? 0, done.length);
    },
    leadConversionRate: (ctx, w) => {
        const leads = owned(ctx, 'Lead');
        const converted = leads.filter((r) => r.IsConverted === true && dateIn('ConvertedDate', w)(r)).length;
        const created = leads.filter(createdIn(ctx, w)).length;
        return rate(converted, created, created);
    },
    averageDaysLeadToOpportunity: (ctx, w) => {
        const leads = owned(ctx, 'Lead').filter((r) => r.IsConverted === true && dateIn('ConvertedDate', w)(r));
        return meanDays(ctx, leads, 'CreatedDate', 'ConvertedDate');
    },
    averageSalesCycle: (ctx, w) => {
        const deals = owned(ctx, 'Opportunity').filter((r) => won(r) && dateIn('CloseDate', w)(r));
        return meanDays(ctx, deals, 'CreatedDate', 'CloseDate');
    },
    emailsSent: (ctx, w) =>
        count(owned(ctx, 'Task').filter((r) => r.TaskSubtype === 'Email' && dateIn('ActivityDate', w)(r))),
    outboundCalls: (ctx, w) =>
        count(
            owned(ctx, 'Task').filter(
                (r) => r.TaskSubtype === 'Call' && r.CallType === 'Outbound' && dateIn('ActivityDate', w)(r),
            ),
        ),
    campaignOpens: (ctx, w) =>
        count(
            members(ctx, campaignOwner(ctx)).filter(
                (m) => ctx.settings.openedStatuses.includes(String(m.Status)) && createdIn(ctx, w)(m),
            ),
        ),
    campaignOpenRate: (ctx, w) => {
        const sent = members(ctx, campaignOwner(ctx)).filter(
            (m) => ctx.settings.sentStatuses.includes(String(m.Status)) && createdIn(ctx, w)(m),
        );
        const opened = sent.filter((m) => ctx.settings.openedStatuses.includes(String(m.Status)));
        return rate(opened.length, sent.length, sent.length);
    },
    campaignResponses: (ctx, w) =>
        count(
            members(ctx, campaignOwner(ctx)).filter(
                (m) => m.HasResponded === true && dateIn('FirstRespondedDate', w)(m),
            ),
        ),
    campaignResponseRate: (ctx, w) => {
        const sent = members(ctx, campaignOwner(ctx)).filter(
            (m) => ctx.settings.sentStatuses.includes(String(m.Status)) && createdIn(ctx, w)(m),
        );
        return rate(sent.filter((m) => m.HasResponded === true).length, sent.length, sent.length);
    },
    // Open pipeline is what is due: the whole period, whatever window the caller passes for events.
    pipelineValue: (ctx) => {
        const open = owned(ctx, 'Opportunity').filter((r) => r.IsClosed === false);
        return sum(open.filter(dateIn('CloseDate', ctx.request.whole)));
    },
    pipelineCoverage: (ctx) => {
        const deals = owned(ctx, 'Opportunity');
        const pipeline = sum(deals.filter((r) => r.IsClosed === false && dateIn('CloseDate', ctx.request.whole)(r)));
        const wonToDate = sum(deals.filter((r) => won(r) && dateIn('CloseDate', ctx.request.toDate)(r))).value ?? 0;
        const target = ctx.request.target ?? revenueTarget(ctx);
        if (!target) return { value: null, sampleSize: pipeline.sampleSize, target };
        const remaining = target - wonToDate;
        if (remaining <= 0) return { value: null, sampleSize: pipeline.sampleSize, target, targetMet: true };
        return { value: (pipeline.value ?? 0) / remaining, sampleSize: pipeline.sampleSize, target };
    },
    // Accounts are public: every account of the scope, new when the first won deal the viewer can see closes in the
    // window (sharing applies inside a semi-join as everywhere else).
    newLogos: (ctx, w) => {
        const firstWon = new Map<string, string>();
        for (const deal of ctx.org.records.Opportunity ?? []) {
            if (!won(deal) || !ctx.viewer.ownedVisible(deal) || typeof deal.CloseDate !== 'string') continue;
            const account = String(deal.AccountId);
            const before = firstWon.get(account);
            if (before === undefined || deal.CloseDate < before) firstWon.set(account, deal.CloseDate);
        }
        const accounts = (ctx.org.records.Account ?? []).filter(
            (account) =>
                ctx.viewer.ownerInScope(account.OwnerId, ctx.request.scope) &&
                inWindow(firstWon.get(account.Id) ?? '', w),
        );
        return count(accounts);
    },
};

/** KPI ids the oracle knows; a catalog KPI missing here has no independent check. */
export const ORACLE_KPI_IDS: readonly string[] = Object.keys(ORACLES);

/**
 * One KPI for one viewer, scope and window. `window` is the one events are counted in (the current or comparison
 * window); snapshot KPIs read `request.whole` and `request.toDate` themselves.
 */
/**
 * docs/kpis.md, "One target per person": the quotas of the active users in scope, each once (a user to whom someone
 * in scope with a quota reports directly holds a roll-up copy and is left out), as a quarterly quota prorated to the
 * period: a month a third, a year four quarters, weeks and rolling windows by their days over 365.25 / 4. Null when
 * nobody in scope has a quota.
 */
function revenueTarget(ctx: Context): number | null {
    const field = ctx.settings.quotaField;
    const inScope = (ctx.org.records.User ?? []).filter(
        (user) =>
            user.IsActive === true &&
            (ctx.request.scope === 'all' ||
                (ctx.request.scope === 'mine'
                    ? user.Id === ctx.viewer.userId
                    : ctx.viewer.levelsBelow(user.Id) !== undefined)),
    );
    const holders = inScope.filter((user) => typeof user[field] === 'number');
    if (holders.length === 0) return null;
    const managersOfHolders = new Set(holders.map((user) => user.ManagerId));
    const quotas = holders.filter((user) => !managersOfHolders.has(user.Id)).map((user) => user[field] as number);
    const period = ctx.request.period ?? 'thisFiscalQuarter';
    const rolling = /^rollingDays:(\d+)$/.exec(period);
    const quarterDays = 365.25 / 4;
    const share = rolling
        ? (Number(rolling[1]) + 1) / quarterDays
        : /Week$/.test(period)
          ? 7 / quarterDays
          : /Month$/.test(period)
            ? 1 / 3
            : /Year$/.test(period)
              ? 4
              : 1;
    return quotas.reduce((a, b) => a + b, 0) * share;
}

/** Closed-won revenue's target as its tile reads it: the typed one, else the revenue target of the scope. */
export function oracleRevenueTarget(
    org: OracleOrg,
    request: OracleRequest,
    byId?: Map<string, OracleRecord>,
): number | null {
    const ctx: Context = {
        org,
        viewer: new Viewer(org, request.userId),
        request,
        settings: { ...DEFAULT_ORACLE_SETTINGS, ...request.settings },
        byId: byId ?? indexById(org),
    };
    return ctx.request.target ?? revenueTarget(ctx);
}

export function oracleKpi(
    org: OracleOrg,
    kpi: string,
    request: OracleRequest,
    window: OracleWindow,
    byId?: Map<string, OracleRecord>,
): OracleValue {
    const oracle = ORACLES[kpi];
    if (!oracle) throw new RangeError(`oracle: no oracle for KPI "${kpi}"`);
    const index = byId ?? indexById(org);
    const ctx: Context = {
        org,
        viewer: new Viewer(org, request.userId),
        request,
        settings: { ...DEFAULT_ORACLE_SETTINGS, ...request.settings },
        byId: index,
    };
    return oracle(ctx, window);
}

export function indexById(org: OracleOrg): Map<string, OracleRecord> {
    const byId = new Map<string, OracleRecord>();
    for (const records of Object.values(org.records)) for (const record of records) byId.set(record.Id, record);
    return byId;
}
