/**
 * Every document shape kpiWinLossData can produce, for the offline validator (scripts/graphql/dynamic-documents.ts).
 * The documents come from the shared planner, so the text depends on the kind of period (its date literal or rolling
 * range), the grouping and how the trend's buckets are sliced (calendar year segments, quarters or months), the scope
 * (team subqueries or not), which filters are set (type, lead source, owner, account), whether there is a loss-reason
 * field and which optional sections a refused document left out (reasons, recent losses); dates, Ids and filter
 * values are variables. Every shape also describes Opportunity (uiapi.objectInfos) for the filters' picklist values.
 */
// kpiWinLossData reads answers through kpiResults, which imports custom labels.
import '../../preview/oracle/nodeLabels';
import path from 'node:path';
import {
    DEFAULT_SETTINGS,
    GROUPINGS,
    SCOPES,
    planWinLoss,
    winLossQuery,
} from '../../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import type { OptionalSection, WinLossSettings } from '../../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import { PERIOD_KINDS } from '../../force-app/main/default/lwc/kpiPeriods/kpiPeriods';
import { lwcDir } from '../lib/paths';
import type { DynamicDocument } from './dynamic-documents';

export const winLossModule = path.join(lwcDir, 'kpiWinLossData', 'kpiWinLossData.ts');

const calendar = { timeZone: 'America/New_York', firstDayOfWeek: 1, fiscalYearStartMonth: 1 };
// Mid-year and year start slice the trend differently; on a year's last day every period is whole (no "to date").
const nows = [new Date('2024-05-20T16:00:00Z'), new Date('2024-01-10T16:00:00Z'), new Date('2024-12-31T16:00:00Z')];
// Every kind of period: each is its own date literal (or a rolling range) in the text.
const periods: WinLossSettings['period'][] = PERIOD_KINDS.map((kind) =>
    kind === 'rollingDays' ? { kind, days: 3650 } : { kind },
);
const filterSets: Partial<WinLossSettings>[] = [
    {},
    { opportunityType: 'New Business', leadSource: 'Web', ownerId: '005000000000002AAA' },
    { lossReasonField: '' },
];
/** What the component may leave out after the server refused a document (kpiWinLossData sectionsToOmit). */
export const OMISSIONS: OptionalSection[][] = [[], ['reasons'], ['recent'], ['reasons', 'recent']];

/** Every distinct document text, each labelled with the first settings that produced it. */
export function winLossDocuments(): DynamicDocument[] {
    const found = new Map<string, DynamicDocument>();
    const add = (label: string, source: string) => {
        if (!found.has(source)) found.set(source, { label, source });
    };
    const plan = (label: string, settings: WinLossSettings, now: Date, accountId?: string, omit?: OptionalSection[]) =>
        add(
            label,
            winLossQuery(planWinLoss({ settings, now, calendar, userId: '005000000000001AAA', accountId, omit })),
        );
    for (const grouping of GROUPINGS) {
        for (const scope of SCOPES) {
            for (const [n, now] of nows.entries()) {
                for (const fiscalYearStartMonth of [1, 2]) {
                    const base = { ...DEFAULT_SETTINGS, grouping, scope, fiscalYearStartMonth };
                    const at = `${grouping}/${scope}/now ${n}/fy ${fiscalYearStartMonth}`;
                    // The period and the omissions shape the trend and the sections; filters and the record page
                    // only add conditions, the same whatever the period.
                    for (const period of periods) {
                        for (const [o, omit] of OMISSIONS.entries()) {
                            plan(`${at}/${period.kind}/omit ${o}`, { ...base, period }, now, undefined, omit);
                        }
                    }
                    for (const [f, filters] of filterSets.entries()) {
                        for (const accountId of [undefined, '001000000000001AAA']) {
                            for (const [o, omit] of OMISSIONS.entries()) {
                                const label = `${at}/filters ${f}/account ${Boolean(accountId)}/omit ${o}`;
                                plan(label, { ...base, ...filters }, now, accountId, omit);
                            }
                        }
                    }
                }
            }
        }
    }
    return [...found.values()];
}
