import { lookup } from './fields';
import type { FieldDescription, ObjectDescription } from './types';

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
        lookup('CreatedBy', 'Created By ID', { to: ['User'] }),
    ];
    const modified: FieldDescription[] = options.lastModified
        ? [
              { name: 'LastModifiedDate', type: 'DateTime', label: 'Last Modified Date' },
              lookup('LastModifiedBy', 'Last Modified By ID', { to: ['User'] }),
          ]
        : [];
    return [...created, ...modified, { name: 'SystemModstamp', type: 'DateTime', label: 'System Modstamp' }];
}

/** OwnerId: a user, or also a queue (Group) on objects whose records sit in queues (Lead, Case). */
export function ownerField(options: { label?: string; queues?: boolean } = {}): FieldDescription {
    return lookup('Owner', options.label ?? 'Owner ID', { to: options.queues ? ['User', 'Group'] : ['User'] });
}

/** The record name; `Name` is its label on most objects. */
export function nameField(label = 'Name'): FieldDescription {
    return { name: 'Name', type: 'String', label };
}

/** A person's name fields as Contact and Lead list them: first, last, then the compound full name. */
export function personNameFields(): FieldDescription[] {
    return [
        { name: 'FirstName', type: 'String', label: 'First Name' },
        { name: 'LastName', type: 'String', label: 'Last Name' },
        nameField('Full Name'),
    ];
}

/** The object reference page of a standard object. */
export function objectReferenceUrl(apiName: string): string {
    return `https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_${apiName.toLowerCase()}.htm`;
}

/**
 * A standard object written from its object reference page: the Id first, then the object's own fields, then the
 * audit fields (without the LastModified pair when `lastModified` is false).
 */
export function standardObject(
    object: Pick<ObjectDescription, 'apiName' | 'label' | 'pluralLabel'> & { idLabel: string; lastModified?: boolean },
    fields: FieldDescription[],
): ObjectDescription {
    return {
        apiName: object.apiName,
        label: object.label,
        pluralLabel: object.pluralLabel,
        docUrl: objectReferenceUrl(object.apiName),
        fields: [idField(object.idLabel), ...fields, ...auditFields({ lastModified: object.lastModified ?? true })],
    };
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
