import type { FieldDescription } from './types';

/**
 * Builders for the field kinds the object files repeat, so each description states only what differs: the API name,
 * the label and, for references and picklists, what the field points to or holds.
 */

/**
 * A lookup `<relationshipName>Id` reached in queries as `<relationshipName>`. It points to the object named like the
 * relationship unless `to` says otherwise (`Owner` points to User); `child` is the child relationship it adds to each
 * object it points to (`Contacts` for Contact.AccountId).
 */
export function lookup(
    relationshipName: string,
    label: string,
    options: { to?: string[]; child?: string } = {},
): FieldDescription {
    const field: FieldDescription = {
        name: `${relationshipName}Id`,
        type: 'Reference',
        label,
        referenceTo: options.to ?? [relationshipName],
        relationshipName,
    };
    if (options.child) field.childRelationshipName = options.child;
    return field;
}

/** A picklist with the values the sample org and the preview use (copied, so no two fields share one array). */
export function picklist(name: string, label: string, values: readonly string[]): FieldDescription {
    return { name, type: 'Picklist', label, picklistValues: [...values] };
}
