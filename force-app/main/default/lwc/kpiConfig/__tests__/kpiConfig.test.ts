import { LABELS } from './kpiLabels';
import fs from 'fs';
import path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { KPI_IDS, KPI_SETTINGS } from 'c/kpiCatalog';
import { COMPARISONS, PERIOD_KINDS } from 'c/kpiPeriods';
import { SCOPES } from 'c/kpiPlanner';
import {
    BOARD_DEFAULTS,
    MAX_BOARD_KPIS,
    MAX_BOARD_REQUESTS,
    METRIC_DEFAULTS,
    PRESETS,
    describePlanProblem,
    propertyLabel,
    readBoardConfig,
    readMetricConfig,
    tooManyRequestsMessage,
} from 'c/kpiConfig';
import { fillLabel } from 'c/kpiProperties';
import { kpiRequest, tileInput } from '../../../../../test/jest/kpiFixtures';
import type { ConfigProblem, KpiConfig, KpiProperties } from 'c/kpiConfig';

const errors = (config: KpiConfig) => config.problems.filter((p) => p.severity === 'error');
const warnings = (config: KpiConfig) => config.problems.filter((p) => p.severity === 'warning');
const only = (config: KpiConfig): ConfigProblem => {
    expect(config.problems).toHaveLength(1);
    return config.problems[0];
};

describe('kpiConfig: one revenue target per component', () => {
    const targets = (props: KpiProperties) => {
        const config = readBoardConfig({ preset: 'custom', kpis: 'closedWonRevenue, pipelineCoverage', ...props });
        return {
            tiles: Object.fromEntries(config.tiles.map((t) => [t.kpi, t.target])),
            requests: Object.fromEntries(config.requests.map((r) => [r.kpi, r.target])),
        };
    };

    it('reads the quota for both when nothing is typed', () => {
        expect(targets({})).toEqual({
            tiles: { closedWonRevenue: null, pipelineCoverage: null },
            requests: { closedWonRevenue: undefined, pipelineCoverage: undefined },
        });
    });

    it('takes the revenue target property for both, or a typed closed-won revenue target for both', () => {
        expect(targets({ revenueTarget: '90000' })).toEqual({
            tiles: { closedWonRevenue: 90000, pipelineCoverage: null },
            requests: { closedWonRevenue: 90000, pipelineCoverage: 90000 },
        });
        expect(targets({ targets: 'closedWonRevenue=70000' })).toEqual({
            tiles: { closedWonRevenue: 70000, pipelineCoverage: null },
            requests: { closedWonRevenue: 70000, pipelineCoverage: 70000 },
        });
    });
});

describe('kpiConfig: kpiMetric properties', () => {
    it('reads an untouched component as the defaults, with one request and no problems', () => {
        const config = readMetricConfig({});
        expect(config.problems).toEqual([]);
        expect(config.tiles).toEqual([tileInput('closedWonRevenue')]);
        // Closed-won revenue reads its target from the quota field when none is typed.
        expect(config.requests).toEqual([
            { ...kpiRequest('closedWonRevenue'), settings: { quotaField: 'Sales_Quota__c' } },
        ]);
        expect(config.fiscalYearStartMonth).toBe(1);
        expect(config.currency).toBeUndefined();
        expect(config.title).toBeUndefined();
    });

    it('passes the settings a KPI reads, a coverage target, a currency, a title and a rolling period', () => {
        const config = readMetricConfig({
            kpi: 'pipelineCoverage',
            period: 'rollingDays',
            rollingDays: '90',
            revenueTarget: '500000',
            currencyCode: ' eur ',
            cardTitle: '  Coverage  ',
            quotaField: 'Quota__c',
            fiscalYearStartMonth: 4,
            target: 3,
        });
        expect(config.problems).toEqual([]);
        expect(config.requests[0]).toMatchObject({
            period: { kind: 'rollingDays', days: 90 },
            target: 500000,
            settings: { quotaField: 'Quota__c' },
        });
        expect(config.tiles[0].target).toBe(3);
        expect(config).toMatchObject({ currency: 'EUR', title: 'Coverage', fiscalYearStartMonth: 4 });
    });

    it('reads a rate target in percent and accepts App Builder spellings of periods', () => {
        expect(readMetricConfig({ kpi: 'winRate', target: '27.5' }).tiles[0].target).toBeCloseTo(0.275);
        expect(readMetricConfig({ period: 'rollingDays:7' }).tiles[0].period).toEqual({ kind: 'rollingDays', days: 7 });
        const config = readMetricConfig({
            kpi: 'averageContractValue',
            amountsAreMonthly: 'true',
            sentStatuses: 'A, B',
        });
        expect(config.problems).toEqual([]);
        expect(config.requests[0].settings).toEqual({ amountsAreMonthly: true });
        const opened = readMetricConfig({
            kpi: 'campaignOpenRate',
            sentStatuses: 'Sent, Bounced',
            openedStatuses: ['Opened'],
        });
        expect(opened.requests[0].settings).toEqual({ sentStatuses: ['Sent', 'Bounced'], openedStatuses: ['Opened'] });
    });

    // One bad value at a time: the message names the property's label and the value, and says what to do.
    const cases: [string, KpiProperties, ConfigProblem['property'], 'error' | 'warning', string[]][] = [
        ['an unknown KPI', { kpi: 'revenue' }, 'kpi', 'error', ['KPI', '"revenue"', 'Choose one of: leadsCreated']],
        ['an unknown period', { period: 'fortnight' }, 'period', 'error', ['Period', '"fortnight"']],
        [
            'a rolling period of 0 days',
            { period: 'rollingDays', rollingDays: 0 },
            'rollingDays',
            'error',
            ['Rolling days', '"0"', '1 to 3650'],
        ],
        ['a rolling period of text', { period: 'rollingDays', rollingDays: 'ten' }, 'rollingDays', 'error', ['"ten"']],
        [
            'rolling days while the period is not rolling',
            { rollingDays: 5000 },
            'rollingDays',
            'warning',
            ['"5000"', 'ignored'],
        ],
        ['an unknown comparison', { comparison: 'yesterday' }, 'comparison', 'error', ['Compare with', '"yesterday"']],
        ['an unknown scope', { scope: 'company' }, 'scope', 'error', ['Scope', '"company"', 'mine, team, all']],
        ['a target that is not a number', { target: '250k' }, 'target', 'error', ['Target', '"250k"', '250000']],
        ['a negative target', { target: -5 }, 'target', 'error', ['"-5"']],
        [
            'a rate target above 100',
            { kpi: 'winRate', target: '150' },
            'target',
            'error',
            ['Target', '150', 'percentage'],
        ],
        ['a trend of 30 periods', { sparkline: 30 }, 'sparkline', 'error', ['Trend periods', '"30"', '0 to 24']],
        ['a trend of 2.5 periods', { sparkline: '2.5' }, 'sparkline', 'error', ['"2.5"']],
        [
            'a fiscal month of 13',
            { fiscalYearStartMonth: 13 },
            'fiscalYearStartMonth',
            'error',
            ['Fiscal year starts in month', '"13"', '1 to 12'],
        ],
        [
            'a fiscal month on a calendar period',
            { fiscalYearStartMonth: 0, period: 'thisMonth' },
            'fiscalYearStartMonth',
            'warning',
            ['"0"', 'ignored'],
        ],
        [
            'a bad amber threshold with a target',
            { target: 10, amberThreshold: 2000 },
            'amberThreshold',
            'error',
            ['Amber from', '"2000"'],
        ],
        [
            'a bad green threshold without a target',
            { greenThreshold: 'high' },
            'greenThreshold',
            'warning',
            ['Green from', '"high"', 'ignored'],
        ],
        [
            'amber above green with a target',
            { target: 10, amberThreshold: 90, greenThreshold: 50 },
            'amberThreshold',
            'error',
            ['Amber from', '(90)', 'Green from', '(50)'],
        ],
        [
            'amber equal to green without a target',
            { amberThreshold: 60, greenThreshold: 60 },
            'amberThreshold',
            'warning',
            ['(60)'],
        ],
        [
            'a bad coverage target',
            { kpi: 'pipelineCoverage', revenueTarget: '0' },
            'revenueTarget',
            'error',
            ['Revenue target', '"0"'],
        ],
        [
            'a coverage target on another KPI',
            { revenueTarget: 'lots' },
            'revenueTarget',
            'warning',
            ['"lots"', 'ignored'],
        ],
        [
            'a currency that is not a code',
            { currencyCode: 'EURO' },
            'currencyCode',
            'error',
            ['Currency of amounts', '"EURO"'],
        ],
        [
            'an unknown currency on a rate',
            { kpi: 'winRate', currencyCode: 'ABC' },
            'currencyCode',
            'warning',
            ['"ABC"', 'ignored'],
        ],
        [
            'a field name with spaces',
            { kpi: 'opportunitiesOpened', lossReasonField: 'Loss Reason' },
            'lossReasonField',
            'error',
            ['Loss reason field', '"Loss Reason"'],
        ],
        [
            'a bad field the KPI does not read',
            { lossReasonField: '9field' },
            'lossReasonField',
            'warning',
            ['"9field"', 'ignored'],
        ],
        [
            'an empty status in a list',
            { kpi: 'campaignOpenRate', sentStatuses: 'Sent,,Opened' },
            'sentStatuses',
            'error',
            ['"Sent,,Opened"'],
        ],
        [
            'a status list that is not text',
            { kpi: 'campaignOpens', openedStatuses: 7 },
            'openedStatuses',
            'error',
            ['"7"'],
        ],
        [
            'a quota field name too odd',
            { kpi: 'pipelineCoverage', quotaField: 'quota-field' },
            'quotaField',
            'error',
            ['Quota field'],
        ],
        [
            'a yes for a checkbox',
            { kpi: 'averageContractValue', amountsAreMonthly: 'yes' },
            'amountsAreMonthly',
            'error',
            ['"yes"'],
        ],
    ];

    it.each(cases)('reports %s', (_name, props, property, severity, phrases) => {
        const config = readMetricConfig(props);
        const problem = only(config);
        expect(problem).toMatchObject({ property, severity });
        for (const phrase of phrases) expect(problem.message).toContain(phrase);
        expect(config.requests).toHaveLength(severity === 'warning' ? 1 : 0);
        expect(config.tiles[0].problems).toEqual(severity === 'error' ? [problem.message] : []);
    });

    it('reports every bad value of a combination once, and requests nothing', () => {
        const config = readMetricConfig({
            kpi: 'nope',
            period: 'rollingDays',
            rollingDays: -1,
            comparison: 'x',
            scope: 'y',
            target: 'z',
            sparkline: 99,
            fiscalYearStartMonth: 0,
            currencyCode: '1',
            amberThreshold: 500,
            greenThreshold: 100,
        });
        const properties = config.problems.map((p) => p.property);
        expect(new Set(properties).size).toBe(properties.length);
        expect(properties.sort()).toEqual(
            [
                'amberThreshold',
                'comparison',
                'currencyCode',
                'fiscalYearStartMonth',
                'kpi',
                'rollingDays',
                'scope',
                'sparkline',
                'target',
            ].sort(),
        );
        expect(config.requests).toEqual([]);
        expect(config.tiles[0].problems.length).toBe(errors(config).length);
    });

    it('never throws on values of the wrong type', () => {
        const odd: unknown[] = [
            null,
            undefined,
            {},
            [],
            { toString: 0 },
            NaN,
            Infinity,
            true,
            Symbol.for('x').toString(),
            '  ',
        ];
        for (const value of odd) {
            const props = Object.fromEntries(
                [
                    'kpi',
                    'period',
                    'rollingDays',
                    'comparison',
                    'scope',
                    'target',
                    'amberThreshold',
                    'greenThreshold',
                    'revenueTarget',
                    'sparkline',
                    'fiscalYearStartMonth',
                    'currencyCode',
                    'lossReasonField',
                    'quotaField',
                    'sentStatuses',
                    'openedStatuses',
                    'amountsAreMonthly',
                    'cardTitle',
                ].map((name) => [name, value]),
            );
            expect(() => readMetricConfig(props)).not.toThrow();
            expect(() => readBoardConfig({ ...props, preset: 'custom', kpis: value, targets: value })).not.toThrow();
        }
    });
});

describe('kpiConfig: kpiBoard properties', () => {
    it('shows the sales preset by default, every tile requested together', () => {
        const config = readBoardConfig({});
        expect(config.problems).toEqual([]);
        expect(config.preset).toBe('sales');
        expect(config.tiles.map((t) => t.key)).toEqual(PRESETS.sales);
        expect(config.requests.map((r) => r.sparkline)).toEqual(PRESETS.sales.map(() => 4));
        expect(config.requests.find((r) => r.kpi === 'pipelineCoverage')!.settings).toEqual({
            quotaField: 'Sales_Quota__c',
        });
    });

    it.each(Object.entries(PRESETS))('shows the %s preset', (preset, kpis) => {
        expect(readBoardConfig({ preset }).requests.map((r) => r.kpi)).toEqual(kpis);
    });

    it('reads a custom list and targets per KPI, in each KPI unit', () => {
        const config = readBoardConfig({
            preset: 'custom',
            kpis: 'winRate, closedWonRevenue;averageSalesCycle',
            targets: 'winRate=25; closedWonRevenue: 250000\naverageSalesCycle=45',
        });
        expect(config.problems).toEqual([]);
        expect(config.tiles.map((t) => [t.key, t.target])).toEqual([
            ['winRate', 0.25],
            ['closedWonRevenue', 250000],
            ['averageSalesCycle', 45],
        ]);
    });

    it('gives an unknown KPI of a custom list its own error and loads the others', () => {
        const config = readBoardConfig({ preset: 'custom', kpis: 'winRate,wins,emailsSent' });
        expect(only(config)).toMatchObject({ property: 'kpis', severity: 'error', kpis: ['wins'] });
        expect(config.problems[0].message).toContain('"wins"');
        expect(config.requests.map((r) => r.key)).toEqual(['winRate', 'emailsSent']);
        expect(config.tiles[1]).toMatchObject({ key: 'wins', kpi: 'wins', problems: [config.problems[0].message] });
    });

    const boardCases: [string, KpiProperties, ConfigProblem['property'], 'error' | 'warning', string[], string[]][] = [
        ['an unknown preset', { preset: 'finance' }, 'preset', 'error', ['Preset', '"finance"'], []],
        [
            'a custom preset without KPIs',
            { preset: 'custom', kpis: ' , ' },
            'kpis',
            'error',
            ['KPIs (custom list)'],
            [],
        ],
        [
            'a KPI listed twice',
            { preset: 'custom', kpis: 'winRate,winRate' },
            'kpis',
            'warning',
            ['"winRate"'],
            ['winRate'],
        ],
        [
            'a list while the preset is not custom',
            { preset: 'activity', kpis: 'winRate' },
            'kpis',
            'warning',
            ['custom'],
            PRESETS.activity as string[],
        ],
        [
            'a target pair without a number',
            { targets: 'winRate' },
            'targets',
            'warning',
            ['Targets', '"winRate"'],
            PRESETS.sales as string[],
        ],
        [
            'a target for a KPI not shown',
            { targets: 'emailsSent=5' },
            'targets',
            'warning',
            ['"emailsSent"'],
            PRESETS.sales as string[],
        ],
        [
            'a target listed twice',
            { targets: 'winRate=20,winRate=30' },
            'targets',
            'warning',
            ['"winRate"'],
            PRESETS.sales as string[],
        ],
        [
            'a bad target for one KPI',
            { targets: 'winRate=lots' },
            'targets',
            'error',
            ['"lots"'],
            PRESETS.sales.filter((k) => k !== 'winRate'),
        ],
        [
            'a rate target above 100 on a board',
            { targets: 'winRate=120' },
            'targets',
            'error',
            ['120'],
            PRESETS.sales.filter((k) => k !== 'winRate'),
        ],
        [
            'a bad currency on a board with amounts',
            { currencyCode: 'EU' },
            'currencyCode',
            'error',
            ['"EU"'],
            ['opportunitiesWon', 'winRate', 'pipelineCoverage'],
        ],
    ];

    it.each(boardCases)('reports %s', (_name, props, property, severity, phrases, requested) => {
        const config = readBoardConfig(props);
        const problem = only(config);
        expect(problem).toMatchObject({ property, severity });
        for (const phrase of phrases) expect(problem.message).toContain(phrase);
        expect(config.requests.map((r) => r.key)).toEqual(requested);
    });

    it('refuses more KPIs than a board shows', () => {
        const kpis = KPI_IDS.slice(0, MAX_BOARD_KPIS + 1).join(',');
        const problem = only(readBoardConfig({ preset: 'custom', kpis }));
        expect(problem).toMatchObject({ property: 'kpis', severity: 'error' });
        expect(problem.message).toContain(String(MAX_BOARD_KPIS + 1));
        expect(problem.message).toContain(String(MAX_BOARD_KPIS));
    });

    it('stops the whole board on a component-wide error, and one tile on its own', () => {
        const config = readBoardConfig({ scope: 'everyone', targets: 'winRate=x' });
        expect(
            errors(config)
                .map((p) => p.property)
                .sort(),
        ).toEqual(['scope', 'targets']);
        expect(config.requests).toEqual([]);
        const winRate = config.tiles.find((t) => t.key === 'winRate')!;
        expect(winRate.problems).toHaveLength(2);
        expect(config.tiles.find((t) => t.key === 'opportunitiesWon')!.problems).toHaveLength(1);
        expect(warnings(config)).toEqual([]);
    });
});

describe('kpiConfig: messages', () => {
    it('fills label placeholders, every occurrence', () => {
        expect(fillLabel('{0} and {1}, {0} again', 'a', 2)).toBe('a and 2, a again');
    });

    it('names planner problems with App Builder labels', () => {
        const tooLong = describePlanProblem({ code: 'sparklineTooLong', property: 'sparkline', value: '12' });
        expect(tooLong).toContain('Trend periods');
        expect(tooLong).toContain('12');
        expect(describePlanProblem({ code: 'badTarget', property: 'target', value: '-1' })).toContain(
            'Revenue target for coverage',
        );
        expect(describePlanProblem({ code: 'badCalendar', property: 'firstDayOfWeek', value: '0' })).toContain(
            'Your first day of the week',
        );
        expect(describePlanProblem({ code: 'noUser', property: 'scope', value: 'mine' })).toContain('Scope');
        expect(describePlanProblem({ code: 'duplicateKey', property: 'key', value: 'winRate' })).toContain(
            'KPIs (custom list)',
        );
        expect(propertyLabel('somethingElse')).toBe('somethingElse');
    });

    it('says how many requests a board may make and what to lower', () => {
        const message = tooManyRequestsMessage();
        expect(message).toContain(String(MAX_BOARD_REQUESTS));
        expect(message).toContain('Trend periods');
        expect(message).toContain('Compare with');
        expect(LABELS.kpiConfigTooManyRequests).toContain('{1}');
    });
});

describe('kpiConfig: App Builder metadata', () => {
    const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (name) => name === 'property' || name === 'targetConfig',
    });
    const lwc = path.join(__dirname, '..', '..');
    type Property = { name: string; type: string; default?: string; datasource?: string; min?: string; max?: string };

    function meta(bundle: string): { configs: { targets: string; property: Property[] }[]; source: string } {
        const xml = fs.readFileSync(path.join(lwc, bundle, `${bundle}.js-meta.xml`), 'utf8');
        const doc = parser.parse(xml).LightningComponentBundle;
        return {
            configs: doc.targetConfigs.targetConfig,
            source: fs.readFileSync(path.join(lwc, bundle, `${bundle}.ts`), 'utf8'),
        };
    }

    const settingDefault = (name: string): string | undefined => {
        const setting = KPI_SETTINGS[name];
        if (!setting) return undefined;
        return Array.isArray(setting.default) ? setting.default.join(',') : String(setting.default);
    };

    it.each([
        ['kpiMetric', METRIC_DEFAULTS],
        ['kpiBoard', BOARD_DEFAULTS],
    ] as const)('%s: defaults, picklists and ranges match what the component reads', (bundle, defaults) => {
        const { configs, source } = meta(bundle);
        expect(configs.map((c) => c.targets)).toEqual([
            'lightning__HomePage',
            'lightning__AppPage,lightning__RecordPage',
        ]);
        expect(configs[0].property).toEqual(configs[1].property);
        for (const property of configs[0].property) {
            expect(source).toMatch(new RegExp(`@api ${property.name}\\b`));
            const expected = (defaults as Record<string, unknown>)[property.name] ?? settingDefault(property.name);
            const shown = (value: unknown) => (value === undefined ? undefined : String(value));
            expect(shown(property.default)).toBe(shown(expected));
        }
        const byName = Object.fromEntries(configs[0].property.map((p) => [p.name, p]));
        expect(byName.period.datasource).toBe(PERIOD_KINDS.join(','));
        expect(byName.comparison.datasource).toBe(COMPARISONS.join(','));
        expect(byName.scope.datasource).toBe(SCOPES.join(','));
        expect([byName.sparkline.min, byName.sparkline.max]).toEqual(['0', '24']);
        expect([byName.fiscalYearStartMonth.min, byName.fiscalYearStartMonth.max]).toEqual(['1', '12']);
        const [picklist, values] =
            bundle === 'kpiMetric' ? ['kpi', KPI_IDS.join(',')] : ['preset', 'sales,marketing,activity,custom'];
        expect(byName[picklist].datasource).toBe(values);
    });
});
