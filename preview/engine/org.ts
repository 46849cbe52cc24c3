/**
 * The shape of the sample org the engine reads: the part of preview/sample-org's `SampleOrg` it needs. Structural,
 * so the generated org and the small hand-built fixtures of the tests both fit.
 */

export type FieldScalar = string | number | boolean | null;

export interface SObjectRecord {
    Id: string;
    [field: string]: FieldScalar | undefined;
}

export interface EngineOrgSettings {
    /** Month (1-12) the fiscal year starts in (Organization.FiscalYearStartMonth). */
    fiscalYearStartMonth: number;
    /** Setup > Fiscal Year "Fiscal Year is Based On"; Salesforce's default names a fiscal year by its ending month. */
    fiscalYearNameBasedOn?: 'startingMonth' | 'endingMonth';
    /** Organization.UsesStartDateAsFiscalYearName, the same setting as a boolean (wins when both are given). */
    usesStartDateAsFiscalYearName?: boolean;
    /** ISO 4217 corporate currency; every amount in a single-currency org is in it. */
    corporateCurrency?: string;
    /** The same, under Organization's field name (either one is enough). */
    currencyIsoCode?: string;
    /** Multi-currency orgs: units of each currency per one unit of the corporate currency. */
    currencyRates?: Record<string, number>;
    /** When the org was generated: "now" for date literals unless the viewer brings one. */
    now?: string | Date;
}

export interface EngineOrg {
    org: EngineOrgSettings;
    records: Record<string, SObjectRecord[]>;
    byId?: Map<string, SObjectRecord>;
}
