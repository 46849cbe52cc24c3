import type { FieldDescription } from './types';

/**
 * Fields every object in the package shares. Written from "System Fields" in the Object Reference:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm
 */
export const systemFieldsDocUrl =
    'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm';

/** The record ID; every queryable object has one. */
export function idField(label: string): FieldDescription {
    return { name: 'Id', type: 'Id', label };
}

/** CreatedDate/CreatedById always; the LastModified pair only where the object has it (history objects do not). */
export function auditFields(options: { lastModified: boolean } = { lastModified: true }): FieldDescription[] {
    const created: FieldDescription[] = [
        { name: 'CreatedDate', type: 'DateTime', label: 'Created Date' },
        {
            name: 'CreatedById',
            type: 'Reference',
            label: 'Created By ID',
            referenceTo: ['User'],
            relationshipName: 'CreatedBy',
        },
    ];
    const modified: FieldDescription[] = options.lastModified
        ? [
              { name: 'LastModifiedDate', type: 'DateTime', label: 'Last Modified Date' },
              {
                  name: 'LastModifiedById',
                  type: 'Reference',
                  label: 'Last Modified By ID',
                  referenceTo: ['User'],
                  relationshipName: 'LastModifiedBy',
              },
          ]
        : [];
    return [...created, ...modified, { name: 'SystemModstamp', type: 'DateTime', label: 'System Modstamp' }];
}

/** Standard Lead/Contact/Opportunity lead sources in a new org. */
export const leadSourceValues = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];

/** Standard Account/Lead industries in a new org. */
export const industryValues = [
    'Agriculture',
    'Apparel',
    'Banking',
    'Biotechnology',
    'Chemicals',
    'Communications',
    'Construction',
    'Consulting',
    'Education',
    'Electronics',
    'Energy',
    'Engineering',
    'Entertainment',
    'Environmental',
    'Finance',
    'Food & Beverage',
    'Government',
    'Healthcare',
    'Hospitality',
    'Insurance',
    'Machinery',
    'Manufacturing',
    'Media',
    'Not For Profit',
    'Recreation',
    'Retail',
    'Shipping',
    'Technology',
    'Telecommunications',
    'Transportation',
    'Utilities',
    'Other',
];
