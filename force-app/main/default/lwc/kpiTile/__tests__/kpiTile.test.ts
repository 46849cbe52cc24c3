import { LABELS } from '../../kpiConfig/__tests__/kpiLabels';
import KpiTile from 'c/kpiTile';
import type { KpiResult } from 'c/kpiResults';
import type { TileInput } from 'c/kpiTileModel';
import { tileInput } from '../../../../../test/jest/kpiFixtures';
import {
    cleanUp,
    flush,
    generateUrl,
    messages,
    mount,
    navigations,
    pinClock,
    plain,
    refreshButtonOf,
    shadow as $,
    shadowText as text,
} from '../../../../../test/jest/kpiTestUtils';

interface TileElement extends HTMLElement {
    tile?: TileInput;
    hideRefresh: boolean;
    refreshing: boolean;
}

const winRate: KpiResult = {
    key: 'winRate',
    kpi: 'winRate',
    status: 'ok',
    value: 0.4,
    comparisonValue: 0.5,
    sampleSize: 5,
    comparisonSampleSize: 4,
    lowSample: true,
    target: null,
    sparkline: [
        { start: '2024-01-01', end: '2024-04-01', value: 0.5, sampleSize: 4 },
        { start: '2024-04-01', end: '2024-05-21', value: 0.4, sampleSize: 5 },
    ],
    notes: [],
    window: { start: '2024-04-01', end: '2024-05-21', toDate: true },
    comparisonWindow: { start: '2024-01-01', end: '2024-02-20', toDate: true },
};

/** The win-rate tile of a team, with a target and a lower amber threshold than the default. */
const input = (overrides: Partial<TileInput> = {}): TileInput =>
    tileInput('winRate', { scope: 'team', target: 0.5, amber: 70, ...overrides });

const create = (tile?: TileInput, props: Partial<TileElement> = {}) =>
    mount<TileElement>('c-kpi-tile', KpiTile, { ...(tile ? { tile } : {}), ...props });

describe('c-kpi-tile', () => {
    // 9:00 in Los Angeles, the time zone of the tests' viewer.
    beforeEach(() => pinClock());
    afterEach(cleanUp);

    it('shows the number, the change in words, the target, the trend and the sample', async () => {
        const element = create(input({ result: winRate, asOf: Date.now() }));
        await flush();
        const link = $(element, '.kpi-tile__drill')!;
        expect(link.closest('[role="heading"]')!.getAttribute('aria-level')).toBe('2');
        expect(link.textContent).toBe(LABELS.kpiWinRate);
        expect(link.getAttribute('aria-label')).toBe(`${LABELS.kpiWinRate}: view records`);
        expect(plain(text(element, '.kpi-tile__period'))).toBe(
            "This fiscal quarter · My team's records · Apr 1 – May 20, 2024",
        );
        expect(text(element, '.kpi-tile__value')).toBe('40%40%');
        const change = $(element, '.kpi-tile__change_bad')!;
        const [arrow, visible, assistive] = Array.from(change.children);
        expect([arrow.textContent, arrow.getAttribute('aria-hidden')]).toEqual(['▼', 'true']);
        const vs = 'vs Jan 1 – Feb 19, 2024, same days of the previous period';
        expect([plain(visible.textContent!), visible.getAttribute('aria-hidden')]).toEqual([
            `-10 pts ${vs} (was 50%) · Worse`,
            'true',
        ]);
        expect([plain(assistive.textContent!), assistive.className]).toEqual([
            `Down -10 pts ${vs} (was 50%). Worse.`,
            'slds-assistive-text',
        ]);
        expect(text(element, '.kpi-tile__target-line')).toBe('At risk · 80% of target · Target 50%');
        const bar = $(element, '[role="progressbar"]')!;
        expect(bar.getAttribute('aria-valuenow')).toBe('80');
        expect(bar.getAttribute('aria-label')).toBe('Progress toward the target');
        expect($(element, '.kpi-tile__bar')!.getAttribute('style')).toBe('width: 80%');
        expect(text(element, '.kpi-tile__sample')).toBe('Based on 5 records');
        expect(text(element, '.kpi-tile__low-sample')).toBe(LABELS.kpiTileLowSample);
        const sparkline = $(element, 'c-kpi-sparkline') as HTMLElement & { label: string };
        expect(sparkline.label).toContain('50%');
        expect(text(element, '.kpi-tile__footer')).toBe('As of 9:00 AM');
        expect(element.shadowRoot!.querySelectorAll('.kpi-tile__note')[0].textContent).toBe(LABELS.kpiTileVisibleOnly);
        expect(element.shadowRoot!.querySelector('article')!.getAttribute('aria-busy')).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('shows a spinner with the KPI name while loading, never an empty message', () => {
        const element = create(input());
        const spinner = $(element, 'lightning-spinner') as HTMLElement & { alternativeText: string };
        expect(spinner.alternativeText).toBe(`Loading ${LABELS.kpiWinRate}`);
        expect($(element, '.kpi-tile__empty')).toBeNull();
        expect(element.shadowRoot!.querySelector('article')!.getAttribute('aria-busy')).toBe('true');
        expect(create().shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('says when the period has no records', () => {
        const element = create(input({ result: { ...winRate, value: null, status: 'empty', sampleSize: 0 } }));
        expect(text(element, '.kpi-tile__empty')).toBe(LABELS.kpiTileEmpty);
        expect($(element, '.kpi-tile__value')).toBeNull();
    });

    it('lists configuration problems as an alert, without a refresh button', async () => {
        const element = create(input({ problems: ['Scope: "company" is not a scope.'] }));
        expect(messages(element, '[role="alert"]')).toEqual({
            heading: LABELS.kpiConfigHeading,
            lines: ['Scope: "company" is not a scope.'],
        });
        expect(refreshButtonOf(element)).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('explains an error on the tile with the error panel', async () => {
        const failed: KpiResult = {
            ...winRate,
            status: 'error',
            value: null,
            error: { kind: 'noAccess', messages: ["Field 'Amount' in type 'Opportunity' is undefined"] },
        };
        const element = create(input({ result: failed }));
        const panel = $(element, 'c-kpi-error-panel') as HTMLElement & { friendlyMessage: string; errors: string[] };
        expect(panel.friendlyMessage).toBe(LABELS.kpiErrorNoAccess);
        expect(panel.errors).toEqual(["Field 'Amount' in type 'Opportunity' is undefined"]);
        await flush();
        await expect(element).toBeAccessible();
    });

    it('lists settings it ignores under the number', () => {
        const element = create(input({ result: winRate, warnings: ['Rolling days: ignored.'] }));
        expect(messages(element, '.kpi-tile__warnings')).toEqual({
            heading: LABELS.kpiConfigWarnings,
            lines: ['Rolling days: ignored.'],
        });
    });

    it('leads to the records behind the number through a real link', async () => {
        const element = create(input({ result: winRate }));
        await flush();
        const link = $<HTMLAnchorElement>(element, 'a.kpi-tile__drill')!;
        expect(link.getAttribute('href')).toBe('/lightning/o/Opportunity/list?filterName=kpiOpportunitiesClosed');
        const click = new MouseEvent('click', { bubbles: true, cancelable: true });
        link.dispatchEvent(click);
        expect(click.defaultPrevented).toBe(true);
        expect(navigations()).toEqual([
            {
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Opportunity', actionName: 'list' },
                state: { filterName: 'kpiOpportunitiesClosed' },
            },
        ]);
        // Runs after the tile's handler: records what it did, then keeps jsdom from following the link.
        let preventedByTile: boolean | undefined;
        link.addEventListener('click', (event) => {
            preventedByTile = event.defaultPrevented;
            event.preventDefault();
        });
        link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
        expect(preventedByTile).toBe(false);
        expect(navigations()).toHaveLength(1);
    });

    it('navigates on click before the URL is known, and follows a change of KPI', async () => {
        generateUrl.mockImplementationOnce(() => Promise.reject(new Error('no url')));
        const element = create(input({ result: winRate }));
        await flush();
        const link = $<HTMLAnchorElement>(element, 'a.kpi-tile__drill')!;
        expect(link.getAttribute('href')).toBe('#');
        link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, metaKey: true }));
        expect(navigations()).toHaveLength(1);
        element.tile = input({ key: 'emailsSent', kpi: 'emailsSent' });
        await flush();
        expect(generateUrl).toHaveBeenLastCalledWith(
            expect.objectContaining({ state: { filterName: 'kpiEmailsSent' } }),
        );
        expect($(element, 'a.kpi-tile__drill')!.getAttribute('href')).toContain('kpiEmailsSent');
        element.tile = input({ key: 'emailsSent', kpi: 'emailsSent', result: winRate });
        expect(generateUrl).toHaveBeenCalledTimes(2);
    });

    it('asks its component to refresh, waits while it does, and leaves refresh to a board', () => {
        const element = create(input({ result: winRate }));
        const handler = jest.fn();
        element.addEventListener('kpirefresh', handler);
        const button = refreshButtonOf(element)!;
        expect(button.alternativeText).toBe(LABELS.kpiTileRefresh);
        button.click();
        expect(handler).toHaveBeenCalledTimes(1);
        expect(element.tile?.kpi).toBe('winRate');
        const busy = create(input({ result: winRate }), { refreshing: true });
        expect(refreshButtonOf(busy)!.disabled).toBe(true);
        expect(busy.shadowRoot!.querySelector('article')!.getAttribute('aria-busy')).toBe('true');
        expect(refreshButtonOf(create(input({ result: winRate }), { hideRefresh: true }))).toBeNull();
    });
});
