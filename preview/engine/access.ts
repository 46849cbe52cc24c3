/**
 * Access as the viewer: the preview's sharing model and field-level security, as data in one place so the preview can
 * show it and tests can assert it. A deliberately small model of Salesforce's (no sharing rules, teams or territories):
 * - private objects: a user sees records they own; a manager also sees records owned by everyone whose ManagerId chain
 *   leads to them (Salesforce's role hierarchy, approximated by the manager chain);
 * - public objects (reference data) are visible to everyone; detail objects follow their parent record;
 * - a "View All Data" profile (the admin) sees everything;
 * - field-level security hides fields per profile; a hidden field is absent from that viewer's schema.
 */
import type { Tables } from './tables';
import type { SObjectRecord } from './org';

export interface AccessModel {
    /** Profiles with "View All Data": every record of every object. */
    viewAllDataProfiles: string[];
    /** Objects whose records every user can read (org-wide default Public Read Only, or reference data). */
    publicObjects: string[];
    /** Detail objects whose records are visible when the parent is (object → the field holding the parent Id). */
    controlledByParent: Record<string, string>;
    /** Per profile: objects the profile cannot read at all (absent from its schema). */
    hiddenObjects: Record<string, string[]>;
    /** Per profile: fields hidden by field-level security, as `Object.Field`. */
    hiddenFields: Record<string, string[]>;
    /** Profile assumed for a user whose profile cannot be resolved. */
    defaultProfile: string;
}

// Sharing follows help.salesforce.com "Control Who Sees What" (org-wide defaults, role hierarchy, View All Data).
export const defaultAccessModel: AccessModel = {
    viewAllDataProfiles: ['System Administrator'],
    publicObjects: ['User', 'Profile', 'UserRole', 'Group', 'Account', 'Contact', 'Campaign'],
    controlledByParent: {
        OpportunityHistory: 'OpportunityId',
        OpportunityFieldHistory: 'OpportunityId',
        CaseHistory: 'CaseId',
        CampaignMember: 'CampaignId',
    },
    hiddenObjects: {},
    // Profile names as the sample org assigns them (preview/sample-org/values.ts PROFILES).
    hiddenFields: {
        'Custom: Sales Profile': ['Case.CSAT__c', 'Case.NPS__c'],
        'Custom: Support Profile': ['Opportunity.Loss_Reason__c'],
        'Custom: Marketing Profile': ['Opportunity.Loss_Reason__c', 'Case.CSAT__c', 'Case.NPS__c'],
    },
    defaultProfile: 'Standard User',
};

/** What one viewer may see, computed once per (engine, user). */
export interface ViewerAccess {
    userId: string;
    profile: string;
    viewAll: boolean;
    /** The viewer and every user whose manager chain leads to the viewer. */
    team: Set<string>;
    isObjectHidden(object: string): boolean;
    isFieldHidden(object: string, field: string): boolean;
    /** Whether the viewer can read this record of this object. */
    canRead(object: string, record: SObjectRecord): boolean;
    /** Reference data everyone reads. */
    isPublicObject(object: string): boolean;
    /** For a detail object whose access follows its parent record: the field holding the parent Id. */
    parentFieldOf(object: string): string | undefined;
    /** Whether an owner Id is a queue (a Group); the preview has no queue membership, so queue records are shared. */
    isQueue(ownerId: string): boolean;
}

/** The profile name of a user record: Profile.Name through ProfileId, or a ProfileName/Profile text field. */
export function profileNameOf(user: SObjectRecord, tables: Tables, model: AccessModel): string {
    const viaId = tables.locate(user.ProfileId, ['Profile']);
    const name = viaId?.table.rows[viaId.row].Name;
    if (typeof name === 'string') return name;
    for (const key of ['ProfileName', 'Profile']) {
        const v = user[key];
        if (typeof v === 'string') return v;
    }
    return model.defaultProfile;
}

/** Users reporting to `userId` directly or through their managers, plus the user. */
export function teamOf(userId: string, users: readonly SObjectRecord[]): Set<string> {
    const reports = new Map<string, string[]>();
    for (const u of users) {
        const manager = u.ManagerId;
        if (typeof manager !== 'string') continue;
        let list = reports.get(manager);
        if (!list) reports.set(manager, (list = []));
        list.push(u.Id);
    }
    const team = new Set([userId]);
    const queue = [userId];
    while (queue.length) {
        for (const r of reports.get(queue.pop() as string) ?? []) {
            if (!team.has(r)) {
                team.add(r);
                queue.push(r);
            }
        }
    }
    return team;
}

/** Checks the model against the objects and fields the engine knows, so a typo fails loudly. */
export function checkAccessModel(model: AccessModel, fieldExists: (object: string, field: string) => boolean): void {
    for (const [profile, fields] of Object.entries(model.hiddenFields)) {
        for (const qualified of fields) {
            const [object, field] = qualified.split('.');
            if (!object || !field || !fieldExists(object, field)) {
                throw new RangeError(`access model hiddenFields["${profile}"]: no field ${qualified} in the schema`);
            }
        }
    }
}

export function viewerAccess(userId: string, tables: Tables, model: AccessModel): ViewerAccess {
    const userTable = tables.get('User');
    const userRow = userTable?.rowOf.get(userId);
    if (!userTable || userRow === undefined) throw new RangeError(`viewer.userId: no User record with Id ${userId}`);
    const profile = profileNameOf(userTable.rows[userRow], tables, model);
    const viewAll = model.viewAllDataProfiles.includes(profile);
    const team = teamOf(userId, userTable.rows);
    const hiddenObjects = new Set(model.hiddenObjects[profile] ?? []);
    const hiddenFields = new Set(model.hiddenFields[profile] ?? []);
    const publicObjects = new Set(model.publicObjects);

    const canRead = (object: string, record: SObjectRecord, depth = 0): boolean => {
        if (viewAll || publicObjects.has(object)) return true;
        const parentField = model.controlledByParent[object];
        if (parentField) {
            const table = tables.get(object);
            const parentDesc = table?.info.fields.get(parentField);
            const parent = tables.locate(record[parentField], parentDesc?.referenceTo);
            return (
                !!parent && depth < 4 && canRead(parent.table.info.apiName, parent.table.rows[parent.row], depth + 1)
            );
        }
        const owner = record.OwnerId;
        // Objects without an owner and not listed as detail objects have nothing to share by: readable.
        if (owner === undefined) return true;
        return typeof owner === 'string' && (team.has(owner) || isQueue(owner));
    };
    const groups = tables.get('Group');
    const isQueue = (ownerId: string) => !!groups?.rowOf.has(ownerId);

    return {
        userId,
        profile,
        viewAll,
        team,
        isObjectHidden: (object) => hiddenObjects.has(object),
        isFieldHidden: (object, field) => hiddenFields.has(`${object}.${field}`),
        canRead: (object, record) => canRead(object, record),
        isPublicObject: (object) => publicObjects.has(object),
        parentFieldOf: (object) => model.controlledByParent[object],
        isQueue,
    };
}
