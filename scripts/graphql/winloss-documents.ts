/**
 * Every document shape kpiWinLossData can produce, for the offline validator (scripts/graphql/dynamic-documents.ts).
 * The text depends on the grouping (date function and how many year chunks), the scope (team subqueries or not),
 * which filters are set (type, lead source, owner, account), whether there is a loss-reason field and which optional
 * sections a refused document left out (reasons, recent losses); dates, Ids and filter values are variables. Every
 * shape also describes Opportunity (uiapi.objectInfos) for the type and lead source filters' picklist values.
 */
import path from 'node:path';
import {
    DEFAULT_SETTINGS,
    GROUPINGS,
    SCOPES,
    planWinLoss,
    winLossQuery,
} from '../../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import type { OptionalSection, WinLossSettings } from '../../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import { lwcDir } from '../lib/paths';
import type { DynamicDocument } from './dynamic-documents';

export const winLossModule = path.join(lwcDir, 'kpiWinLossData', 'kpiWinLossData.ts');

const calendar = { timeZone: 'America/New_York', firstDayOfWeek: 1, fiscalYearStartMonth: 1 };
// Mid-year and year start: one, two and three year chunks of trend subqueries.
const nows = [new Date('2024-05-20T16:00:00Z'), new Date('2024-01-10T16:00:00Z')];
const periods: WinLossSettings['period'][] = [
    { kind: 'thisMonth' },
    { kind: 'lastYear' },
    { kind: 'rollingDays', days: 3650 },
];
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
    for (const grouping of GROUPINGS) {
        for (const scope of SCOPES) {
            for (const [f, filters] of filterSets.entries()) {
                for (const period of periods) {
                    for (const [n, now] of nows.entries()) {
                        for (const accountId of [undefined, '001000000000001AAA']) {
                            for (const [o, omit] of OMISSIONS.entries()) {
                                for (const fiscalYearStartMonth of [1, 2]) {
                                    const settings = {
                                        ...DEFAULT_SETTINGS,
                                        ...filters,
                                        grouping,
                                        scope,
                                        period,
                                        fiscalYearStartMonth,
                                    };
                                    const plan = planWinLoss({
                                        settings,
                                        now,
                                        calendar,
                                        userId: '005000000000001AAA',
                                        accountId,
                                        omit,
                                    });
                                    const label = `${grouping}/${scope}/filters ${f}/${period.kind}/now ${n}/account ${Boolean(accountId)}/omit ${o}/fy ${fiscalYearStartMonth}`;
                                    add(label, winLossQuery(plan));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return [...found.values()];
}
