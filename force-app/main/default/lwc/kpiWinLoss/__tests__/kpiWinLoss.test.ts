import { createElement } from 'lwc';
import KpiWinLoss from 'c/kpiWinLoss';
import { graphql } from 'lightning/graphql';
import { ChartJsMock, flush as nextTurn } from '../../kpiChart/__tests__/kpiChartTestUtils';
import aggregate from '../../kpiWinLossData/__tests__/data/winLossAggregate.json';
import recent from '../../kpiWinLossData/__tests__/data/winLossRecent.json';

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
const toAggregates = (config: WireConfig) => config.operationName === 'KpiWinLoss';
const toRecent = (config: WireConfig) => config.operationName === 'KpiWinLossRecent';

/** The current config of one of the two wires (getLastConfig is shared by both): a filter that emits nothing. */
function configOf(operationName: string): WireConfig {
    let found: WireConfig = {};
    wire.emit(undefined, (config) => {
        if (config.operationName === operationName) found = config;
        return false;
    });
    return found;
}

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
    wire.emit(aggregate, toAggregates);
    await flush();
    wire.emit(recent, toRecent);
    await flush();
    return element;
}

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

    it('says it is loading until the aggregates answer, and asks for recent losses only then', async () => {
        const element = create();
        await flush();
        expect(find(element, '.kpi-win-loss__loading')).not.toBeNull();
        expect(find(element, '.kpi-win-loss__empty')).toBeNull();
        expect(configOf('KpiWinLossRecent').variables).toBeUndefined();
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
        const chart = find(element, 'c-kpi-chart.kpi-win-loss__trend') as unknown as {
            labels: string[];
            series: { data: number[] }[];
        };
        expect(chart.labels).toHaveLength(6);
        expect(chart.series.map((s) => [...s.data])).toEqual([
            [2, 1, 0, 0, 3, 0],
            [2, 0, 0, 0, 1, 4],
        ]);
        expect(findAll(element, '.kpi-win-loss__reasons tbody tr')).toHaveLength(3);
        const links = findAll(element, '.kpi-win-loss__recent a') as HTMLAnchorElement[];
        expect(links.map((a) => a.textContent)).toEqual(['Acme renewal', 'Globex pilot']);
        expect(links[0].getAttribute('href')).toBe('/lightning/r/Opportunity/006000000000001AAA/view');
        expect(configOf('KpiWinLossRecent').variables).toMatchObject({
            ownerIds: ['005000000000011AAA', '005000000000012AAA'],
        });
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
        expect(configOf('KpiWinLoss').variables).toMatchObject({ trend0Start: '2023-01-01' });
        const quarters = {
            uiapi: {
                aggregate: {
                    ...aggregate.uiapi.aggregate,
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
        wire.emit(quarters, toAggregates);
        await flush();
        const chart = find(element, 'c-kpi-chart.kpi-win-loss__trend') as unknown as {
            labels: string[];
            series: { data: number[] }[];
        };
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
        const chart = find(element, 'c-kpi-chart.kpi-win-loss__trend') as unknown as { series: { data: number[] }[] };
        expect([...chart.series[1].data]).toEqual([10000, 0, 0, 0, 10000, 80000]);
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
        expect(configOf('KpiWinLoss').variables).toMatchObject({ opportunityType: 'New Business', leadSource: 'Web' });
        wire.emit(aggregate, toAggregates);
        await flush();
        (find(element, '.kpi-win-loss__show-only') as HTMLElement).click();
        await flush();
        expect(configOf('KpiWinLoss').variables).toMatchObject({ ownerId: '005000000000011AAA' });
        wire.emit(aggregate, toAggregates);
        await flush();
        expect(text(element, '.kpi-win-loss__rates tbody tr:nth-child(2) th')).toBe('c.kpiWinLossRep');
        (find(element, '.kpi-win-loss__all-owners') as HTMLElement).click();
        await flush();
        expect(configOf('KpiWinLoss').variables?.ownerId).toBeUndefined();
    });

    it('says there is nothing to show when no deal closed', async () => {
        const element = create({ scope: 'mine' });
        await flush();
        wire.emit({ uiapi: { aggregate: { companyNow: { edges: [] } } } }, toAggregates);
        await flush();
        expect(text(element, '.kpi-win-loss__empty')).toBe('c.kpiWinLossEmpty');
        expect(find(element, '.kpi-win-loss__rates')).toBeNull();
        expect(find(element, '.kpi-win-loss__partial')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error inline when the request fails', async () => {
        const element = create();
        await flush();
        wire.emitErrors([{ message: 'Insufficient access rights on object' }], toAggregates);
        await flush();
        expect(find(element, '.kpi-win-loss__error')).not.toBeNull();
        expect(find(element, '.kpi-win-loss__rates')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows what arrived when part of the answer failed', async () => {
        const element = create();
        await flush();
        const partial = { uiapi: { aggregate: { ...aggregate.uiapi.aggregate, trend1: undefined } } };
        (wire as unknown as { emit(v: unknown, f: unknown): void }).emit(partial, toAggregates);
        await flush();
        expect(find(element, '.kpi-win-loss__partial')).not.toBeNull();
        expect(find(element, '.kpi-win-loss__rates')).not.toBeNull();
        wire.emitErrors([{ message: 'Recent losses failed' }], toRecent);
        await flush();
        expect(find(element, '.kpi-win-loss__recent-error')).not.toBeNull();
    });

    it('re-asks without reasons and explains how to add the field when the org has none', async () => {
        const element = create();
        await flush();
        wire.emitErrors([{ message: "No such column 'Loss_Reason__c' on entity 'Opportunity'" }], toAggregates);
        await flush();
        expect(find(element, '.kpi-win-loss__loading')).not.toBeNull();
        wire.emit(aggregate, toAggregates);
        await flush();
        expect(text(element, '.kpi-win-loss__no-reason-field')).toBe('c.kpiWinLossNoReasonField');
        expect(find(element, '.kpi-win-loss__reasons')).toBeNull();
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
        });
        await flush();
        const messages = findAll(element, '.kpi-win-loss__property').map((p) => p.textContent);
        expect(messages).toEqual([
            'c.kpiWinLossBadProperty',
            'c.kpiWinLossBadProperty',
            'c.kpiWinLossBadProperty',
            'c.kpiWinLossBadProperty',
            'c.kpiWinLossBadProperty',
            'c.kpiWinLossBadProperty',
        ]);
        expect(configOf('KpiWinLoss').variables).toMatchObject({ nowStart: '2024-04-01' });
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
        expect(configOf('KpiWinLoss').variables).toMatchObject({ accountId: '001000000000001AAA' });
        const period = find(element, '.kpi-win-loss__period') as unknown as {
            options: { value: string }[];
            value: string;
        };
        expect(period.value).toBe('rollingDays:90');
        expect(period.options.map((o) => o.value)).toContain('rollingDays:90');
        wire.emit(aggregate, toAggregates);
        await flush();
        const chart = find(element, 'c-kpi-chart.kpi-win-loss__trend') as unknown as { labels: string[] };
        expect(chart.labels[0]).toBe('c.kpiWinLossFiscalQuarterBucket');
    });

    it('opens a lost opportunity through navigation, and leaves modified clicks to the browser', async () => {
        const navigate = mockNavigate;
        const element = await withData();
        const link = find(element, '.kpi-win-loss__recent a') as HTMLAnchorElement;
        const modified = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
        link.dispatchEvent(modified);
        expect(navigate).not.toHaveBeenCalled();
        expect(modified.defaultPrevented).toBe(false);
        const plain = new MouseEvent('click', { bubbles: true, cancelable: true });
        link.dispatchEvent(plain);
        expect(plain.defaultPrevented).toBe(true);
        expect(navigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '006000000000001AAA', objectApiName: 'Opportunity', actionName: 'view' },
        });
    });
});
