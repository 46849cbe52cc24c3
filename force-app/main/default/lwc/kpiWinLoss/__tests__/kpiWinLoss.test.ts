import { createElement } from 'lwc';
import KpiWinLoss from 'c/kpiWinLoss';
import { graphql } from 'lightning/graphql';
import timeZone from '@salesforce/i18n/timeZone';
import userId from '@salesforce/user/Id';
import { planWinLoss, readSettings } from 'c/kpiWinLossData';
import type { OptionalSection, WinLossPlan, WinLossSection } from 'c/kpiWinLossData';
import { ChartJsMock, flush as nextTurn } from '../../kpiChart/__tests__/kpiChartTestUtils';
import response from '../../kpiWinLossData/__tests__/data/winLoss.json';
import variants from './data/winLossVariants.json';
import { FIXTURE_NOW, pinClock } from '../../../../../test/jest/kpiTestUtils';

interface WireConfig {
    operationName?: string;
    variables?: Record<string, unknown>;
}
interface GraphqlStub {
    emit(data: unknown, filter?: (config: WireConfig) => boolean): void;
    emitErrors(errors: unknown, filter?: (config: WireConfig) => boolean): void;
    getLastConfig(): WireConfig;
}
const wire = graphql as unknown as GraphqlStub;
// The stub emits data or errors; UI API GraphQL can answer with both (partial data).
const emitBoth = (data: unknown, errors: unknown[]) =>
    (Object.getPrototypeOf(graphql) as { emit(this: unknown, value: unknown): void }).emit.call(graphql, {
        data,
        errors,
    });

// The platform gives 1 (Sunday) … 7; the stock mock's 0 is a value the planner rightly refuses.
jest.mock('@salesforce/i18n/firstDayOfWeek', () => ({ default: 1 }), { virtual: true });

// The stock navigation stub's Navigate does nothing observable: this one records the page references.
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](reference: unknown) {
                mockNavigate(reference);
            }
            [GenerateUrl]() {
                return Promise.resolve('');
            }
        };
    return {
        NavigationMixin: Object.assign(NavigationMixin, { Navigate, GenerateUrl }),
        CurrentPageReference: jest.fn(),
    };
});
/** Every wire config the component holds: one, the whole analysis. */
function configs(): WireConfig[] {
    const found: WireConfig[] = [];
    wire.emit(undefined, (config) => {
        found.push(config);
        return false;
    });
    return found;
}
const config = (): WireConfig => wire.getLastConfig();

type WinLossElement = HTMLElement & Record<string, unknown>;

function create(props: Record<string, unknown> = {}): WinLossElement {
    const element = createElement('c-kpi-win-loss', { is: KpiWinLoss }) as unknown as WinLossElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

// Wire answers, getters and the chart's queued update each take a turn.
async function flush(): Promise<void> {
    await nextTurn();
    await nextTurn();
}

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const find = (element: HTMLElement, selector: string) => root(element).querySelector(selector);
const findAll = (element: HTMLElement, selector: string) => [...root(element).querySelectorAll(selector)];
const text = (element: HTMLElement, selector: string) => find(element, selector)?.textContent?.trim() ?? '';
/** A filter's combobox inside the filter bar, by the setting it switches. */
const filter = (element: HTMLElement, name: string) =>
    (find(element, 'c-kpi-filter-bar') as HTMLElement).shadowRoot?.querySelector(
        `lightning-combobox[data-name="${name}"]`,
    ) as HTMLElement;

async function withData(props: Record<string, unknown> = {}): Promise<WinLossElement> {
    const element = create(props);
    await flush();
    wire.emit(response);
    await flush();
    return element;
}

interface ChartProps {
    labels: string[];
    series: { label: string; data: (number | null)[]; displayValues?: string[]; type?: string; axis?: string }[];
    summary: string;
}
const chartOf = (element: HTMLElement) => find(element, '[data-id="trend-chart"]') as unknown as ChartProps;

/** The plan the component should ask with for these properties, as kpiWinLossData makes it (the clock is fixed). */
function planOf(props: Record<string, unknown> = {}, extra: { accountId?: string; omit?: OptionalSection[] } = {}) {
    const { settings } = readSettings(props);
    const calendar = { timeZone, firstDayOfWeek: 1, fiscalYearStartMonth: settings.fiscalYearStartMonth };
    return planWinLoss({ settings, now: new Date(), calendar, userId, ...extra });
}
const aliasesOf = (plan: WinLossPlan, section: WinLossSection) =>
    plan.subqueries.filter((s) => s.section === section).map((s) => s.alias);
/** The first line of a section's first subquery: where the server places an error about it. */
const lineOf = (plan: WinLossPlan, section: WinLossSection) =>
    (plan.subqueries.find((s) => s.section === section) as { lines: [number, number] }).lines[0];
/** The values the last wire config sends, whatever the planner names its variables. */
const sentValues = () => Object.values(config().variables ?? {});

describe('c-kpi-win-loss', () => {
    beforeAll(() => {
        (window as unknown as { Chart: unknown }).Chart = ChartJsMock;
        // Only the clock is fake: the fixtures' buckets are those of 20 May 2024.
        pinClock(FIXTURE_NOW);
    });

    afterAll(() => {
        jest.useRealTimers();
    });

    afterEach(() => {
        document.body.replaceChildren();
        ChartJsMock.instances = [];
        jest.clearAllMocks();
    });

    it('says it is loading until the one request answers', async () => {
        const element = create();
        await flush();
        expect(find(element, '[data-id="loading"]')).not.toBeNull();
        expect(find(element, '.kpi-win-loss__empty')).toBeNull();
        // The adapter stub also keeps a config-less instance: one wire asks, for the whole analysis.
        expect(configs().filter((c) => c.operationName)).toHaveLength(1);
        expect(config()).toMatchObject({ operationName: 'KpiWinLoss', variables: planOf().variables });
        // The previous fiscal quarter to the same day is the comparison window.
        expect(sentValues()).toEqual(expect.arrayContaining(['2024-01-01', '2024-02-20']));
        await expect(element).toBeAccessible();
    });

    it('shows rates, reps, the chart, reasons and recent losses', async () => {
        // A sample of two: the one rep with a single closed deal is flagged, the others are not.
        const element = await withData({ minSample: 2 });
        const rows = findAll(element, '.kpi-win-loss__rates tbody tr').map((row) =>
            [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
        );
        expect(rows[0]).toEqual(['c.kpiWinLossCompany', '40%', '26.7%', '5', '33.3%']);
        expect(rows[1]).toEqual(['c.kpiWinLossTeam', '40%', '26.7%', '5', '33.3%']);
        expect(rows[2]).toEqual(['Javier Nguyen', '50%', '35.5%', '2', '']);
        expect(rows[3]).toEqual(['Arjun Hughes', '50%', '41%', '2', '']);
        expect(rows[4][0]).toBe('Omar Pereira');
        expect(rows[4][3]).toContain('c.kpiWinLossTooSmall');
        expect(rows).toHaveLength(5);
        const chart = chartOf(element);
        expect(findAll(element, 'c-kpi-chart')).toHaveLength(1);
        expect(chart.labels).toHaveLength(6);
        expect(chart.series.map((s) => [s.label, s.type, s.axis, [...s.data]])).toEqual([
            ['c.kpiWinLossWon', undefined, undefined, [2, 1, 0, 2, 0, 2]],
            ['c.kpiWinLossLost', undefined, undefined, [9, 1, 3, 6, 0, 3]],
            ['c.kpiWinLossWinRate', 'line', 'percent', [18.2, 50, 0, 25, null, 40]],
        ]);
        expect([...(chart.series[2].displayValues ?? [])]).toEqual(['18.2%', '50%', '0%', '25%', '—', '40%']);
        expect(chart.summary).toBe('c.kpiWinLossTrendSummary c.kpiWinLossRateSummary');
        expect(findAll(element, '.kpi-win-loss__reasons tbody tr')).toHaveLength(2);
        const links = findAll(element, '.kpi-win-loss__recent a') as HTMLAnchorElement[];
        expect(links.map((a) => a.textContent)).toEqual([
            'Orchid Printing KK - Analytics Add-on',
            'Slate Learning LLC - Data Migration',
            'Dune Farms - Premium Support',
        ]);
        expect(links[0].getAttribute('href')).toBe('/lightning/r/Opportunity/0065g00000qNAdMAAW/view');
        for (const section of ['error', 'partial', 'rates-error', 'trend-error', 'reasons-error', 'recent-error'])
            expect(find(element, `[data-id="${section}"]`)).toBeNull();
        expect(find(element, '.kpi-win-loss__currency')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('switches grouping and updates the chart in place', async () => {
        const element = await withData();
        await flush();
        const drawn = ChartJsMock.instances.length;
        expect(drawn).toBeGreaterThan(0);
        const combobox = filter(element, 'grouping');
        combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'quarter' } }));
        await flush();
        const byQuarter = planOf({ grouping: 'quarter' });
        expect(config().variables).toEqual(byQuarter.variables);
        // Six quarters back from this one: the trend starts in January 2023.
        expect(sentValues()).toContain('2023-01-01');
        const [earlier, later] = aliasesOf(byQuarter, 'trend');
        const quarters = {
            uiapi: {
                ...response.uiapi,
                aggregate: {
                    ...response.uiapi.aggregate,
                    [earlier]: { edges: [], pageInfo: { hasNextPage: false } },
                    [later]: {
                        edges: [
                            {
                                node: {
                                    aggregate: {
                                        CloseDate: { calendarQuarter: { value: 2 } },
                                        IsWon: { value: true },
                                        Id: { count: { value: 7 } },
                                    },
                                },
                            },
                        ],
                        pageInfo: { hasNextPage: false },
                    },
                },
            },
        };
        wire.emit(quarters);
        await flush();
        const chart = chartOf(element);
        expect(chart.labels).toEqual(Array(6).fill('c.kpiWinLossQuarterBucket'));
        expect(chart.series[0].data[chart.series[0].data.length - 1]).toBe(7);
        expect(ChartJsMock.instances.length).toBe(drawn);
        expect(ChartJsMock.instances.some((instance) => instance.update.mock.calls.length > 0)).toBe(true);
    });

    it('names fiscal quarters at once when they are the calendar quarters (the same document)', async () => {
        const element = create({ grouping: 'quarter' });
        await flush();
        const byQuarter = planOf({ grouping: 'quarter' });
        // A January fiscal year: both groupings ask the very same document.
        expect(planOf({ grouping: 'fiscalQuarter' }).query).toBe(byQuarter.query);
        wire.emit(variants.quarter.data);
        await flush();
        expect(chartOf(element).labels).toEqual(Array(6).fill('c.kpiWinLossQuarterBucket'));
        filter(element, 'grouping').dispatchEvent(new CustomEvent('change', { detail: { value: 'fiscalQuarter' } }));
        await flush();
        expect(chartOf(element).labels).toEqual(Array(6).fill('c.kpiWinLossFiscalQuarterBucket'));
        expect(find(element, '[data-id="loading"]')).toBeNull();
    });

    it('shows amounts when the viewer picks the amount measure', async () => {
        const element = await withData();
        filter(element, 'measure').dispatchEvent(new CustomEvent('change', { detail: { value: 'amount' } }));
        await flush();
        const chart = chartOf(element);
        expect([...chart.series[1].data]).toEqual([390100, 34100, 98900, 234200, 0, 170400]);
        expect(chart.series[1].displayValues?.[5]).toBe('$170,400.00');
        // December: $70,300 won of $460,400 closed.
        expect(chart.series[2].data[0]).toBeCloseTo(15.3);
    });

    it('filters by type, lead source and a rep, and back to all owners', async () => {
        const element = await withData({ scope: 'all' });
        filter(element, 'opportunityType').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'New Customer' } }),
        );
        filter(element, 'leadSource').dispatchEvent(new CustomEvent('change', { detail: { value: 'Web' } }));
        filter(element, 'period').dispatchEvent(new CustomEvent('change', { detail: { value: 'lastYear' } }));
        await flush();
        const filtered = { scope: 'all', opportunityType: 'New Customer', leadSource: 'Web', period: 'lastYear' };
        expect(config().variables).toEqual(planOf(filtered).variables);
        expect(sentValues()).toEqual(expect.arrayContaining(['New Customer', 'Web', '2023-01-01']));
        // The fixture answers the default plan: its company and reps subqueries answer this plan's (no team here).
        const [from, to] = [aliasesOf(planOf(), 'rates'), aliasesOf(planOf(filtered), 'rates')];
        const aggregate = response.uiapi.aggregate as Record<string, unknown>;
        const rates = { [to[0]]: aggregate[from[0]], [to[1]]: aggregate[from[1]], [to[2]]: aggregate[from[4]] };
        const answer = { uiapi: { ...response.uiapi, aggregate: rates } };
        wire.emit(answer);
        await flush();
        (find(element, '.kpi-win-loss__show-only') as HTMLElement).click();
        await flush();
        const javier = '0055g00000UvyJ4AAJ';
        expect(config().variables).toEqual(planOf({ ...filtered, ownerId: javier }).variables);
        expect(sentValues()).toContain(javier);
        wire.emit(response);
        await flush();
        expect(text(element, '.kpi-win-loss__rates tbody tr:nth-child(2) th')).toBe('c.kpiWinLossRep');
        (find(element, '.kpi-win-loss__all-owners') as HTMLElement).click();
        await flush();
        expect(sentValues()).not.toContain(javier);
        expect(config().variables).toEqual(planOf(filtered).variables);
    });

    it('says there is nothing to show when no deal closed', async () => {
        const element = create({ scope: 'mine' });
        await flush();
        wire.emit({ uiapi: { aggregate: { companyNow: { edges: [] } } } });
        await flush();
        expect(text(element, '.kpi-win-loss__empty')).toBe('c.kpiWinLossEmpty');
        expect(find(element, '.kpi-win-loss__rates')).toBeNull();
        expect(find(element, '.kpi-win-loss__partial')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error inline when the request fails', async () => {
        const element = create();
        await flush();
        wire.emitErrors([{ message: 'Insufficient access rights on object' }]);
        await flush();
        expect(find(element, '[data-id="error"]')).not.toBeNull();
        expect(find(element, '[data-id="loading"]')).toBeNull();
        expect(find(element, '.kpi-win-loss__rates')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('costs a failed subquery only its section', async () => {
        const element = create();
        await flush();
        const plan = planOf();
        const [trend] = aliasesOf(plan, 'trend');
        // The second rates subquery: the company's previous period.
        const companyBefore = aliasesOf(plan, 'rates')[1];
        const [recent] = aliasesOf(plan, 'recent');
        const data = {
            uiapi: {
                aggregate: { ...response.uiapi.aggregate, [trend]: null, [companyBefore]: null },
                query: { [recent]: null },
            },
        };
        emitBoth(data, [
            { message: 'trend failed', path: ['uiapi', 'aggregate', trend] },
            { message: 'rates failed', path: ['uiapi', 'aggregate', companyBefore] },
            { message: 'recent failed', locations: [{ line: lineOf(plan, 'recent'), column: 7 }] },
            { message: 'who knows' },
        ]);
        await flush();
        const shown = ['rates-error', 'trend-error', 'recent-error', 'partial'].filter((id) =>
            find(element, `[data-id="${id}"]`),
        );
        expect(shown).toEqual(['rates-error', 'trend-error', 'recent-error', 'partial']);
        // The rates still read are shown; the failed trend is its error, not a chart of zeros.
        expect(find(element, '[data-id="rates"]')).not.toBeNull();
        expect(find(element, '[data-id="trend-chart"]')).toBeNull();
        expect(find(element, '[data-id="reasons"]')).not.toBeNull();
        expect(find(element, '[data-id="recent"]')).toBeNull();
        expect(find(element, '[data-id="no-recent"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says so when the response lacks a part without saying why', async () => {
        const element = create();
        await flush();
        const [trend] = aliasesOf(planOf(), 'trend');
        wire.emit({ uiapi: { aggregate: { ...response.uiapi.aggregate, [trend]: undefined } } });
        await flush();
        expect(find(element, '[data-id="partial"]')).not.toBeNull();
        expect(find(element, '[data-id="rates"]')).not.toBeNull();
    });

    it('re-asks without reasons and explains how to add the field when the org has none', async () => {
        const element = create();
        await flush();
        wire.emitErrors([{ message: "No such column 'Loss_Reason__c' on entity 'Opportunity'" }]);
        await flush();
        expect(find(element, '[data-id="loading"]')).not.toBeNull();
        expect(config().variables).toBeDefined();
        wire.emit(response);
        await flush();
        expect(text(element, '[data-id="no-reason-field"]')).toBe('c.kpiWinLossNoReasonField');
        expect(text(element, '[data-id="reason-field-unavailable"]')).toBe('c.kpiWinLossReasonFieldUnavailable');
        expect(find(element, '[data-id="reasons"]')).toBeNull();
        expect(find(element, '[data-id="reasons-error"]')).toBeNull();
        expect(find(element, '[data-id="rates"]')).not.toBeNull();
        expect(findAll(element, '.kpi-win-loss__recent a')).toHaveLength(3);
    });

    it('shows the rest when the server answers without the hidden reason field', async () => {
        const element = create();
        await flush();
        const [reasons] = aliasesOf(planOf(), 'reasons');
        const reasonError = {
            message: "groupBy: field 'Loss_Reason__c' is undefined on Opportunity",
            path: ['uiapi', 'aggregate', reasons],
        };
        emitBoth({ uiapi: { ...response.uiapi, aggregate: { ...response.uiapi.aggregate, [reasons]: null } } }, [
            reasonError,
        ]);
        await flush();
        expect(find(element, '[data-id="reason-field-unavailable"]')).not.toBeNull();
        expect(find(element, '[data-id="reasons"]')).toBeNull();
        expect(find(element, '[data-id="partial"]')).toBeNull();
        expect(find(element, '[data-id="rates"]')).not.toBeNull();
    });

    it('re-asks without the recent losses when they make the server refuse the document', async () => {
        const element = create();
        await flush();
        const line = lineOf(planOf(), 'recent');
        const refusal = { message: 'Validation error: orderBy refused', locations: [{ line, column: 9 }] };
        wire.emitErrors([refusal]);
        await flush();
        expect(find(element, '[data-id="loading"]')).not.toBeNull();
        wire.emit({ uiapi: { aggregate: response.uiapi.aggregate } });
        await flush();
        expect(find(element, '[data-id="recent-error"]')).not.toBeNull();
        expect(find(element, '[data-id="partial"]')).toBeNull();
        expect(find(element, '[data-id="rates"]')).not.toBeNull();
        expect(find(element, '[data-id="reasons"]')).not.toBeNull();
        // A refusal in a section the analysis needs is shown as it is, not retried.
        const again = create({ scope: 'all' });
        await flush();
        const ratesLine = lineOf(planOf({ scope: 'all' }), 'rates');
        wire.emitErrors([{ message: 'bad', locations: [{ line: ratesLine, column: 7 }] }]);
        await flush();
        expect(find(again, '[data-id="error"]')).not.toBeNull();
    });

    it('explains how to add a loss-reason field when the property is empty', async () => {
        const element = await withData({ lossReasonField: '' });
        expect(find(element, '.kpi-win-loss__no-reason-field')).not.toBeNull();
    });

    it('names every bad property inline and still works with defaults', async () => {
        const element = create({
            period: 'someday',
            grouping: 'week',
            measure: 'x',
            minSample: -3,
            scope: 'world',
            ownerId: 'bad',
            currencyCode: 'euros',
        });
        await flush();
        const messages = findAll(element, '.kpi-win-loss__property').map((p) => p.textContent);
        expect(messages).toEqual([
            'c.kpiPropertyNotPeriod',
            'c.kpiPropertyNotChoice',
            'c.kpiPropertyNotChoice',
            'c.kpiPropertyNotChoice',
            'c.kpiPropertyNotWholeNumber',
            'c.kpiPropertyNotUserId',
            'c.kpiPropertyNotCurrency',
        ]);
        expect(findAll(element, '.kpi-win-loss__property').map((p) => p.getAttribute('data-property'))).toEqual([
            'period',
            'grouping',
            'measure',
            'scope',
            'minSample',
            'ownerId',
            'currencyCode',
        ]);
        expect(config().variables).toEqual(planOf().variables);
        await expect(element).toBeAccessible();
    });

    it('limits an Account page to that account and offers a rolling period as it is', async () => {
        const { accountId, properties: onAccount } = variants.account;
        const element = create({ recordId: accountId, ...onAccount });
        await flush();
        expect(config().variables).toEqual(planOf(onAccount, { accountId }).variables);
        expect(sentValues()).toContain(accountId);
        const period = filter(element, 'period') as unknown as {
            options: { value: string }[];
            value: string;
        };
        expect(period.value).toBe('rollingDays:90');
        expect(period.options.map((o) => o.value)).toContain('rollingDays:90');
        wire.emit(variants.account.data);
        await flush();
        expect(chartOf(element).labels[0]).toBe('c.kpiWinLossFiscalQuarterBucket');
    });

    it('formats amounts in the currency the property names, and says which', async () => {
        const element = await withData({ currencyCode: 'eur', measure: 'amount' });
        expect(find(element, '.kpi-win-loss__property')).toBeNull();
        expect(text(element, '.kpi-win-loss__currency')).toBe('c.kpiLeaderboardAmountsCurrency');
        expect(chartOf(element).series[1].displayValues?.[5]).toBe('€170,400.00');
        const reasonCells = findAll(element, '.kpi-win-loss__reasons tbody tr td').map((td) => td.textContent);
        expect(reasonCells[1]).toBe('€108,500.00');
    });

    it('opens a lost opportunity through navigation, and leaves modified clicks to the browser', async () => {
        const navigate = mockNavigate;
        const element = await withData();
        const link = find(element, '.kpi-win-loss__recent a') as HTMLAnchorElement;
        // Runs after the component's handler: records what it left to the browser, then stops jsdom navigating.
        let leftToBrowser: boolean | undefined;
        const recordThenStop = (event: Event) => {
            leftToBrowser ??= !event.defaultPrevented;
            event.preventDefault();
        };
        link.addEventListener('click', recordThenStop);
        const modified = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
        link.dispatchEvent(modified);
        expect(navigate).not.toHaveBeenCalled();
        expect(leftToBrowser).toBe(true);
        link.removeEventListener('click', recordThenStop);
        const plain = new MouseEvent('click', { bubbles: true, cancelable: true });
        link.dispatchEvent(plain);
        expect(plain.defaultPrevented).toBe(true);
        expect(navigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '0065g00000qNAdMAAW', objectApiName: 'Opportunity', actionName: 'view' },
        });
    });

    describe('picklist filters', () => {
        const picklist = (name: string, values: string[]) => ({
            ApiName: name,
            picklistValuesByRecordTypeIDs: [
                {
                    recordTypeID: '012000000000000AAA',
                    picklistValues: values.map((value) => ({ label: `${value} (label)`, value })),
                },
            ],
        });
        const withPicklists = (fields: unknown[]) => ({
            uiapi: { ...response.uiapi, objectInfos: [{ ApiName: 'Opportunity', fields }] },
        });
        const both = withPicklists([picklist('Type', ['New Business', 'Renewal']), picklist('LeadSource', ['Web'])]);
        const optionsOf = (element: HTMLElement, name: string) =>
            (filter(element, name) as unknown as { options: { label: string; value: string }[] }).options;

        it("offers All and the org's values, shows labels and filters by API value", async () => {
            const element = create({ scope: 'all' });
            await flush();
            wire.emit(both);
            await flush();
            expect(optionsOf(element, 'opportunityType')).toEqual([
                { label: 'c.kpiLeaderboardAll', value: '' },
                { label: 'New Business (label)', value: 'New Business' },
                { label: 'Renewal (label)', value: 'Renewal' },
            ]);
            expect(optionsOf(element, 'leadSource').map((o) => o.value)).toEqual(['', 'Web']);
            filter(element, 'opportunityType').dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Renewal' } }),
            );
            await flush();
            expect(config().variables).toEqual(planOf({ scope: 'all', opportunityType: 'Renewal' }).variables);
            expect(sentValues()).toContain('Renewal');
            // The values stay offered while the filtered answer is on its way and after it.
            expect(optionsOf(element, 'opportunityType')).toHaveLength(3);
            // An answer without the describe (objectInfos) keeps the values already known.
            wire.emit({ uiapi: { aggregate: response.uiapi.aggregate, query: response.uiapi.query } });
            await flush();
            expect(optionsOf(element, 'opportunityType')).toHaveLength(3);
            filter(element, 'opportunityType').dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
            await flush();
            expect(sentValues()).not.toContain('Renewal');
            expect(config().variables).toEqual(planOf({ scope: 'all' }).variables);
            await expect(element).toBeAccessible();
        });

        it('offers the App Builder value alone until the values arrive', async () => {
            const element = create({ opportunityType: 'Renewal' });
            await flush();
            expect(optionsOf(element, 'opportunityType')).toEqual([
                { label: 'c.kpiLeaderboardAll', value: '' },
                { label: 'Renewal', value: 'Renewal' },
            ]);
            expect(optionsOf(element, 'leadSource')).toEqual([{ label: 'c.kpiLeaderboardAll', value: '' }]);
        });

        it('names the property whose value is not one of the values, and filters on all instead', async () => {
            const element = create({ opportunityType: 'Renwal' });
            await flush();
            expect(sentValues()).toContain('Renwal');
            wire.emit(both);
            await flush();
            const message = find(element, '.kpi-win-loss__property[data-property="opportunityType"]');
            expect(message?.textContent?.trim()).toBe('c.kpiPropertyNotOrgValue');
            expect(sentValues()).not.toContain('Renwal');
            expect(config().variables).toEqual(planOf().variables);
            expect((filter(element, 'opportunityType') as unknown as { value: string }).value).toBe('');
        });

        it('turns off a filter whose field the viewer cannot see, saying why, and keeps the rest', async () => {
            const element = create({ leadSource: 'Web' });
            await flush();
            wire.emit(withPicklists([picklist('Type', ['Renewal'])]));
            await flush();
            const leadSource = filter(element, 'leadSource') as unknown as { disabled: boolean };
            expect(leadSource.disabled).toBe(true);
            expect((filter(element, 'opportunityType') as unknown as { disabled: boolean }).disabled).toBe(false);
            expect(text(element, '[data-id="lead-source-hidden"]')).toBe('c.kpiWinLossFilterHidden');
            expect(find(element, '[data-id="type-hidden"]')).toBeNull();
            expect(find(element, '[data-property="leadSource"]')).not.toBeNull();
            expect(sentValues()).not.toContain('Web');
            expect(config().variables).toEqual(planOf().variables);
            expect(find(element, '.kpi-win-loss__rates')).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('says why when neither field is visible', async () => {
            const element = create();
            await flush();
            wire.emit(withPicklists([]));
            await flush();
            expect(findAll(element, '.kpi-win-loss__filter-hidden').map((p) => p.getAttribute('data-id'))).toEqual([
                'type-hidden',
                'lead-source-hidden',
            ]);
        });
    });

    it('lets the rates and recent-loss tables scroll sideways inside the card, from the keyboard too', async () => {
        const element = await withData();
        for (const [region, table, name] of [
            ['rates-region', 'rates', 'c.kpiWinLossRatesHeading'],
            ['recent-region', 'recent', 'c.kpiWinLossRecentHeading'],
        ]) {
            const wrapper = find(element, `[data-id="${region}"]`) as HTMLElement;
            expect(wrapper.classList).toContain('slds-scrollable_x');
            expect(wrapper.getAttribute('role')).toBe('region');
            expect(wrapper.getAttribute('tabindex')).toBe('0');
            expect(wrapper.getAttribute('aria-label')).toBe(name);
            expect(wrapper.querySelector(`[data-id="${table}"]`)).not.toBeNull();
        }
        await expect(element).toBeAccessible();
    });
});
