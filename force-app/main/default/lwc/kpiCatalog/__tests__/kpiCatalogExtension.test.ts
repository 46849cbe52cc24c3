/**
 * One KPI added to a copy of the catalog, and nothing else changed: it shows as a tile, the leaderboard ranks owners
 * on it, and it breaks down by one of its groupings the way win-loss breaks down lost deals. The KPI reuses existing
 * label names because a title is custom-label data, not code.
 */
import KpiLeaderboard from 'c/kpiLeaderboard';
import KpiMetric from 'c/kpiMetric';
import { findBoardKpi } from 'c/kpiLeaderboardQuery';
import { planKpis } from 'c/kpiPlanner';
import type { KpiDocument, KpiPlan } from 'c/kpiPlanner';
import { readResults } from 'c/kpiResults';
import { cleanUp, emitData, flush, mount, pinClock, shadow, shadowAll } from '../../../../../test/jest/kpiTestUtils';

jest.mock('@salesforce/i18n/firstDayOfWeek', () => ({ default: 1 }), { virtual: true });
jest.mock('c/kpiCatalog', () => {
    const actual = jest.requireActual('c/kpiCatalog');
    // Lost amount's shape (a sum of Amount by close date), counting every closed deal: a KPI the catalog lacks.
    const added = {
        ...actual.findKpi('lostAmount'),
        id: 'closedDealAmount',
        filter: { IsClosed: { eq: true } },
        higherIsBetter: true,
        why: 'A test KPI: the amount of every closed deal.',
        groupings: ['owner', 'type'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesClosed' },
    };
    const catalog = [...actual.KPI_CATALOG, added];
    return {
        ...actual,
        KPI_CATALOG: catalog,
        KPI_IDS: catalog.map((kpi: { id: string }) => kpi.id),
        findKpi: (id: unknown) => catalog.find((kpi: { id: string }) => kpi.id === id),
    };
});
jest.mock('c/kpiPlanner', () => {
    const actual = jest.requireActual('c/kpiPlanner');
    return { ...actual, planKpis: jest.fn(actual.planKpis) };
});

const OWNERS = { '005000000000001AAA': 'Avery Kim', '005000000000002AAA': 'Blake Ruiz' } as const;
const AMOUNTS = [250_000, 125_000];

/**
 * What a server would answer for a planned document: per owner or per type a group with a count and an amount;
 * date-function groups (trend lines) come back empty; the users extra lists the two owners.
 */
function answer(document: KpiDocument): unknown {
    const aggregate: Record<string, unknown> = {};
    for (const subquery of document.subqueries) {
        const [key] = subquery.groupBy;
        const byOwner = key?.field === 'OwnerId' || subquery.extra === 'users';
        const values = byOwner ? Object.keys(OWNERS) : key ? ['New Customer', 'Renewal'] : [null];
        const nodes =
            key?.fn !== undefined
                ? []
                : values.map((value, index) => {
                      const node: Record<string, unknown> = {};
                      if (key && subquery.extra === 'users') {
                          node.Id = { value };
                          node.Name = { max: { value: OWNERS[value as keyof typeof OWNERS] } };
                          // The team fields the filter bar regroups by: these reps report to no one, in no role.
                          node.ManagerId = { max: { value: null } };
                          node.Manager = { Name: { max: { value: null } } };
                          node.UserRoleId = { max: { value: null } };
                          node.UserRole = { Name: { max: { value: null } } };
                      } else {
                          if (key) node[key.field] = { value, label: value };
                          for (const { field, fns } of subquery.selections) {
                              node[field] = Object.fromEntries(
                                  fns.map((fn) => [fn, { value: field === 'Id' ? 3 - index : AMOUNTS[index] }]),
                              );
                          }
                      }
                      return { node: { aggregate: node } };
                  });
        aggregate[subquery.alias] = { edges: nodes, pageInfo: { hasNextPage: false, endCursor: null } };
    }
    return { uiapi: { aggregate } };
}

const lastPlan = (): KpiPlan => (planKpis as jest.Mock).mock.results.at(-1)!.value as KpiPlan;

describe('a KPI added to the catalog, with no other change', () => {
    beforeEach(() => pinClock());
    afterEach(() => {
        cleanUp();
        jest.clearAllMocks();
    });

    it('shows as a tile', async () => {
        const element = mount('c-kpi-metric', KpiMetric, { kpi: 'closedDealAmount', comparison: 'none' });
        await flush();
        const plan = lastPlan();
        expect(plan.rejected).toEqual([]);
        expect(plan.documents[0].query).toContain('IsClosed: { eq: true }');
        emitData(answer(plan.documents[0]));
        await flush();
        const tile = shadow(element, 'c-kpi-tile')!;
        expect(shadow(tile, '.kpi-tile__value')?.textContent).toMatch(/\$250K/);
        expect(shadow(tile, '.kpi-tile__title')?.textContent).toContain('c.kpiLostAmount');
    });

    it('is a ranking measure of the leaderboard', async () => {
        expect(findBoardKpi('closedDealAmount')).toMatchObject({ combine: 'sum', additive: true });
        const element = mount('c-kpi-leaderboard', KpiLeaderboard, { kpi: 'closedDealAmount', comparison: 'none' });
        await flush();
        const plan = lastPlan();
        expect(plan.rejected).toEqual([]);
        emitData(answer(plan.documents[0]));
        await flush();
        const rows = shadowAll(element, 'tbody th[scope="row"]').map((th) => th.textContent ?? '');
        expect(rows).toHaveLength(2);
        expect(rows[0]).toContain('Avery Kim');
        expect(rows[1]).toContain('Blake Ruiz');
        const ranks = shadowAll(element, 'tbody .kpi-leaderboard__rank-number').map((n) => n.textContent);
        expect(ranks).toEqual(['1', '2']);
    });

    it('breaks down by its groupings as win-loss breaks down lost deals', () => {
        const plan = planKpis([{ kpi: 'closedDealAmount', period: 'thisFiscalQuarter', groupBy: 'type' }], {
            now: new Date('2024-05-20T16:00:00Z'),
            calendar: { timeZone: 'UTC', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
        });
        const result = readResults(plan, answer(plan.documents[0])).closedDealAmount;
        expect(result.groups?.map((g) => [g.key, g.value, g.sampleSize])).toEqual([
            ['New Customer', 250_000, 3],
            ['Renewal', 125_000, 2],
        ]);
        expect(result.value).toBe(375_000);
    });
});
