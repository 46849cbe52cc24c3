/** Every state settles (issue 11): the suite every component that asks the server runs (kpiSettling). */
import KpiWinLoss from 'c/kpiWinLoss';
import { useChartJsMock } from '../../kpiChart/__tests__/kpiChartTestUtils';
import response from '../../kpiWinLossData/__tests__/data/winLoss.json';
import { describeSettling } from '../../../../../test/jest/kpiSettling';
import { emitData, flush, mount } from '../../../../../test/jest/kpiTestUtils';

// The platform gives 1 (Sunday) … 7; the stock mock's 0 is a value the planner rightly refuses.
jest.mock('@salesforce/i18n/firstDayOfWeek', () => ({ default: 1 }), { virtual: true });

useChartJsMock();

describeSettling({
    tag: 'c-kpi-win-loss',
    create: () => mount('c-kpi-win-loss', KpiWinLoss),
    answer: (refresh) => emitData(response, undefined, refresh),
    operationName: 'KpiWinLoss',
    selectors: {
        content: '.kpi-win-loss__rates',
        loading: '[data-id="loading"]',
        error: '[data-id="error"]',
        refreshError: '[data-id="refresh-error"]',
        blank: 'section',
    },
    badAnswers: [
        ['data: {}', { data: {} }, 'c.kpiResultNoResponse'],
        ['data: { uiapi: null }', { data: { uiapi: null } }, 'c.kpiResultNoResponse'],
    ],
    settle: async () => {
        await flush();
        await flush();
    },
});
