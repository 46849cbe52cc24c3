/**
 * Every token the package's list views may use, each with where it was read. ListView metadata names standard fields
 * by tokens that "don't always match their API name counterparts", and Salesforce publishes no list of them
 * (https://developer.salesforce.com/docs/platform/api-metadata/references/meta-types/metadata-listview.html). A token
 * is allowed here only when a Salesforce page documents it or a list view retrieved from an org, in a public
 * repository, uses it in the same role: as a column, as a filter field of that object, or as a filter value on a
 * field of that kind. `npm run validate:metadata` refuses any other token.
 *
 * Not found anywhere, so not allowed (their filters were dropped or replaced; docs/kpis.md, "Drill-down"):
 * `TASK_SUBTYPE` as a filter field (no Salesforce page, no retrieved list view) and `THIS_FISCAL_QUARTER` as a list
 * view filter value (seen only in report metadata, whose criteria are another type). `THIS_QUARTER` replaces it.
 *
 * Add a token only with its citation: a Salesforce page (title and URL), or a retrieved list view (repository, path
 * and commit) that uses exactly that token in exactly that role.
 */

export type ListViewTokenRole = 'column' | 'filterField' | 'filterValue' | 'filterScope';

/** What a filter field holds, so a value cited on one date field is a value for date fields, not for checkboxes. */
export type FilterKind = 'date' | 'checkbox';

export type ListViewCitation =
    { page: string; url: string } | { repo: string; path: string; commit: string; view: string };

export interface ListViewTokenCitation {
    token: string;
    role: ListViewTokenRole;
    /** Columns and filter fields: the object whose list views use it. */
    object?: string;
    /** Filter fields: what the field holds. Filter values: the kind of field the value was cited on. */
    kind?: FilterKind;
    citation: ListViewCitation;
}

const LISTVIEW_PAGE = {
    page: 'Metadata API Developer Guide: ListView',
    url: 'https://developer.salesforce.com/docs/platform/api-metadata/references/meta-types/metadata-listview.html',
};

/**
 * A retrieved list view (Salesforce's default views, note the `ENCODED:{!FilterNames…}` labels, and orgs' own) from
 * `source`, named by object and API name; `shows` says what its name does not.
 */
const listView = (
    source: { repo: string; commit: string },
    object: string,
    view: string,
    shows?: string,
): ListViewCitation => ({
    ...source,
    path: `force-app/main/default/objects/${object}/listViews/${view}.listView-meta.xml`,
    view: `${object}.${view}${shows ? ` (${shows})` : ''}`,
});
const DREAMHOUSE = { repo: 'trailheadapps/dreamhouse-lwc', commit: 'c38d8e657da84195ae145a5a91d5934ec145399f' };
const SOPRA = { repo: 'sopra-steria-salesforce/platform-ui', commit: 'abcac44e6a57b0308e7bdb0522c7c1a11b6f61c0' };
const dreamhouse = (object: string, view: string): ListViewCitation => listView(DREAMHOUSE, object, view);
const SOPRA_ALL = listView(SOPRA, 'Opportunity', 'All');
const SOPRA_WON_THIS_YEAR = listView(
    SOPRA,
    'Opportunity',
    'Opportunities_Won_this_Year_DK',
    'OPPORTUNITY.CLOSE_DATE equals THIS_YEAR',
);
const SIMILARWEB_THIS_QUARTER = listView(
    { repo: 'similarweb/salesforce', commit: 'e6c01e6dc3b714032d418f346a6965638b646d81' },
    'Opportunity',
    'My_Opportunities_Closing_This_Quarter',
    'OPPORTUNITY.CLOSE_DATE equals THIS_QUARTER',
);
const EBIKES_ACCOUNTS = listView(
    { repo: 'trailheadapps/ebikes-lwc', commit: '4b813e93f0a65fad1e51a8a85af0754a7401f47a' },
    'Account',
    'NewThisWeek',
);
const GUMGUM_CAMPAIGNS = listView(
    { repo: 'radix2tech/GumGum', commit: '1fa315a67ada04dc5b9c2fb650d9f2913969956f' },
    'Campaign',
    'AllCampaigns',
);

const columns = (object: string, tokens: string[], citation: ListViewCitation): ListViewTokenCitation[] =>
    tokens.map((token) => ({ token, role: 'column', object, citation }));

export const LIST_VIEW_CITATIONS: readonly ListViewTokenCitation[] = [
    // filterScope: the FilterScope enumeration of the ListView page; Everything in Salesforce's default views.
    { token: 'Everything', role: 'filterScope', citation: LISTVIEW_PAGE },

    ...columns('Account', ['ACCOUNT.NAME', 'CORE.USERS.ALIAS'], EBIKES_ACCOUNTS),
    ...columns(
        'Campaign',
        ['CAMPAIGN.NAME', 'CAMPAIGN.START_DATE', 'CAMPAIGN.STATUS', 'CORE.USERS.ALIAS'],
        GUMGUM_CAMPAIGNS,
    ),
    ...columns(
        'Lead',
        [
            'FULL_NAME',
            'LEAD.COMPANY',
            'LEAD.STATE',
            'LEAD.EMAIL',
            'LEAD.STATUS',
            'LEAD.CREATED_DATE',
            'CORE.USERS.ALIAS',
            'LEAD.UNREAD',
            'LEAD.LEAD_SOURCE',
        ],
        dreamhouse('Lead', 'ViewCustom2'),
    ),
    ...columns(
        'Opportunity',
        [
            'OPPORTUNITY.NAME',
            'ACCOUNT.NAME',
            'OPPORTUNITY.STAGE_NAME',
            'OPPORTUNITY.CLOSE_DATE',
            'OPPORTUNITY.AMOUNT',
            'CORE.USERS.ALIAS',
        ],
        SOPRA_ALL,
    ),
    ...columns(
        'Task',
        ['SUBJECT', 'WHO_NAME', 'WHAT_NAME', 'DUE_DATE', 'STATUS', 'PRIORITY', 'CORE.USERS.ALIAS', 'LAST_UPDATE'],
        dreamhouse('Task', 'CompletedTasks'),
    ),

    {
        token: 'CAMPAIGN.ACTIVE',
        role: 'filterField',
        object: 'Campaign',
        kind: 'checkbox',
        citation: dreamhouse('Campaign', 'AllActiveCampaigns'),
    },
    {
        token: 'LEAD.CREATED_DATE',
        role: 'filterField',
        object: 'Lead',
        kind: 'date',
        citation: dreamhouse('Lead', 'TodaysLeads'),
    },
    {
        token: 'OPPORTUNITY.CLOSED',
        role: 'filterField',
        object: 'Opportunity',
        kind: 'checkbox',
        citation: dreamhouse('Opportunity', 'ClosingThisMonth'),
    },
    {
        token: 'OPPORTUNITY.CLOSE_DATE',
        role: 'filterField',
        object: 'Opportunity',
        kind: 'date',
        citation: dreamhouse('Opportunity', 'ClosingThisMonth'),
    },
    {
        token: 'OPPORTUNITY.CREATED_DATE',
        role: 'filterField',
        object: 'Opportunity',
        kind: 'date',
        citation: dreamhouse('Opportunity', 'NewThisWeek'),
    },
    {
        token: 'OPPORTUNITY.WON',
        role: 'filterField',
        object: 'Opportunity',
        kind: 'checkbox',
        citation: dreamhouse('Opportunity', 'Won'),
    },
    {
        token: 'DUE_DATE',
        role: 'filterField',
        object: 'Task',
        kind: 'date',
        citation: dreamhouse('Task', 'TodaysTasks'),
    },

    // Checkbox values as retrieved views write them (OPPORTUNITY.CLOSED 0 in ClosingThisMonth, 1 in Won).
    { token: '0', role: 'filterValue', kind: 'checkbox', citation: dreamhouse('Opportunity', 'ClosingThisMonth') },
    { token: '1', role: 'filterValue', kind: 'checkbox', citation: dreamhouse('Opportunity', 'Won') },
    // Date literals, each seen as a list view filter value on a date field.
    { token: 'THIS_QUARTER', role: 'filterValue', kind: 'date', citation: SIMILARWEB_THIS_QUARTER },
    { token: 'THIS_YEAR', role: 'filterValue', kind: 'date', citation: SOPRA_WON_THIS_YEAR },
    { token: 'THIS_MONTH', role: 'filterValue', kind: 'date', citation: dreamhouse('Opportunity', 'ClosingThisMonth') },
    { token: 'THIS_WEEK', role: 'filterValue', kind: 'date', citation: dreamhouse('Opportunity', 'NewThisWeek') },
    { token: 'TODAY', role: 'filterValue', kind: 'date', citation: dreamhouse('Lead', 'TodaysLeads') },
];

/** The citation of a token in a role (for columns and filter fields, on that object), if there is one. */
export function citationOf(
    role: ListViewTokenRole,
    token: string,
    object?: string,
    kind?: FilterKind,
): ListViewTokenCitation | undefined {
    return LIST_VIEW_CITATIONS.find(
        (entry) =>
            entry.role === role &&
            entry.token === token &&
            (role === 'column' || role === 'filterField' ? entry.object === object : true) &&
            (role === 'filterValue' ? entry.kind === kind : true),
    );
}

/** Cited columns and filter fields per object. */
export function citedTokensByObject(): Record<string, string[]> {
    const byObject: Record<string, string[]> = {};
    for (const entry of LIST_VIEW_CITATIONS) {
        if (!entry.object) continue;
        const tokens = (byObject[entry.object] ??= []);
        if (!tokens.includes(entry.token)) tokens.push(entry.token);
    }
    return byObject;
}
