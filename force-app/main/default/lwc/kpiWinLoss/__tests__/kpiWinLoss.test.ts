import { createElement } from 'lwc';
import KpiWinLoss from 'c/kpiWinLoss';
import { graphql } from 'lightning/graphql';
import { ChartJsMock, flush as nextTurn } from '../../kpiChart/__tests__/kpiChartTestUtils';
import response from '../../kpiWinLossData/__tests__/data/winLoss.json';

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
const reasonsLine = 24;
const recentLine = 38;

describe('c-kpi-win-loss', () => {
    beforeAll(() => {
        (window as unknown as { Chart: unknown }).Chart = ChartJsMock;
        // Only the clock is fake: the fixtures' buckets are those of 20 May 2024.
        jest.useFakeTimers({
            now: new Date('2024-05-20T16:00:00Z'),
            doNotFake: [
                'nextTick',
                'setImmediate',
                'clearImmediate',
                'setInterval',
                'clearInterval',
                'setTimeout',
                'clearTimeout',
                'queueMicrotask',
            ],
        });
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
        expect(config()).toMatchObject({ operationName: 'KpiWinLoss', variables: { nowStart: '2024-04-01' } });
        await expect(element).toBeAccessible();
    });

    it('shows rates, reps, the chart, reasons and recent losses', async () => {
        const element = await withData();
        const rows = findAll(element, '.kpi-win-loss__rates tbody tr').map((row) =>
            [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
        );
        expect(rows[0]).toEqual(['c.kpiWinLossCompany', '30%', '42.9%', '100', '20%']);
        expect(rows[1]).toEqual(['c.kpiWinLossTeam', '40%', '40%', '15', '0%']);
        expect(rows[2]).toEqual(['Ana Rep', '50%', '62.5%', '10', '']);
        expect(rows[3][0]).toBe('Ben Rep');
        expect(rows[3][3]).toContain('c.kpiWinLossTooSmall');
        const chart = chartOf(element);
        expect(findAll(element, 'c-kpi-chart')).toHaveLength(1);
        expect(chart.labels).toHaveLength(6);
        expect(chart.series.map((s) => [s.label, s.type, s.axis, [...s.data]])).toEqual([
            ['c.kpiWinLossWon', undefined, undefined, [2, 1, 0, 0, 3, 0]],
            ['c.kpiWinLossLost', undefined, undefined, [2, 0, 0, 0, 1, 4]],
            ['c.kpiWinLossWinRate', 'line', 'percent', [50, 100, null, null, 75, 0]],
        ]);
        expect([...(chart.series[2].displayValues ?? [])]).toEqual(['50%', '100%', '—', '—', '75%', '0%']);
        expect(chart.summary).toBe('c.kpiWinLossTrendSummary c.kpiWinLossRateSummary');
        expect(findAll(element, '.kpi-win-loss__reasons tbody tr')).toHaveLength(3);
        const links = findAll(element, '.kpi-win-loss__recent a') as HTMLAnchorElement[];
        expect(links.map((a) => a.textContent)).toEqual(['Acme renewal', 'Globex pilot']);
        expect(links[0].getAttribute('href')).toBe('/lightning/r/Opportunity/006000000000001AAA/view');
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
        const combobox = find(element, '.kpi-win-loss__grouping') as HTMLElement;
        combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'quarter' } }));
        await flush();
        expect(config().variables).toMatchObject({ trend0Start: '2023-01-01' });
        const quarters = {
            uiapi: {
                ...response.uiapi,
                aggregate: {
                    ...response.uiapi.aggregate,
                    trend0: { edges: [], pageInfo: { hasNextPage: false } },
                    trend1: {
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

    it('shows amounts when the viewer picks the amount measure', async () => {
        const element = await withData();
        (find(element, '.kpi-win-loss__measure') as HTMLElement).dispatchEvent(
            new CustomEvent('change', { detail: { value: 'amount' } }),
        );
        await flush();
        const chart = chartOf(element);
        expect([...chart.series[1].data]).toEqual([10000, 0, 0, 0, 10000, 80000]);
        expect(chart.series[1].displayValues?.[5]).toBe('$80,000.00');
        expect(chart.series[2].data[0]).toBeCloseTo(66.7);
    });

    it('filters by type, lead source and a rep, and back to all owners', async () => {
        const element = await withData({ scope: 'all' });
        (find(element, '.kpi-win-loss__type') as HTMLElement).dispatchEvent(
            new CustomEvent('change', { detail: { value: 'New Business' } }),
        );
        (find(element, '.kpi-win-loss__lead-source') as HTMLElement).dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Web' } }),
        );
        (find(element, '.kpi-win-loss__period') as HTMLElement).dispatchEvent(
            new CustomEvent('change', { detail: { value: 'lastYear' } }),
        );
        await flush();
        expect(config().variables).toMatchObject({ opportunityType: 'New Business', leadSource: 'Web' });
        wire.emit(response);
        await flush();
        (find(element, '.kpi-win-loss__show-only') as HTMLElement).click();
        await flush();
        expect(config().variables).toMatchObject({ ownerId: '005000000000011AAA' });
        wire.emit(response);
        await flush();
        expect(text(element, '.kpi-win-loss__rates tbody tr:nth-child(2) th')).toBe('c.kpiWinLossRep');
        (find(element, '.kpi-win-loss__all-owners') as HTMLElement).click();
        await flush();
        expect(config().variables?.ownerId).toBeUndefined();
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
        const data = {
            uiapi: {
                aggregate: { ...response.uiapi.aggregate, trend1: null, companyBefore: null },
                query: { recentLosses: null },
            },
        };
        emitBoth(data, [
            { message: 'trend failed', path: ['uiapi', 'aggregate', 'trend1'] },
            { message: 'rates failed', path: ['uiapi', 'aggregate', 'companyBefore'] },
            { message: 'recent failed', locations: [{ line: recentLine, column: 7 }] },
            { message: 'who knows' },
        ]);
        await flush();
        for (const section of ['rates-error', 'trend-error', 'recent-error', 'partial'])
            expect(find(element, `[data-id="${section}"]`)).not.toBeNull();
        expect(find(element, '[data-id="rates"]')).not.toBeNull();
        expect(find(element, '[data-id="trend-chart"]')).not.toBeNull();
        expect(find(element, '[data-id="reasons"]')).not.toBeNull();
        expect(find(element, '[data-id="recent"]')).toBeNull();
        expect(find(element, '[data-id="no-recent"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says so when the response lacks a part without saying why', async () => {
        const element = create();
        await flush();
        wire.emit({ uiapi: { aggregate: { ...response.uiapi.aggregate, trend1: undefined } } });
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
        expect(findAll(element, '.kpi-win-loss__recent a')).toHaveLength(2);
    });

    it('shows the rest when the server answers without the hidden reason field', async () => {
        const element = create();
        await flush();
        const reasonError = {
            message: "groupBy: field 'Loss_Reason__c' is undefined on Opportunity",
            path: ['uiapi', 'aggregate', 'reasons'],
        };
        emitBoth({ uiapi: { ...response.uiapi, aggregate: { ...response.uiapi.aggregate, reasons: null } } }, [
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
        const refusal = { message: 'Validation error: orderBy refused', locations: [{ line: recentLine, column: 9 }] };
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
        wire.emitErrors([{ message: 'bad', locations: [{ line: reasonsLine - 12, column: 7 }] }]);
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
        expect(messages).toEqual(Array(7).fill('c.kpiWinLossBadProperty'));
        expect(findAll(element, '.kpi-win-loss__property').map((p) => p.getAttribute('data-property'))).toEqual([
            'period',
            'grouping',
            'measure',
            'scope',
            'minSample',
            'ownerId',
            'currencyCode',
        ]);
        expect(config().variables).toMatchObject({ nowStart: '2024-04-01' });
        await expect(element).toBeAccessible();
    });

    it('limits an Account page to that account and offers a rolling period as it is', async () => {
        const element = create({
            recordId: '001000000000001AAA',
            period: 'rollingDays:90',
            grouping: 'fiscalQuarter',
            fiscalYearStartMonth: 2,
        });
        await flush();
        expect(config().variables).toMatchObject({ accountId: '001000000000001AAA' });
        const period = find(element, '.kpi-win-loss__period') as unknown as {
            options: { value: string }[];
            value: string;
        };
        expect(period.value).toBe('rollingDays:90');
        expect(period.options.map((o) => o.value)).toContain('rollingDays:90');
        wire.emit(response);
        await flush();
        expect(chartOf(element).labels[0]).toBe('c.kpiWinLossFiscalQuarterBucket');
    });

    it('formats amounts in the currency the property names, and says which', async () => {
        const element = await withData({ currencyCode: 'eur', measure: 'amount' });
        expect(find(element, '.kpi-win-loss__property')).toBeNull();
        expect(text(element, '.kpi-win-loss__currency')).toBe('c.kpiWinLossAmountsCurrency');
        expect(chartOf(element).series[1].displayValues?.[5]).toBe('€80,000.00');
        const reasonCells = findAll(element, '.kpi-win-loss__reasons tbody tr td').map((td) => td.textContent);
        expect(reasonCells[1]).toBe('€40,000.00');
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
            attributes: { recordId: '006000000000001AAA', objectApiName: 'Opportunity', actionName: 'view' },
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
        const optionsOf = (element: HTMLElement, id: string) =>
            (find(element, `[data-id="${id}"]`) as unknown as { options: { label: string; value: string }[] }).options;

        it("offers All and the org's values, shows labels and filters by API value", async () => {
            const element = create({ scope: 'all' });
            await flush();
            wire.emit(both);
            await flush();
            expect(optionsOf(element, 'type')).toEqual([
                { label: 'c.kpiWinLossAllValues', value: '' },
                { label: 'New Business (label)', value: 'New Business' },
                { label: 'Renewal (label)', value: 'Renewal' },
            ]);
            expect(optionsOf(element, 'lead-source').map((o) => o.value)).toEqual(['', 'Web']);
            (find(element, '[data-id="type"]') as HTMLElement).dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Renewal' } }),
            );
            await flush();
            expect(config().variables).toMatchObject({ opportunityType: 'Renewal' });
            // The values stay offered while the filtered answer is on its way and after it.
            expect(optionsOf(element, 'type')).toHaveLength(3);
            wire.emit({ uiapi: response.uiapi });
            await flush();
            expect(optionsOf(element, 'type')).toHaveLength(3);
            (find(element, '[data-id="type"]') as HTMLElement).dispatchEvent(
                new CustomEvent('change', { detail: { value: '' } }),
            );
            await flush();
            expect(config().variables?.opportunityType).toBeUndefined();
            await expect(element).toBeAccessible();
        });

        it('offers the App Builder value alone until the values arrive', async () => {
            const element = create({ opportunityType: 'Renewal' });
            await flush();
            expect(optionsOf(element, 'type')).toEqual([
                { label: 'c.kpiWinLossAllValues', value: '' },
                { label: 'Renewal', value: 'Renewal' },
            ]);
            expect(optionsOf(element, 'lead-source')).toEqual([{ label: 'c.kpiWinLossAllValues', value: '' }]);
        });

        it('names the property whose value is not one of the values, and filters on all instead', async () => {
            const element = create({ opportunityType: 'Renwal' });
            await flush();
            expect(config().variables).toMatchObject({ opportunityType: 'Renwal' });
            wire.emit(both);
            await flush();
            const message = find(element, '.kpi-win-loss__property[data-property="opportunityType"]');
            expect(message?.textContent?.trim()).toBe('c.kpiWinLossBadProperty');
            expect(config().variables?.opportunityType).toBeUndefined();
            expect((find(element, '[data-id="type"]') as unknown as { value: string }).value).toBe('');
        });

        it('turns off a filter whose field the viewer cannot see, saying why, and keeps the rest', async () => {
            const element = create({ leadSource: 'Web' });
            await flush();
            wire.emit(withPicklists([picklist('Type', ['Renewal'])]));
            await flush();
            const leadSource = find(element, '[data-id="lead-source"]') as unknown as { disabled: boolean };
            expect(leadSource.disabled).toBe(true);
            expect((find(element, '[data-id="type"]') as unknown as { disabled: boolean }).disabled).toBe(false);
            expect(text(element, '[data-id="lead-source-hidden"]')).toBe('c.kpiWinLossFilterHidden');
            expect(find(element, '[data-id="type-hidden"]')).toBeNull();
            expect(find(element, '[data-property="leadSource"]')).not.toBeNull();
            expect(config().variables?.leadSource).toBeUndefined();
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
