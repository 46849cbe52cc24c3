/** Every state settles (issue 11): the suite every component that asks the server runs (kpiSettling). */
import KpiLeaderboard from 'c/kpiLeaderboard';
import type { BoardProperties } from 'c/kpiLeaderboardQuery';
import { describeSettling } from '../../../../../test/jest/kpiSettling';
import { emitData, mount, pinClock } from '../../../../../test/jest/kpiTestUtils';
import { planFor, responseFor, salesWorld } from './data/boardFixtures';

const REVENUE: BoardProperties = { kpi: 'closedWonRevenue', secondaryKpis: 'winRate', targetSource: 'userField' };

describeSettling({
    tag: 'c-kpi-leaderboard',
    create: () => mount('c-kpi-leaderboard', KpiLeaderboard, REVENUE),
    answer: (refresh) => emitData(responseFor(planFor(REVENUE), salesWorld()), undefined, refresh),
    operationName: 'KpiLeaderboard',
    selectors: {
        content: 'table',
        loading: 'lightning-spinner',
        error: 'c-kpi-error-panel',
        refreshError: '.kpi-leaderboard__refresh-error',
    },
    badAnswers: [['data: {}', { data: {} }, 'c.kpiLeaderboardNoAnswer']],
    setUp: () => pinClock(),
});
