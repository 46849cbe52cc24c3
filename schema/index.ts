import type { FieldDescription, ObjectDescription } from './types';
import { Account } from './objects/Account';
import { Campaign } from './objects/Campaign';
import { CampaignMember } from './objects/CampaignMember';
import { Case } from './objects/Case';
import { Contact } from './objects/Contact';
import { Group } from './objects/Group';
import { Lead } from './objects/Lead';
import { Opportunity } from './objects/Opportunity';
import { OpportunityHistory } from './objects/OpportunityHistory';
import { Profile } from './objects/Profile';
import { Task } from './objects/Task';
import { User } from './objects/User';
import { UserRole } from './objects/UserRole';

export type { FieldDescription, FieldType, ObjectDescription } from './types';

/** Every object the package queries: the one list the UI API schema slice, the preview and the sample org read. */
export const objectDescriptions: ObjectDescription[] = [
    User,
    UserRole,
    Profile,
    Group,
    Account,
    Contact,
    Lead,
    Campaign,
    CampaignMember,
    Opportunity,
    OpportunityHistory,
    Task,
    Case,
];

export function findObjectDescription(
    apiName: string,
    descriptions: readonly ObjectDescription[] = objectDescriptions,
): ObjectDescription | undefined {
    return descriptions.find((description) => description.apiName === apiName);
}

/** Like findObjectDescription, but an unknown name is a programming error worth a clear message. */
export function getObjectDescription(
    apiName: string,
    descriptions: readonly ObjectDescription[] = objectDescriptions,
): ObjectDescription {
    const description = findObjectDescription(apiName, descriptions);
    if (!description) {
        const known = descriptions.map((d) => d.apiName).join(', ');
        throw new Error(`No object description for "${apiName}" in schema/objects (known: ${known})`);
    }
    return description;
}

export function findField(description: ObjectDescription, fieldName: string): FieldDescription | undefined {
    return description.fields.find((field) => field.name === fieldName);
}

export function getField(objectApiName: string, fieldName: string): FieldDescription {
    const description = getObjectDescription(objectApiName);
    const field = findField(description, fieldName);
    if (!field) {
        throw new Error(`schema/objects/${objectApiName}.ts has no field "${fieldName}"`);
    }
    return field;
}

/** The sample-org fields (`custom: true`) of every object, for the sample-app metadata writer. */
export function customFields(
    descriptions: readonly ObjectDescription[] = objectDescriptions,
): { object: ObjectDescription; field: FieldDescription }[] {
    return descriptions.flatMap((object) =>
        object.fields.filter((field) => field.custom).map((field) => ({ object, field })),
    );
}

export function isFilterable(field: FieldDescription): boolean {
    return field.filterable ?? true;
}

export function isSortable(field: FieldDescription): boolean {
    return field.sortable ?? true;
}

const notGroupableByDefault = new Set(['Double', 'Currency', 'Percent', 'TextArea', 'DateTime']);

/** Can appear in `groupBy` by its own value (DateTime only through a date function, see GroupByFunction). */
export function isGroupable(field: FieldDescription): boolean {
    return field.groupable ?? !notGroupableByDefault.has(field.type);
}

export function isPolymorphic(field: FieldDescription): boolean {
    return (field.referenceTo?.length ?? 0) > 1;
}

/**
 * Problems that would make the generated schema wrong or ambiguous, each naming the object file and field.
 * An empty list means the descriptions are consistent.
 */
export function describeProblems(descriptions: readonly ObjectDescription[] = objectDescriptions): string[] {
    const problems: string[] = [];
    const apiNames = new Set<string>();
    const childNames = new Map<string, string>();
    for (const object of descriptions) {
        const where = `schema/objects/${object.apiName}.ts`;
        if (apiNames.has(object.apiName)) problems.push(`${where}: object "${object.apiName}" is described twice`);
        apiNames.add(object.apiName);
        if (!/^https:\/\//.test(object.docUrl)) problems.push(`${where}: docUrl must cite an https page`);
        if (!object.fields.some((field) => field.name === 'Id' && field.type === 'Id')) {
            problems.push(`${where}: missing the Id field (type "Id")`);
        }
        const names = new Set<string>();
        for (const field of object.fields) {
            const at = `${where}: field "${field.name}"`;
            if (names.has(field.name)) problems.push(`${at} is listed twice`);
            names.add(field.name);
            if (field.name.endsWith('__c') !== Boolean(field.custom)) {
                problems.push(`${at}: custom must be true exactly when the name ends in __c`);
            }
            if (field.type === 'Picklist' || field.type === 'MultiPicklist') {
                if (!field.picklistValues?.length) problems.push(`${at}: a picklist needs picklistValues`);
            }
            if (field.type !== 'Reference') {
                if (field.referenceTo || field.relationshipName || field.childRelationshipName) {
                    problems.push(`${at}: referenceTo/relationshipName only apply to Reference fields`);
                }
                continue;
            }
            if (!field.referenceTo?.length) problems.push(`${at}: a Reference field needs referenceTo`);
            if (field.childRelationshipName && !field.relationshipName) {
                problems.push(`${at}: childRelationshipName needs a relationshipName`);
            }
            for (const target of field.referenceTo ?? []) {
                if (!descriptions.some((d) => d.apiName === target)) {
                    problems.push(`${at} refers to "${target}", which has no file in schema/objects`);
                }
                if (field.childRelationshipName) {
                    const key = `${target}.${field.childRelationshipName}`;
                    const previous = childNames.get(key);
                    if (previous) problems.push(`${at}: child relationship ${key} is also added by ${previous}`);
                    childNames.set(key, `${object.apiName}.${field.name}`);
                }
            }
        }
        for (const field of object.fields) {
            if (field.relationshipName && names.has(field.relationshipName)) {
                problems.push(`${where}: relationship "${field.relationshipName}" collides with a field name`);
            }
        }
    }
    for (const [key, source] of childNames) {
        const [target, child] = key.split('.');
        const targetObject = descriptions.find((d) => d.apiName === target);
        if (targetObject?.fields.some((field) => field.name === child || field.relationshipName === child)) {
            problems.push(`child relationship ${key} (from ${source}) collides with a field of ${target}`);
        }
    }
    return problems;
}
