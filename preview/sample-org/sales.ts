import { byCreation, clamp, countAtMost, GenerationContext, roundTo, stamp, STREAM } from './context';
import type { SObjectRecord } from './model';
import {
    CAMPAIGN_THEMES,
    COMPANY_CORES,
    COMPANY_PREFIXES,
    COMPANY_SUFFIXES,
    FIRST_NAMES,
    LAST_NAMES,
    PRODUCTS,
} from './names';
import { isWorking, type People, type Person } from './people';
import { Random, WeightedValues } from './random';
import {
    CAMPAIGN_TYPES,
    FORECAST_CATEGORY_API_NAME,
    INDUSTRIES,
    LOSS_REASONS,
    OPPORTUNITY_STAGES,
    type ForecastCategoryName,
} from './values';
import { fiscalPeriodOf } from './calendar';

export interface AccountInfo {
    record: SObjectRecord;
    createdMs: number;
    owner: Person;
    /** Multiplier of deal sizes (bigger companies buy more). */
    tier: number;
    domain: string;
    /** CloseDate (day) of the account's first won opportunity so far; Infinity before any. */
    firstWonCloseDay: number;
    contacts: ContactInfo[];
}

export interface ContactInfo {
    record: SObjectRecord;
    createdMs: number;
    account: AccountInfo;
}

export interface CampaignInfo {
    /** Position in creation order. */
    index: number;
    record: SObjectRecord;
    type: (typeof CAMPAIGN_TYPES)[number];
    startDay: number;
    endDay: number;
    /** Days a campaign brings in leads and influences deals (empty when it has not started). */
    windowFrom: number;
    windowTo: number;
    /** A sales team's own campaign (its manager): run by one of its reps, sent to the team's leads and contacts. */
    team?: Person;
    /** Members join over the whole run (an always-on nurture program) rather than in one send on the start day. */
    spread: boolean;
}

export interface OpportunityInfo {
    record: SObjectRecord;
    createdMs: number;
    owner: Person;
    account: AccountInfo;
}

export interface LeadInfo {
    record: SObjectRecord;
    createdMs: number;
    owner: Person;
    campaign?: CampaignInfo;
}

/** A lead that became an opportunity: the lead, its contact and the link are written in the lead phase. */
interface Conversion {
    leadCreatedMs: number;
    convertedMs: number;
    convertedDay: number;
    owner: Person;
    account: AccountInfo;
    opportunity?: SObjectRecord;
    campaign?: CampaignInfo;
    source: string;
}

const DAY_MS = 86_400_000;
const MONTH_SEASON = [0.9, 1, 1.05, 1, 1.05, 1, 0.85, 0.8, 1.05, 1.1, 1, 0.75];
const SALES_WEEKDAY = [0.05, 1, 1.05, 1.05, 1, 0.85, 0.08];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const leadSources = new WeightedValues<string>([
    ['Web', 34],
    ['Phone Inquiry', 14],
    ['Partner Referral', 16],
    ['Purchased List', 20],
    ['Other', 16],
]);
const SOURCE_WIN_FACTOR: Record<string, number> = {
    Web: 1,
    'Phone Inquiry': 1.1,
    'Partner Referral': 1.3,
    'Purchased List': 0.65,
    Other: 0.9,
};
interface CampaignKind {
    /** How often the type is run, relative to the others. */
    weight: number;
    /** Days from start to end date. */
    days: [number, number];
    /** Budgeted cost. */
    budget: [number, number];
    /** The LeadSource of leads and deals the campaign brings. */
    leadSource: string;
}

/** How the sample org's marketing runs each campaign type. */
const CAMPAIGN_KINDS: Record<(typeof CAMPAIGN_TYPES)[number], CampaignKind> = {
    Email: { weight: 30, days: [0, 3], budget: [2e3, 10e3], leadSource: 'Web' },
    Webinar: { weight: 20, days: [0, 0], budget: [3e3, 15e3], leadSource: 'Web' },
    Conference: { weight: 8, days: [1, 3], budget: [20e3, 120e3], leadSource: 'Other' },
    'Trade Show': { weight: 8, days: [1, 3], budget: [15e3, 80e3], leadSource: 'Other' },
    Advertisement: { weight: 12, days: [14, 45], budget: [10e3, 60e3], leadSource: 'Web' },
    'Direct Mail': { weight: 10, days: [7, 21], budget: [5e3, 25e3], leadSource: 'Purchased List' },
    Partners: { weight: 12, days: [30, 90], budget: [5e3, 30e3], leadSource: 'Partner Referral' },
};
const campaignTypes = new WeightedValues(CAMPAIGN_TYPES.map((type) => [type, CAMPAIGN_KINDS[type].weight] as const));
const lossReasons = new WeightedValues<string | null>([
    [LOSS_REASONS[0], 24],
    [LOSS_REASONS[1], 22],
    [LOSS_REASONS[2], 12],
    [LOSS_REASONS[3], 14],
    [LOSS_REASONS[4], 9],
    [LOSS_REASONS[5], 7],
    [LOSS_REASONS[6], 4],
    [null, 8],
]);
const existingTypes = new WeightedValues<string>([
    ['Existing Customer - Upgrade', 60],
    ['Existing Customer - Replacement', 25],
    ['Existing Customer - Downgrade', 15],
]);
const ratings = new WeightedValues<string | null>([
    ['Hot', 15],
    ['Warm', 40],
    ['Cold', 35],
    [null, 10],
]);

/** Weight of a sales day: 35 % growth a year, quiet weekends, a summer and December dip. */
export function salesDayWeight(context: GenerationContext, day: number): number {
    return (
        (1 + 0.35 * context.years(day)) *
        SALES_WEEKDAY[context.timeline.weekday(day)] *
        MONTH_SEASON[context.timeline.month(day) - 1]
    );
}

function companyName(random: Random): { name: string; domain: string } {
    const prefix = random.pick(COMPANY_PREFIXES);
    const core = random.pick(COMPANY_CORES);
    return {
        name: `${prefix} ${core}${random.pick(COMPANY_SUFFIXES)}`,
        domain: `${prefix}${core}.example`.toLowerCase(),
    };
}

function personName(random: Random): { firstName: string; lastName: string } {
    return { firstName: random.pick(FIRST_NAMES), lastName: random.pick(LAST_NAMES) };
}

/** Accounts, contacts, campaigns, opportunities with their history, leads and campaign members. */
export class SalesGenerator {
    readonly accounts: AccountInfo[] = [];
    readonly contacts: ContactInfo[] = [];
    readonly campaigns: CampaignInfo[] = [];
    readonly opportunities: OpportunityInfo[] = [];
    readonly leads: LeadInfo[] = [];
    private readonly books = new Map<Person, AccountInfo[]>();
    private readonly campaignsByDay: CampaignInfo[][] = [];
    private readonly conversions: Conversion[] = [];

    constructor(
        private readonly context: GenerationContext,
        private readonly people: People,
    ) {}

    private newAccount(
        random: Random,
        createdMs: number,
        creator: Person,
        owner: Person,
        company = companyName(random),
    ): AccountInfo {
        const { context } = this;
        const annualRevenue = roundTo(clamp(random.logNormal(30e6, 1.3), 250e3, 5e10), 1000);
        const record: SObjectRecord = {
            Id: context.newId('Account'),
            Name: company.name,
            Type: 'Prospect',
            Industry: random.pick(INDUSTRIES),
            AnnualRevenue: annualRevenue,
            NumberOfEmployees: Math.max(3, Math.round(annualRevenue / random.between(120e3, 450e3))),
            OwnerId: owner.id,
            BillingCountry: random.pick(owner.region.countries),
        };
        const modifiedMs = Math.min(context.nowMs, createdMs + Math.floor(random.next() * 200) * DAY_MS);
        stamp(context, record, createdMs, creator.id, modifiedMs, owner.id);
        context.add('Account', record);
        const account: AccountInfo = {
            record,
            createdMs,
            owner,
            tier: Math.pow(clamp(annualRevenue / 30e6, 0.2, 20), 0.3),
            domain: company.domain,
            firstWonCloseDay: Number.POSITIVE_INFINITY,
            contacts: [],
        };
        this.accounts.push(account);
        return account;
    }

    private newContact(
        random: Random,
        account: AccountInfo,
        createdMs: number,
        creator: Person,
        name: { firstName: string; lastName: string },
        leadSource: string | null,
    ): ContactInfo {
        const { context } = this;
        const record: SObjectRecord = {
            Id: context.newId('Contact'),
            FirstName: name.firstName,
            LastName: name.lastName,
            Name: `${name.firstName} ${name.lastName}`,
            AccountId: account.record.Id,
            Email: `${name.firstName}.${name.lastName}@${account.domain}`.toLowerCase(),
            OwnerId: account.owner.id,
            LeadSource: leadSource,
        };
        const modifiedMs = Math.min(context.nowMs, createdMs + Math.floor(random.next() * 120) * DAY_MS);
        stamp(context, record, createdMs, creator.id, modifiedMs, account.owner.id);
        context.add('Contact', record);
        const contact: ContactInfo = { record, createdMs, account };
        account.contacts.push(contact);
        this.contacts.push(contact);
        return contact;
    }

    generateAccounts(count: number): void {
        const { context, people } = this;
        const random = context.random(STREAM.accounts);
        const days = context.dayPicker(context.start, context.today, (day) => salesDayWeight(context, day));
        const activeReps = people.reps.filter((rep) => !Number.isFinite(rep.leaveDay));
        const unsorted = Array.from({ length: count }, () => {
            const preHistory = random.chance(0.6);
            const day = preHistory ? random.int(context.start - 900, context.start - 1) : days.pick(random);
            const creator = preHistory ? people.admin : people.pickWorkingRep(random, day);
            // Today's owner: the creator while still employed, otherwise the book went to an active rep.
            const owner =
                Number.isFinite(creator.leaveDay) || creator.kind !== 'rep' ? random.pick(activeReps) : creator;
            return { createdMs: context.workTime(random, day), creator, owner };
        });
        const specs = byCreation(unsorted);
        for (const spec of specs) {
            this.addToBook(spec.owner, this.newAccount(random, spec.createdMs, spec.creator, spec.owner));
        }
    }

    generateContacts(count: number): void {
        const { context, people } = this;
        const random = context.random(STREAM.contacts);
        const unsorted = Array.from({ length: count }, () => {
            const account = random.pick(this.accounts);
            const accountDay = context.timeline.dayOf(account.createdMs);
            const day = accountDay + Math.floor(Math.pow(random.next(), 2) * (context.today - accountDay + 1));
            const createdMs = Math.min(
                context.nowMs,
                Math.max(account.createdMs + 60_000, context.workTime(random, day)),
            );
            const creator = day < context.start ? people.admin : account.owner;
            return { account, createdMs, creator: isWorking(creator, day) ? creator : people.admin };
        });
        const specs = byCreation(unsorted);
        for (const spec of specs) {
            const source = random.chance(0.4) ? leadSources.pick(random) : null;
            this.newContact(random, spec.account, spec.createdMs, spec.creator, personName(random), source);
        }
    }

    generateCampaigns(count: number): void {
        const { context, people } = this;
        const random = context.random(STREAM.campaigns);
        const { today, start } = context;
        const unsorted = Array.from({ length: count }, (_, i) => {
            const type = campaignTypes.pick(random);
            let startDay = random.int(start - 20, today + 30);
            // Always one campaign running now and one still planned.
            if (i === count - 1) startDay = today + random.int(20, 45);
            if (i === count - 2) startDay = today - random.int(2, 8);
            const [minDays, maxDays] = CAMPAIGN_KINDS[type].days;
            let endDay = startDay + random.int(minDays, maxDays);
            if (i === count - 2) endDay = Math.max(endDay, today + random.int(5, 20));
            const createdDay = Math.min(today, startDay - random.int(10, 40));
            return {
                type,
                startDay,
                endDay,
                createdMs: context.workTime(random, createdDay),
                owner: random.pick(people.marketing),
                team: undefined as Person | undefined,
                spread: false,
                region: '',
            };
        });
        // Each sales team runs its own programs, owned by the rep who runs them: a month-long email nurture every month
        // (sent to the team's leads and contacts week after week) and a webinar every other month. Marketing runs the
        // rest (conferences, trade shows, advertising, partner programs and company-wide sends).
        // The smallest orgs (under 10 k records) run a quarter-long nurture a quarter and no webinars, or campaigns
        // would outnumber what they hold.
        const { timeline } = context;
        const monthly = context.settings.size >= 10_000;
        for (const manager of people.salesManagers) {
            for (let first = timeline.firstOfMonth(start); first <= today + 31;) {
                let last = timeline.lastOfMonth(first);
                if (!monthly) last = timeline.lastOfMonth(timeline.lastOfMonth(last + 1) + 1);
                const next = last + 1;
                const programs: [(typeof CAMPAIGN_TYPES)[number], number, number][] = [['Email', first, last]];
                if (monthly && timeline.month(first) % 2 === 0) {
                    const day = first + random.int(8, 20);
                    programs.push(['Webinar', day, day]);
                }
                for (const [type, startDay, endDay] of programs) {
                    const createdDay = Math.max(start - 30, Math.min(today, startDay - random.int(5, 20)));
                    const pickDay = clamp(createdDay, start, today);
                    let owner = people.pickWorkingRepOf(manager, random, pickDay);
                    // A program is run by someone past their first months, when the team has one.
                    for (let attempt = 0; attempt < 6 && pickDay - owner.hireDay < 90; attempt++) {
                        owner = people.pickWorkingRepOf(manager, random, pickDay);
                    }
                    unsorted.push({
                        type,
                        startDay,
                        endDay,
                        createdMs: context.workTime(random, createdDay),
                        owner: owner.kind === 'rep' && isWorking(owner, pickDay) ? owner : manager,
                        team: manager,
                        spread: type === 'Email',
                        region: manager.region.name,
                    });
                }
                first = next;
            }
        }
        const specs = byCreation(unsorted);
        for (const spec of specs) {
            const { type, startDay, endDay } = spec;
            let status = startDay > today ? 'Planned' : endDay >= today ? 'In Progress' : 'Completed';
            if (status === 'Completed' && random.chance(0.05)) status = 'Aborted';
            const budget = roundTo(random.between(...CAMPAIGN_KINDS[type].budget), 500);
            const elapsed = clamp((today - startDay + 1) / (endDay - startDay + 1), 0, 1);
            const actualCost =
                status === 'Planned'
                    ? null
                    : roundTo(
                          budget *
                              (status === 'Aborted' ? random.between(0.1, 0.4) : elapsed * random.between(0.75, 1.15)),
                          10,
                      );
            const month = MONTH_NAMES[context.timeline.month(startDay) - 1];
            const record: SObjectRecord = {
                Id: context.newId('Campaign'),
                Name: `${spec.team ? `${spec.region} ` : ''}${spec.spread ? 'Nurture' : random.pick(CAMPAIGN_THEMES)} ${type} (${month} ${context.timeline.year(startDay)})`,
                Type: type,
                Status: status,
                StartDate: context.date(startDay),
                EndDate: context.date(endDay),
                IsActive: status === 'Planned' || status === 'In Progress',
                OwnerId: spec.owner.id,
                BudgetedCost: budget,
                ActualCost: actualCost,
                NumberSent: null,
                NumberOfLeads: 0,
                NumberOfConvertedLeads: 0,
                NumberOfContacts: 0,
                NumberOfResponses: 0,
                NumberOfOpportunities: 0,
                NumberOfWonOpportunities: 0,
                AmountAllOpportunities: 0,
                AmountWonOpportunities: 0,
            };
            const lastTouch = Math.min(today, Math.max(context.timeline.dayOf(spec.createdMs), endDay));
            stamp(context, record, spec.createdMs, spec.owner.id, context.workTime(random, lastTouch), spec.owner.id);
            context.add('Campaign', record);
            const windowFrom = Math.max(startDay, start);
            const windowTo = status === 'Planned' ? windowFrom - 1 : Math.min(today, endDay + 30);
            const campaign: CampaignInfo = {
                index: this.campaigns.length,
                record,
                type,
                startDay,
                endDay,
                windowFrom,
                windowTo,
                team: spec.team,
                spread: spec.spread,
            };
            this.campaigns.push(campaign);
            for (let day = windowFrom; day <= windowTo; day++) (this.campaignsByDay[day - start] ??= []).push(campaign);
        }
    }

    /** A campaign running on the day that reaches the rep's customers: marketing's, or the rep's own team's. */
    private campaignOn(random: Random, day: number, rep: Person): CampaignInfo | undefined {
        const running = this.campaignsByDay[day - this.context.start];
        if (!running || running.length === 0) return undefined;
        for (let attempt = 0; attempt < 6; attempt++) {
            const campaign = random.pick(running);
            if (!campaign.team || campaign.team === rep.manager) return campaign;
        }
        return undefined;
    }

    private addToBook(owner: Person, account: AccountInfo): void {
        const book = this.books.get(owner);
        if (book) book.push(account);
        else this.books.set(owner, [account]);
    }

    /** An account for a deal: mostly from the rep's own book, always one that existed at the time. */
    private pickAccount(random: Random, rep: Person, ms: number): AccountInfo {
        const book = this.books.get(rep);
        for (let attempt = 0; attempt < 8; attempt++) {
            // Mostly the rep's own book, the longest-standing accounts most often (a few key accounts buy again and
            // again); sometimes someone else's account.
            const account =
                book && random.chance(0.8)
                    ? book[Math.floor(Math.pow(random.next(), 2) * book.length)]
                    : random.pick(this.accounts);
            if (account.createdMs <= ms) return account;
        }
        return this.accounts[0];
    }

    generateOpportunities(count: number): void {
        const { context, people } = this;
        const random = context.random(STREAM.opportunities);
        const { today, start, nowMs, timeline } = context;
        const days = context.dayPicker(start, today, (day) => salesDayWeight(context, day));
        const unsorted = Array.from({ length: count }, () => {
            const day = days.pick(random);
            const owner = people.pickWorkingRep(random, day);
            return { day, owner, createdMs: context.workTime(random, day) };
        });
        const specs = byCreation(unsorted);

        for (const { day, owner: rep, createdMs } of specs) {
            const leadDay = day - Math.min(day - start, 1 + Math.floor(random.logNormal(9, 0.9)));
            const fromLead = leadDay < day && isWorking(rep, leadDay) && random.chance(0.3);
            let account: AccountInfo;
            let source: string | null;
            let campaign: CampaignInfo | undefined;
            let conversion: Conversion | undefined;
            if (fromLead) {
                campaign = random.chance(0.45) ? this.campaignOn(random, leadDay, rep) : undefined;
                source = campaign ? CAMPAIGN_KINDS[campaign.type].leadSource : leadSources.pick(random);
                // Converting a lead usually creates the account (a new logo), sometimes matches an existing one.
                if (random.chance(0.7)) {
                    account = this.newAccount(random, createdMs, rep, rep);
                    this.addToBook(rep, account);
                } else {
                    account = this.pickAccount(random, rep, createdMs);
                }
                conversion = {
                    leadCreatedMs: context.workTime(random, leadDay),
                    convertedMs: createdMs,
                    convertedDay: day,
                    owner: rep,
                    account,
                    campaign,
                    source,
                };
                this.conversions.push(conversion);
            } else {
                account = this.pickAccount(random, rep, createdMs);
                source = random.chance(0.22) ? null : leadSources.pick(random);
                campaign = random.chance(0.12) ? this.campaignOn(random, day, rep) : undefined;
            }
            const existing = account.firstWonCloseDay < day && random.chance(0.9);
            const type = existing ? existingTypes.pick(random) : 'New Customer';

            const winChance = clamp(
                rep.skill * (existing ? 1.4 : 1) * (source === null ? 1 : SOURCE_WIN_FACTOR[source]),
                0.04,
                0.85,
            );
            const won = random.chance(winChance);
            const cycle = Math.max(
                1,
                Math.round((won ? random.logNormal(38, 0.5) : random.logNormal(30, 0.75)) * (existing ? 0.75 : 1)),
            );
            let closeDay = day + cycle;
            // Reps pull deals into the end of the fiscal quarter (and, less often, the month).
            if (random.chance(0.4)) {
                const candidate = timeline.fiscalQuarterEnd(closeDay) - random.int(0, 9);
                if (candidate > day) closeDay = candidate;
            } else if (random.chance(0.2)) {
                const candidate = timeline.lastOfMonth(closeDay) - random.int(0, 3);
                if (candidate > day) closeDay = candidate;
            }
            const weekday = timeline.weekday(closeDay);
            if (weekday === 6 && closeDay - 1 > day) closeDay -= 1;
            if (weekday === 0 && closeDay - 2 > day) closeDay -= 2;
            closeDay = Math.min(closeDay, today + 365);
            // Nothing of a rep's lands in their leave: the deal closes on their first day back.
            if (closeDay >= rep.gapFrom && closeDay <= rep.gapTo) closeDay = rep.gapTo + 1;

            let stageIndex: number;
            const due = closeDay < today || (closeDay === today && random.chance(0.5));
            if (due && random.chance(0.05)) {
                stageIndex = random.int(1, 6); // past due and never updated
            } else if (due) {
                stageIndex = won ? 8 : 9;
            } else {
                const progress = (today - day + 1) / (closeDay - day + 1);
                stageIndex = clamp(Math.floor(progress * 8 * random.between(0.6, 1.3)), 0, 7);
            }
            const stage = OPPORTUNITY_STAGES[stageIndex];
            let forecast: ForecastCategoryName = stage.forecastCategoryName;
            if (stageIndex === 7)
                forecast = random.chance(0.55) ? 'Commit' : random.chance(0.5) ? 'Best Case' : 'Pipeline';
            else if (stageIndex === 6 && random.chance(0.45)) forecast = 'Best Case';
            else if (stageIndex === 5 && random.chance(0.2)) forecast = 'Best Case';
            else if (stageIndex <= 1 && random.chance(0.03)) forecast = 'Omitted';

            const base = existing ? random.logNormal(14000, 0.6) : random.logNormal(24000, 0.7);
            let amount: number | null = Math.max(
                500,
                roundTo(base * account.tier * (1 + 0.08 * context.years(day)), 100),
            );
            if (stageIndex <= 1 && random.chance(0.1)) amount = null; // too early to size

            const closeMs = stage.isClosed
                ? Math.min(nowMs, Math.max(createdMs + 60_000, context.workTime(random, closeDay)))
                : Number.NaN;
            const lastChangeMs = stage.isClosed ? closeMs : createdMs + (nowMs - createdMs) * random.between(0.3, 1);

            // A departed rep's deals still open when they left were taken over by their manager.
            const leaveMs = Number.isFinite(rep.leaveDay)
                ? timeline.instant(rep.leaveDay, 0)
                : Number.POSITIVE_INFINITY;
            const successor = rep.manager ?? people.salesVp;
            const authorAt = (ms: number): Person => (ms < leaveMs ? rep : successor);
            const owner = (stage.isClosed ? closeMs : nowMs) >= leaveMs ? successor : rep;

            const initialAmount =
                amount !== null && random.chance(0.3)
                    ? Math.max(500, roundTo(amount * random.between(0.6, 1.25), 100))
                    : amount;
            let initialCloseDay = closeDay;
            const closeChange = random.next();
            if (closeChange < 0.3) initialCloseDay = Math.max(day + 1, closeDay - random.int(7, 60));
            else if (closeChange < 0.38) initialCloseDay = closeDay + random.int(7, 45);

            const history = this.historyPath(
                random,
                stageIndex,
                createdMs,
                Math.floor(lastChangeMs / 1000) * 1000,
                initialAmount !== amount || initialCloseDay !== closeDay,
            );
            if (rep.gapFrom <= rep.gapTo) {
                const gapStart = timeline.instant(rep.gapFrom, 0);
                const gapEnd = timeline.instant(rep.gapTo + 1, 0);
                let latest = createdMs;
                for (const row of history) {
                    if (row.ms >= gapStart && row.ms < gapEnd) row.ms = Math.min(nowMs, gapEnd + 1000);
                    latest = row.ms = Math.max(latest, row.ms);
                }
            }
            const lastMs = history[history.length - 1].ms;

            const closeDate = context.date(closeDay);
            const { fiscalYear, fiscalQuarter } = fiscalPeriodOf(closeDate, context.settings);
            const record: SObjectRecord = {
                Id: context.newId('Opportunity'),
                Name: `${account.record.Name} - ${random.pick(PRODUCTS)}`,
                AccountId: account.record.Id,
                OwnerId: owner.id,
                Amount: amount,
                CloseDate: closeDate,
                StageName: stage.name,
                IsClosed: stage.isClosed,
                IsWon: stage.isWon,
                Probability: stage.probability,
                Type: type,
                LeadSource: source,
                ForecastCategoryName: forecast,
                CampaignId: campaign?.record.Id ?? null,
                FiscalQuarter: fiscalQuarter,
                FiscalYear: fiscalYear,
                ExpectedRevenue: amount === null ? null : Math.round(amount * stage.probability) / 100,
                Loss_Reason__c: stageIndex === 9 ? lossReasons.pick(random) : null,
            };
            stamp(context, record, createdMs, rep.id, lastMs, authorAt(lastMs).id);
            context.add('Opportunity', record);
            this.opportunities.push({ record, createdMs, owner, account });
            if (conversion) conversion.opportunity = record;
            if (stage.isWon) account.firstWonCloseDay = Math.min(account.firstWonCloseDay, closeDay);

            const amountAt = initialAmount !== amount ? random.int(1, history.length - 1) : 0;
            const closeAt = initialCloseDay !== closeDay ? random.int(1, history.length - 1) : 0;
            history.forEach(({ stageIndex: rowStage, ms }, row) => {
                const rowStageInfo = OPPORTUNITY_STAGES[rowStage];
                const rowAmount = row >= amountAt ? amount : initialAmount;
                const rowForecast = row === history.length - 1 ? forecast : rowStageInfo.forecastCategoryName;
                const author = authorAt(ms).id;
                const created = context.iso(ms);
                const historyRecord: SObjectRecord = {
                    Id: context.newId('OpportunityHistory'),
                    OpportunityId: record.Id,
                    StageName: rowStageInfo.name,
                    Amount: rowAmount,
                    CloseDate: context.date(row >= closeAt ? closeDay : initialCloseDay),
                    Probability: rowStageInfo.probability,
                    ForecastCategory: FORECAST_CATEGORY_API_NAME[rowForecast],
                    ExpectedRevenue: rowAmount === null ? null : Math.round(rowAmount * rowStageInfo.probability) / 100,
                    // History rows have no LastModified pair (Object Reference, OpportunityHistory).
                    CreatedDate: created,
                    CreatedById: author,
                    SystemModstamp: created,
                };
                context.add('OpportunityHistory', historyRecord);
            });
        }
    }

    /**
     * The stages an opportunity went through, one history row each (Salesforce writes a row whenever stage, amount,
     * probability, close date or forecast category change): ascending open stages, then the closed stage if any.
     */
    private historyPath(
        random: Random,
        finalIndex: number,
        createdMs: number,
        lastMs: number,
        otherChanges: boolean,
    ): { stageIndex: number; ms: number }[] {
        const closed = finalIndex >= 8;
        const top = closed ? (finalIndex === 8 ? 7 : random.int(0, 6)) : finalIndex;
        const first = Math.min(top, random.chance(0.6) ? 0 : 1);
        const path = [first];
        for (let stage = first + 1; stage <= top; stage++) {
            if (random.chance(finalIndex === 8 ? 0.55 : 0.4) || (!closed && stage === top)) path.push(stage);
        }
        if (closed) path.push(finalIndex);
        if (path.length === 1 && otherChanges) path.push(first);
        const span = Math.max(0, lastMs - createdMs);
        const middle = closed ? path.length - 2 : path.length - 1;
        const times = [createdMs];
        for (let i = 0; i < middle; i++) times.push(createdMs + Math.floor((random.next() * span) / 1000) * 1000);
        times.sort((a, b) => a - b);
        if (closed) times.push(lastMs);
        return path.map((stageIndex, row) => ({ stageIndex, ms: Math.max(createdMs, times[row]) }));
    }

    generateLeads(count: number): void {
        const { context, people } = this;
        const random = context.random(STREAM.leads);
        const { today, start } = context;
        const days = context.dayPicker(start, today, (day) => salesDayWeight(context, day));
        const sourcing = this.campaigns.filter((campaign) => campaign.windowTo >= campaign.windowFrom);
        const sourcingPicker =
            sourcing.length > 0
                ? new WeightedValues(
                      sourcing.map(
                          (campaign, i) =>
                              [i, campaign.type === 'Webinar' || campaign.type === 'Email' ? 3 : 2] as const,
                      ),
                  )
                : undefined;

        interface LeadSpec {
            createdMs: number;
            owner: Person;
            campaign?: CampaignInfo;
            source: string;
            conversion?: Conversion;
            status: string;
        }
        const unsorted: LeadSpec[] = this.conversions.map((conversion) => ({
            createdMs: conversion.leadCreatedMs,
            owner: conversion.owner,
            campaign: conversion.campaign,
            source: conversion.source,
            conversion,
            status: 'Closed - Converted',
        }));
        for (let i = unsorted.length; i < count; i++) {
            let campaign: CampaignInfo | undefined;
            let day: number;
            if (sourcingPicker && random.chance(0.35)) {
                campaign = sourcing[sourcingPicker.pick(random)];
                day = random.int(campaign.windowFrom, campaign.windowTo);
            } else {
                day = days.pick(random);
            }
            // A team's campaign brings leads to that team.
            const owner = campaign?.team
                ? people.pickWorkingRepOf(campaign.team, random, day)
                : people.pickWorkingRep(random, day);
            const createdMs = context.workTime(random, day);
            const source = campaign ? CAMPAIGN_KINDS[campaign.type].leadSource : leadSources.pick(random);
            const age = today - day;
            let status: string;
            let conversion: Conversion | undefined;
            const convertedDay = day + random.int(1, Math.max(1, Math.min(age, 30)));
            if (age >= 3 && random.chance(0.04) && isWorking(owner, convertedDay)) {
                // Converted without an opportunity: the contact joins an existing account.
                const convertedMs = context.workTime(random, convertedDay);
                status = 'Closed - Converted';
                conversion = {
                    leadCreatedMs: createdMs,
                    convertedMs,
                    convertedDay,
                    owner,
                    account: this.pickAccount(random, owner, convertedMs),
                    campaign,
                    source,
                };
            } else {
                const r = random.next();
                if (age < 14) status = r < 0.55 ? 'Open - Not Contacted' : 'Working - Contacted';
                else if (age < 60)
                    status =
                        r < 0.1 ? 'Open - Not Contacted' : r < 0.55 ? 'Working - Contacted' : 'Closed - Not Converted';
                else
                    status =
                        r < 0.08 ? 'Open - Not Contacted' : r < 0.25 ? 'Working - Contacted' : 'Closed - Not Converted';
            }
            unsorted.push({ createdMs, owner, campaign, source, conversion, status });
        }
        const specs = byCreation(unsorted);

        for (const spec of specs) {
            const name = personName(random);
            const { conversion, owner } = spec;
            let contact: ContactInfo | undefined;
            if (conversion) {
                contact = this.newContact(random, conversion.account, conversion.convertedMs, owner, name, spec.source);
            }
            const company = conversion ? { name: String(conversion.account.record.Name) } : companyName(random);
            const industry = conversion ? conversion.account.record.Industry : random.pick(INDUSTRIES);
            const modifiedMs = conversion
                ? conversion.convertedMs
                : spec.status === 'Open - Not Contacted'
                  ? spec.createdMs
                  : Math.min(context.nowMs, spec.createdMs + Math.floor(random.next() * 45 * 86_400) * 1000);
            const record: SObjectRecord = {
                Id: context.newId('Lead'),
                FirstName: name.firstName,
                LastName: name.lastName,
                Name: `${name.firstName} ${name.lastName}`,
                Company: company.name,
                Status: spec.status,
                LeadSource: spec.source,
                OwnerId: owner.id,
                IsConverted: conversion !== undefined,
                ConvertedDate: conversion ? context.date(conversion.convertedDay) : null,
                ConvertedOpportunityId: conversion?.opportunity?.Id ?? null,
                ConvertedAccountId: conversion ? conversion.account.record.Id : null,
                ConvertedContactId: contact ? contact.record.Id : null,
                Industry: industry,
                Rating: ratings.pick(random),
            };
            stamp(context, record, spec.createdMs, owner.id, modifiedMs, owner.id);
            context.add('Lead', record);
            this.leads.push({ record, createdMs: spec.createdMs, owner, campaign: spec.campaign });
        }
    }

    generateCampaignMembers(count: number): void {
        const { context } = this;
        const random = context.random(STREAM.members);
        const { today } = context;
        // One membership per lead or contact and campaign; numeric keys (campaign × 2^21 + lead, or + 2^20 + contact)
        // stay small integers, cheaper to hash than concatenated Ids.
        const taken = new Set<number>();
        const leadKey = (campaign: CampaignInfo, leadIndex: number): number => campaign.index * 2_097_152 + leadIndex;
        const contactKey = (campaign: CampaignInfo, contactIndex: number): number =>
            campaign.index * 2_097_152 + 1_048_576 + contactIndex;
        const add = (
            campaign: CampaignInfo,
            leadId: string | null,
            contactId: string | null,
            status: string,
            createdMs: number,
            respondedDay: number | null,
            modifiedMs: number,
            author: string,
        ): void => {
            const record: SObjectRecord = {
                Id: context.newId('CampaignMember'),
                CampaignId: campaign.record.Id,
                LeadId: leadId,
                ContactId: contactId,
                Status: status,
                HasResponded: status === 'Responded',
                FirstRespondedDate: respondedDay === null ? null : context.date(respondedDay),
            };
            context.add('CampaignMember', stamp(context, record, createdMs, author, modifiedMs, author));
        };

        // Leads a campaign brought in joined it as responders the moment they were created.
        let sourced = 0;
        this.leads.forEach((lead, leadIndex) => {
            if (!lead.campaign) return;
            taken.add(leadKey(lead.campaign, leadIndex));
            const day = context.timeline.dayOf(lead.createdMs);
            add(lead.campaign, lead.record.Id, null, 'Responded', lead.createdMs, day, lead.createdMs, lead.owner.id);
            sourced++;
        });

        const rates: Record<string, [open: number, respond: number]> = {
            Email: [0.3, 0.04],
            Webinar: [0.35, 0.22],
            Conference: [0.1, 0.3],
            'Trade Show': [0.1, 0.25],
            Advertisement: [0.05, 0.01],
            'Direct Mail': [0.1, 0.02],
            Partners: [0.2, 0.08],
        };
        const listWeight: Record<string, number> = {
            Email: 5,
            'Direct Mail': 3,
            Webinar: 2,
            Advertisement: 1,
            Conference: 1,
            'Trade Show': 1,
            Partners: 1,
        };
        const started = this.campaigns.filter((campaign) => campaign.startDay <= today);
        const weights = started.map((campaign) => listWeight[campaign.type] * random.between(0.5, 1.5));
        const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
        const remaining = Math.max(0, count - sourced);
        const contactsByTime = byCreation(this.contacts);
        // The audiences, each in creation order: everyone for marketing's campaigns, a team's own leads and the
        // contacts of its accounts for the team's campaigns (indices into this.leads and contactsByTime).
        interface Audience {
            leads: number[];
            leadTimes: number[];
            contacts: number[];
            contactTimes: number[];
        }
        const audience = (): Audience => ({ leads: [], leadTimes: [], contacts: [], contactTimes: [] });
        const everyone = audience();
        const teams = new Map<Person | undefined, Audience>();
        const teamOf = (owner: Person): Audience => {
            let found = teams.get(owner.manager);
            if (!found) teams.set(owner.manager, (found = audience()));
            return found;
        };
        this.leads.forEach((lead, index) => {
            for (const target of [everyone, teamOf(lead.owner)]) {
                target.leads.push(index);
                target.leadTimes.push(lead.createdMs);
            }
        });
        contactsByTime.forEach((contact, index) => {
            for (const target of [everyone, teamOf(contact.account.owner)]) {
                target.contacts.push(index);
                target.contactTimes.push(contact.createdMs);
            }
        });

        started.forEach((campaign, index) => {
            const reach = campaign.team ? (teams.get(campaign.team) ?? audience()) : everyone;
            const startMs = context.workTime(random, campaign.startDay, 8, 10);
            // A nurture program sends on every working day of its run so far; any other campaign sends once.
            const lastSendDay = Math.min(today, campaign.endDay);
            const sendTime = (): number => {
                if (!campaign.spread || lastSendDay <= campaign.startDay) return startMs;
                let day = random.int(campaign.startDay, lastSendDay);
                const weekday = context.timeline.weekday(day);
                if (weekday === 0 || weekday === 6) day = Math.max(campaign.startDay, day - (weekday === 0 ? 2 : 1));
                return Math.max(startMs, context.workTime(random, day, 8, 17));
            };
            const endMs = campaign.spread ? Math.max(startMs, context.workTime(random, lastSendDay, 17, 18)) : startMs;
            const wanted = Math.min(
                Math.round((remaining * weights[index]) / totalWeight),
                Math.floor((countAtMost(reach.leadTimes, endMs) + countAtMost(reach.contactTimes, endMs)) * 0.6),
            );
            const [openRate, responseRate] = rates[campaign.type];
            const author = String(campaign.record.OwnerId);
            for (let added = 0, attempts = 0; added < wanted && attempts < wanted * 3; attempts++) {
                const sendMs = sendTime();
                const leadPool = countAtMost(reach.leadTimes, sendMs);
                const contactPool = countAtMost(reach.contactTimes, sendMs);
                if (leadPool + contactPool === 0) continue;
                const useLead = contactPool === 0 || (leadPool > 0 && random.chance(0.6));
                const picked = random.int(0, (useLead ? leadPool : contactPool) - 1);
                const memberIndex = useLead ? reach.leads[picked] : reach.contacts[picked];
                const lead = useLead ? this.leads[memberIndex] : undefined;
                const contact = useLead ? undefined : contactsByTime[memberIndex];
                const key = useLead ? leadKey(campaign, memberIndex) : contactKey(campaign, memberIndex);
                if (taken.has(key)) continue;
                taken.add(key);
                added++;
                const r = random.next();
                const status =
                    campaign.record.Status === 'Aborted'
                        ? 'Sent'
                        : r < responseRate
                          ? 'Responded'
                          : r < responseRate + openRate
                            ? 'Opened'
                            : 'Sent';
                let respondedDay: number | null = null;
                let modifiedMs = sendMs;
                if (status !== 'Sent') {
                    const sentDay = context.timeline.dayOf(sendMs);
                    const window = campaign.spread ? 14 : Math.max(0, campaign.endDay - campaign.startDay) + 14;
                    const day = Math.min(today, sentDay + Math.floor(Math.pow(random.next(), 2) * window));
                    modifiedMs = Math.max(sendMs, context.workTime(random, day));
                    if (status === 'Responded') respondedDay = context.timeline.dayOf(modifiedMs);
                }
                add(
                    campaign,
                    lead ? lead.record.Id : null,
                    contact ? contact.record.Id : null,
                    status,
                    sendMs,
                    respondedDay,
                    modifiedMs,
                    author,
                );
            }
        });
    }

    /** Campaign roll-ups, account types and quotas, once every record they summarize exists. */
    finish(): void {
        const { context, people } = this;
        const random = context.random(STREAM.quotas);
        const byCampaign = new Map<string, SObjectRecord>(
            this.campaigns.map((campaign) => [campaign.record.Id, campaign.record]),
        );
        for (const campaign of byCampaign.values()) {
            if (campaign.Status !== 'Planned') campaign.NumberSent = 0;
        }
        const convertedLeads = new Set<string>();
        for (const { record } of this.leads) if (record.IsConverted === true) convertedLeads.add(record.Id);
        for (const member of context.records.CampaignMember ?? []) {
            const campaign = byCampaign.get(String(member.CampaignId))!;
            if (campaign.NumberSent !== null) campaign.NumberSent = Number(campaign.NumberSent) + 1;
            if (member.LeadId !== null) {
                campaign.NumberOfLeads = Number(campaign.NumberOfLeads) + 1;
                if (convertedLeads.has(String(member.LeadId))) {
                    campaign.NumberOfConvertedLeads = Number(campaign.NumberOfConvertedLeads) + 1;
                }
            }
            if (member.ContactId !== null) campaign.NumberOfContacts = Number(campaign.NumberOfContacts) + 1;
            if (member.HasResponded === true) campaign.NumberOfResponses = Number(campaign.NumberOfResponses) + 1;
        }
        for (const { record } of this.opportunities) {
            if (record.CampaignId === null) continue;
            const campaign = byCampaign.get(String(record.CampaignId))!;
            const amount = record.Amount === null ? 0 : Number(record.Amount);
            campaign.NumberOfOpportunities = Number(campaign.NumberOfOpportunities) + 1;
            campaign.AmountAllOpportunities = Number(campaign.AmountAllOpportunities) + amount;
            if (record.IsWon === true) {
                campaign.NumberOfWonOpportunities = Number(campaign.NumberOfWonOpportunities) + 1;
                campaign.AmountWonOpportunities = Number(campaign.AmountWonOpportunities) + amount;
            }
        }

        for (const account of this.accounts) {
            if (Number.isFinite(account.firstWonCloseDay)) {
                account.record.Type = random.chance(0.8) ? 'Customer - Direct' : 'Customer - Channel';
            } else if (random.chance(0.04)) {
                account.record.Type = random.pick([
                    'Channel Partner / Reseller',
                    'Installation Partner',
                    'Technology Partner',
                ]);
            }
        }

        // Quarterly quota ≈ what the rep won per quarter over the last year, with some stretch.
        const yearAgo = context.date(context.today - 365);
        const wonLastYear = new Map<Person, number>();
        for (const { record, owner } of this.opportunities) {
            if (record.IsWon === true && String(record.CloseDate) >= yearAgo) {
                wonLastYear.set(owner, (wonLastYear.get(owner) ?? 0) + Number(record.Amount ?? 0));
            }
        }
        const quarterly = people.reps.map((rep) => (wonLastYear.get(rep) ?? 0) / 4).sort((a, b) => a - b);
        const median = quarterly[Math.floor(quarterly.length / 2)] || 50_000;
        for (const rep of people.reps) {
            const tenure = context.today - rep.hireDay;
            const base = tenure < 120 ? median * 0.5 : Math.max((wonLastYear.get(rep) ?? 0) / 4, median * 0.6);
            rep.record.Sales_Quota__c = Math.max(10_000, roundTo(base * random.between(1.05, 1.3), 5000));
        }
        let vpQuota = 0;
        for (const manager of people.salesManagers) {
            let teamQuota = 0;
            for (const rep of people.reps) {
                if (rep.manager === manager && rep.record.IsActive === true)
                    teamQuota += Number(rep.record.Sales_Quota__c);
            }
            manager.record.Sales_Quota__c = teamQuota;
            vpQuota += teamQuota;
        }
        people.salesVp.record.Sales_Quota__c = vpQuota;
    }
}
