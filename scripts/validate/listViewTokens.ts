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

/** Retrieved list views: Salesforce's default views (note the `ENCODED:{!FilterNames…}` labels) and orgs' own. */
const DREAMHOUSE = { repo: 'trailheadapps/dreamhouse-lwc', commit: 'c38d8e657da84195ae145a5a91d5934ec145399f' };
const dreamhouse = (object: string, view: string): ListViewCitation => ({
    ...DREAMHOUSE,
    path: `force-app/main/default/objects/${object}/listViews/${view}.listView-meta.xml`,
    view: `${object}.${view}`,
});
const SOPRA_ALL: ListViewCitation = {
    repo: 'sopra-steria-salesforce/platform-ui',
    path: 'force-app/main/default/objects/Opportunity/listViews/All.listView-meta.xml',
    commit: 'abcac44e6a57b0308e7bdb0522c7c1a11b6f61c0',
    view: 'Opportunity.All',
};
const SOPRA_WON_THIS_YEAR: ListViewCitation = {
    repo: 'sopra-steria-salesforce/platform-ui',
    path: 'force-app/main/default/objects/Opportunity/listViews/Opportunities_Won_this_Year_DK.listView-meta.xml',
    commit: 'abcac44e6a57b0308e7bdb0522c7c1a11b6f61c0',
    view: 'Opportunity.Opportunities_Won_this_Year_DK (OPPORTUNITY.CLOSE_DATE equals THIS_YEAR)',
};
const SIMILARWEB_THIS_QUARTER: ListViewCitation = {
    repo: 'similarweb/salesforce',
    path: 'force-app/main/default/objects/Opportunity/listViews/My_Opportunities_Closing_This_Quarter.listView-meta.xml',
    commit: 'e6c01e6dc3b714032d418f346a6965638b646d81',
    view: 'Opportunity.My_Opportunities_Closing_This_Quarter (OPPORTUNITY.CLOSE_DATE equals THIS_QUARTER)',
};
const EBIKES_ACCOUNTS: ListViewCitation = {
    repo: 'trailheadapps/ebikes-lwc',
    path: 'force-app/main/default/objects/Account/listViews/NewThisWeek.listView-meta.xml',
    commit: '4b813e93f0a65fad1e51a8a85af0754a7401f47a',
    view: 'Account.NewThisWeek',
};
const GUMGUM_CAMPAIGNS: ListViewCitation = {
    repo: 'radix2tech/GumGum',
    path: 'force-app/main/default/objects/Campaign/listViews/AllCampaigns.listView-meta.xml',
    commit: '1fa315a67ada04dc5b9c2fb650d9f2913969956f',
    view: 'Campaign.AllCampaigns',
};

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
