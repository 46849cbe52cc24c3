import { readFileSync } from 'fs';
import { join } from 'path';
import {
    DATE_FIELD_TYPES,
    DRILL_DOWN_NOTES,
    EVERYONE_FILTER,
    KPI_CATALOG,
    KPI_GROUPINGS,
    KPI_IDS,
    KPI_OBJECTS,
    KPI_SETTINGS,
    drillDownNote,
    findKpi,
    isGroupableByOwner,
    isSettingRef,
    kpiParts,
    kpiSettingIds,
} from 'c/kpiCatalog';
import type { FieldRef, Filter, FilterValue, KpiDefinition } from 'c/kpiCatalog';
import { findObjectDescription, isFilterable, isGroupable, isPolymorphic } from '../../../../../../schema';
import type { FieldDescription } from '../../../../../../schema';

const OPERATORS = new Set(['eq', 'ne', 'in', 'nin', 'lt', 'gt', 'lte', 'gte', 'like']);
const NUMERIC = new Set(['Currency', 'Double', 'Int', 'Percent']);
const UNITS = new Set(['count', 'currency', 'percent', 'days', 'multiple']);

const defaults = Object.fromEntries(Object.values(KPI_SETTINGS).map((s) => [s.id, s.default]));
const resolve = (ref: FieldRef): string => (isSettingRef(ref) ? String(defaults[ref.setting]) : ref);

/** Follows `Owner.User.ManagerId` through schema/objects; polymorphic parents name their branch. */
function fieldAt(object: string, path: string): { object: string; field: FieldDescription } {
    const segments = path.split('.');
    let current = object;
    for (let i = 0; i < segments.length - 1; i++) {
        const relationship = findObjectDescription(current)?.fields.find((f) => f.relationshipName === segments[i]);
        if (!relationship) throw new Error(`${current} has no relationship ${segments[i]} (in ${object}.${path})`);
        if (isPolymorphic(relationship)) {
            const branch = segments[++i];
            if (!relationship.referenceTo!.includes(branch)) {
                throw new Error(
                    `${current}.${segments[i - 1]} is polymorphic: name one of ${relationship.referenceTo} (in ${path})`,
                );
            }
            current = branch;
        } else current = relationship.referenceTo![0];
    }
    const name = segments[segments.length - 1];
    const field = findObjectDescription(current)?.fields.find((f) => f.name === name);
    if (!field) throw new Error(`schema/objects/${current}.ts has no field ${name} (in ${object}.${path})`);
    return { object: current, field };
}

/** Runs checks that report problems as sentences; a missing field becomes one too. */
function collect(check: (problem: (message: string) => void) => void): string[] {
    const problems: string[] = [];
    try {
        check((message) => problems.push(message));
    } catch (error) {
        problems.push((error as Error).message);
    }
    return problems;
}

/** Every field a filter names must exist, be filterable, and take the operand given. */
function filterProblems(object: string, filter: Filter, problem: (message: string) => void, prefix = ''): void {
    for (const [key, value] of Object.entries(filter)) {
        if (key === 'and' || key === 'or') {
            for (const inner of value as Filter[]) filterProblems(object, inner, problem, prefix);
            continue;
        }
        if (key === 'not') {
            filterProblems(object, value as Filter, problem, prefix);
            continue;
        }
        if (!Object.keys(value as object).every((op) => OPERATORS.has(op))) {
            filterProblems(object, value as Filter, problem, `${prefix}${key}.`);
            continue;
        }
        const at = `${object}.${prefix}${key}`;
        const { field } = fieldAt(object, `${prefix}${key}`);
        if (!isFilterable(field)) problem(`${at} is not filterable`);
        for (const [op, operand] of Object.entries(value as Record<string, FilterValue>)) {
            const operands = op === 'in' || op === 'nin' ? operand : [operand];
            if (isSettingRef(operands)) continue;
            for (const item of operands as FilterValue[]) {
                const fits =
                    field.type === 'Boolean'
                        ? typeof item === 'boolean'
                        : field.type === 'Reference' || field.type === 'Id'
                          ? item === null
                          : !field.picklistValues || field.picklistValues.includes(item as string);
                if (!fits) problem(`${at} ${op} ${JSON.stringify(item)} does not fit a ${field.type}`);
            }
        }
    }
}

function schemaProblems(kpi: KpiDefinition): string[] {
    return collect((problem) => {
        for (const part of kpiParts(kpi)) {
            filterProblems(part.object, part.filter, problem);
            if (part.dateField !== null) {
                const path = resolve(part.dateField);
                const { field } = fieldAt(part.object, path);
                if (DATE_FIELD_TYPES[`${part.object}.${path}`] !== field.type) {
                    problem(`DATE_FIELD_TYPES['${part.object}.${path}'] should be ${field.type}`);
                }
            }
            const { fn, field } = part.aggregate;
            if (!field && fn !== 'count') problem(`${part.role}: ${fn} needs a field`);
            const described = field ? fieldAt(part.object, resolve(field)).field : undefined;
            if (described && (fn === 'sum' || fn === 'avg') && !NUMERIC.has(described.type)) {
                problem(`${part.role}: cannot ${fn} ${described.type} ${described.name}`);
            }
            for (const path of [part.scope.mine, part.scope.team]) {
                const owner = fieldAt(part.object, path).field;
                if (owner.type !== 'Id' && owner.type !== 'Reference') problem(`scope path ${path} is not an Id`);
            }
            filterProblems(part.object, EVERYONE_FILTER[part.object] ?? {}, problem);
        }
        const measure = kpi.measure;
        if (measure.kind === 'share') {
            const { field } = fieldAt(kpi.object, resolve(measure.field));
            if (!isGroupable(field)) problem(`share field ${field.name} is not groupable`);
            const values = isSettingRef(measure.values)
                ? (defaults[measure.values.setting] as string[])
                : measure.values;
            for (const value of values) {
                const fits =
                    field.type === 'Boolean'
                        ? typeof value === 'boolean'
                        : field.picklistValues?.includes(value as string);
                if (!fits) problem(`share value ${JSON.stringify(value)} is not a ${field.name} value`);
            }
        }
        if (measure.kind === 'averageDuration') {
            for (const ref of [measure.from, measure.to]) {
                const { field } = fieldAt(kpi.object, resolve(ref));
                if (field.type !== 'Date' && field.type !== 'DateTime') problem(`${field.name} is not a date`);
            }
        }
        for (const id of kpi.groupings) {
            const { field } = fieldAt(kpi.object, resolve(KPI_GROUPINGS[id].field));
            if (!isGroupable(field)) problem(`grouping ${id}: ${field.name} is not groupable`);
            if ((KPI_GROUPINGS[id].keyType === 'id') !== (field.type === 'Reference'))
                problem(`grouping ${id}: wrong keyType`);
        }
    });
}

function settingProblems(kpi: KpiDefinition): string[] {
    return collect((problem) => {
        for (const id of kpiSettingIds(kpi)) {
            const setting = KPI_SETTINGS[id];
            if (!/^kpiSetting[A-Z]/.test(setting.label)) problem(`${id}: label ${setting.label}`);
            const ok =
                setting.kind === 'field'
                    ? setting.fieldTypes!.includes(fieldAt(setting.object!, String(setting.default)).field.type)
                    : setting.kind === 'values'
                      ? (setting.default as string[]).every((v) =>
                            fieldAt(setting.object!, setting.field!).field.picklistValues?.includes(v),
                        )
                      : typeof setting.default === 'boolean';
            if (!ok) problem(`${id}: default ${JSON.stringify(setting.default)} does not fit schema/objects`);
        }
    });
}

describe.each(KPI_CATALOG.map((kpi) => [kpi.id, kpi] as [string, KpiDefinition]))('KPI %s', (_id, kpi) => {
    it('is well formed', () => {
        expect(kpi.id).toMatch(/^[a-z][A-Za-z]+$/);
        expect(kpi.label).toMatch(/^kpi[A-Z]\w+$/);
        expect(kpi.help).toBe(`${kpi.label}Help`);
        expect(UNITS.has(kpi.unit)).toBe(true);
        expect(KPI_OBJECTS[kpi.object]).toBeDefined();
        expect(kpi.why.length).toBeGreaterThan(40);
        expect(kpi.drillDown.listView).toMatch(/^kpi[A-Z]\w+$/);
        expect(findObjectDescription(kpi.drillDown.object)).toBeDefined();
        expect(kpi.groupings.filter((id) => !KPI_GROUPINGS[id])).toEqual([]);
        expect(kpi.unit !== 'percent' || (kpi.minSample ?? 0) > 0).toBe(true);
        expect(kpi.strategy === 'dateMeans').toBe(kpi.measure.kind === 'averageDuration');
        expect(kpi.timing === 'snapshot').toBe(kpi.id === 'pipelineValue' || kpi.id === 'pipelineCoverage');
    });

    it('names only fields that exist in schema/objects, used as their types allow', () => {
        expect(schemaProblems(kpi)).toEqual([]);
    });

    it('lists the settings it reads, each with a valid default', () => {
        expect(settingProblems(kpi)).toEqual([]);
    });
});

describe('the catalog', () => {
    it('holds every sales KPI of the product doc, each once', () => {
        expect(new Set(KPI_IDS).size).toBe(KPI_IDS.length);
        expect([...KPI_IDS].sort()).toEqual(
            [
                'averageContractValue',
                'averageDaysLeadToOpportunity',
                'averageDealSize',
                'averageSalesCycle',
                'campaignOpenRate',
                'campaignOpens',
                'campaignResponseRate',
                'campaignResponses',
                'closedWonRevenue',
                'emailsSent',
                'leadConversionRate',
                'leadsCreated',
                'leadsFromCampaigns',
                'lostAmount',
                'newLogos',
                'opportunitiesLost',
                'opportunitiesOpened',
                'opportunitiesWon',
                'outboundCalls',
                'pipelineCoverage',
                'pipelineCreated',
                'pipelineValue',
                'winRate',
                'winRateByAmount',
            ].sort(),
        );
    });

    it('offers the breakdowns the product doc asks for', () => {
        expect(findKpi('leadsCreated')!.groupings).toContain('source');
        expect(findKpi('leadsFromCampaigns')!.groupings).toContain('campaign');
        expect(findKpi('opportunitiesOpened')!.groupings).toEqual(
            expect.arrayContaining(['source', 'owner', 'lossReason']),
        );
        expect(findKpi('opportunitiesLost')!.groupings).toContain('lossReason');
    });

    it('makes the leaderboard KPIs rankable by owner', () => {
        const ranked = KPI_CATALOG.filter(isGroupableByOwner).map((kpi) => kpi.id);
        expect(ranked).toEqual(
            expect.arrayContaining([
                'closedWonRevenue',
                'opportunitiesOpened',
                'opportunitiesWon',
                'winRate',
                'averageDealSize',
                'pipelineCreated',
                'outboundCalls',
                'emailsSent',
            ]),
        );
        // Per-owner date histograms would grow with owners × days: durations are not ranked.
        expect(ranked).not.toContain('averageSalesCycle');
    });

    it('lets the admin swap the loss reason field, quota field, statuses and the annualizing', () => {
        expect(kpiSettingIds(findKpi('opportunitiesLost')!)).toEqual(['lossReasonField']);
        expect(kpiSettingIds(findKpi('pipelineCoverage')!)).toEqual(['quotaField']);
        expect(kpiSettingIds(findKpi('campaignOpenRate')!)).toEqual(['openedStatuses', 'sentStatuses']);
        expect(kpiSettingIds(findKpi('averageContractValue')!)).toEqual(['amountsAreMonthly']);
        expect(kpiSettingIds(findKpi('leadsCreated')!)).toEqual([]);
    });

    it('keeps parts on another object free of the KPI filter', () => {
        const parts = kpiParts(findKpi('pipelineCoverage')!);
        expect(parts.map((p) => p.role)).toEqual(['pipeline', 'won', 'target']);
        expect(parts[2]).toMatchObject({ object: 'User', filter: {}, dateField: null, scope: KPI_OBJECTS.User });
        expect(parts[0].filter).toEqual({ IsClosed: { eq: false } });
        const campaign = kpiParts(findKpi('leadsFromCampaigns')!)[0];
        expect(campaign.scope).toEqual({ mine: 'Lead.OwnerId', team: 'Lead.Owner.User.ManagerId', teamLevels: 4 });
    });

    it('finds KPIs by id only', () => {
        expect(findKpi('winRate')?.unit).toBe('percent');
        expect(findKpi('nope')).toBeUndefined();
        expect(findKpi(42)).toBeUndefined();
        expect(isSettingRef({ setting: 'x' })).toBe(true);
        expect(isSettingRef({ setting: 'x', other: 1 })).toBe(false);
        expect(isSettingRef(['x'])).toBe(false);
    });

    it('is documented in docs/kpis.md, every KPI with its id', () => {
        const doc = readFileSync(join(__dirname, '..', '..', '..', '..', '..', '..', 'docs', 'kpis.md'), 'utf8');
        expect(KPI_IDS.filter((id) => !doc.includes(`(\`${id}\`)`))).toEqual([]);
    });

    it('has a type for every date field in schema/objects terms', () => {
        const actual = Object.keys(DATE_FIELD_TYPES).map((key) => {
            const [object, ...path] = key.split('.');
            return [key, fieldAt(object, path.join('.')).field.type];
        });
        expect(Object.fromEntries(actual)).toEqual(DATE_FIELD_TYPES);
    });

    it('reports a field that is not in schema/objects, or misused (the checks can fail)', () => {
        const broken = {
            ...KPI_CATALOG[0],
            filter: { Nonexistent__c: { eq: true } },
        } as KpiDefinition;
        expect(schemaProblems(broken)).toEqual([
            'schema/objects/Lead.ts has no field Nonexistent__c (in Lead.Nonexistent__c)',
        ]);
        const wrongValue = { ...KPI_CATALOG[0], filter: { IsConverted: { eq: 'yes' } } } as KpiDefinition;
        expect(schemaProblems(wrongValue)).toEqual(['Lead.IsConverted eq "yes" does not fit a Boolean']);
        expect(() => fieldAt('Lead', 'Owner.ManagerId')).toThrow(/polymorphic/);
        expect(() => fieldAt('Lead', 'Boss.Name')).toThrow(/no relationship Boss/);
    });
});

describe('drill-down notes', () => {
    it('note only list views a KPI drills down to, with kpi-prefixed label names', () => {
        const views = new Set(KPI_CATALOG.map((kpi) => kpi.drillDown.listView));
        for (const [view, label] of Object.entries(DRILL_DOWN_NOTES)) {
            expect(views.has(view)).toBe(true);
            expect(label).toMatch(/^kpiDrillDownNote[A-Z]\w+$/);
        }
    });

    it('say that the task lists hold every task, and nothing where the list holds the KPI records', () => {
        expect(drillDownNote(findKpi('emailsSent')!)).toBe('kpiDrillDownNoteAllTasksEmails');
        expect(drillDownNote(findKpi('outboundCalls')!)).toBe('kpiDrillDownNoteAllTasksCalls');
        expect(drillDownNote(findKpi('opportunitiesWon')!)).toBe('kpiDrillDownNoteCalendarQuarter');
        expect(drillDownNote(findKpi('campaignOpens')!)).toBeUndefined();
    });
});
