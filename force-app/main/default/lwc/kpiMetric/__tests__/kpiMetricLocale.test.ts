import { LABELS } from '../../kpiConfig/__tests__/kpiLabels';
import KpiMetric from 'c/kpiMetric';
import {
    cleanUp,
    flush,
    gqlTokens,
    messages,
    mount,
    pinClock,
    plain,
    respond,
    sentDocuments,
    shadow,
    shadowText,
} from '../../../../../test/jest/kpiTestUtils';
import type { Fixture } from '../../../../../test/jest/kpiTestUtils';
import closedWonRevenue from './data/metricClosedWonRevenue.json';
import winRateTeam from './data/metricWinRateTeam.json';

// A German viewer paid in euros, in Berlin, whose week starts on Monday (2 in the platform's numbering).
jest.mock('@salesforce/i18n/locale', () => ({ default: 'de-DE' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Berlin' }), { virtual: true });
jest.mock('@salesforce/i18n/firstDayOfWeek', () => ({ default: 2 }), { virtual: true });

const create = (props: Record<string, unknown> = {}) =>
    mount<HTMLElement & { target?: string }>('c-kpi-metric', KpiMetric, props);

describe('c-kpi-metric in another locale and currency', () => {
    beforeEach(() => pinClock());
    afterEach(cleanUp);

    it("formats the number, change, trend and time in the viewer's locale and currency", async () => {
        const element = create();
        await flush();
        // Berlin's quarter starts at a different instant, the document's shape is the same.
        expect(sentDocuments()).toEqual([gqlTokens((closedWonRevenue as Fixture).documents[0].query)]);
        respond((closedWonRevenue as Fixture).documents[0]);
        await flush();
        const tile = shadow(element, 'c-kpi-tile')!;
        expect(plain(shadowText(tile, '.kpi-tile__value'))).toBe('94.900 €94.900,00 €');
        expect(plain(shadowText(tile, '.kpi-tile__period'))).toBe(
            'This fiscal quarter · My records · 01.04. – 20.05.2024',
        );
        expect(plain(shadowText(tile, '.kpi-tile__footer'))).toBe('As of 18:00');
        const sparkline = shadow(tile, 'c-kpi-sparkline') as HTMLElement & { label: string };
        expect(plain(sparkline.label)).toContain('01.01. – 31.03.2023: 100.000 €');
        await expect(element).toBeAccessible();
    });

    it('writes rates and their targets the German way', async () => {
        const element = create({ kpi: 'winRate', comparison: 'samePeriodLastYear', scope: 'team', target: '27,5' });
        await flush();
        const tile = shadow(element, 'c-kpi-tile')!;
        expect(messages(tile, '[role="alert"]')!.lines[0]).toContain('Target: "27,5" is not a number');
        element.target = '27.5';
        await flush();
        respond((winRateTeam as Fixture).documents[0]);
        await flush();
        expect(plain(shadowText(tile, '.kpi-tile__value'))).toBe('40 %40 %');
        expect(plain(shadowText(tile, '.kpi-tile__target-line'))).toBe('On track · 145 % of target · Target 27,5 %');
        expect(LABELS.kpiTileTargetLine).toBe('{0} · {1} · {2}');
    });
});
