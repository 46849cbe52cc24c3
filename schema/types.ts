/**
 * How the project describes a Salesforce object it queries: the one source from which the UI API GraphQL schema slice
 * is generated (offline validation and the preview engine) and against which the sample org is generated.
 */

/** Salesforce field data types, as named in the object reference, that the package meets. */
export type FieldType =
    | 'Id'
    | 'Reference'
    | 'String'
    | 'TextArea'
    | 'Email'
    | 'Phone'
    | 'Url'
    | 'Picklist'
    | 'MultiPicklist'
    | 'Boolean'
    | 'Int'
    | 'Double'
    | 'Currency'
    | 'Percent'
    | 'Date'
    | 'DateTime';

export interface FieldDescription {
    /** API name, e.g. `CloseDate` or `Loss_Reason__c`. */
    name: string;
    type: FieldType;
    label: string;
    /** For `Reference` fields: the relationship name used in queries (`Owner` for `OwnerId`). */
    relationshipName?: string;
    /** For `Reference` fields: the object(s) it points to (more than one = polymorphic, e.g. Task.WhoId). */
    referenceTo?: string[];
    /** For `Reference` fields: the child relationship it adds to each referenced object (`Opportunities` for Opportunity.AccountId). */
    childRelationshipName?: string;
    /** For picklists: the values the sample org and the preview use. */
    picklistValues?: string[];
    /** Can appear in `where` (false for long text areas, for example). Default true. */
    filterable?: boolean;
    /** Can appear in `orderBy`. Default true. */
    sortable?: boolean;
    /** Can appear in `groupBy`. Default: true except Double/Currency/Percent/TextArea/DateTime. */
    groupable?: boolean;
    /** A custom field (ends in `__c`); only the sample org has these. */
    custom?: boolean;
}

export interface ObjectDescription {
    apiName: string;
    label: string;
    pluralLabel: string;
    /** The Salesforce object reference (or GraphQL docs) page the description was written from. */
    docUrl: string;
    fields: FieldDescription[];
}
