/** The sample org's users as the preview bar lists them, grouped by what they do. */
import type { PreviewUser } from '../client/context';
import type { UserKind } from '../pages/types';

type Records = Record<string, { Id: string; [field: string]: unknown }[]>;

/** What a user does, from their role (and the admin profile); the sample org names roles after the job. */
export function classifyUser(roleName: string | undefined, profileName: string | undefined): PreviewUser['kind'] {
    if (profileName === 'System Administrator') return 'admin';
    if (!roleName) return 'other';
    if (/^Sales Rep\b/.test(roleName)) return 'rep';
    if (/^(Sales Manager\b|VP Sales$)/.test(roleName)) return 'salesManager';
    if (/^Support Agent\b/.test(roleName)) return 'serviceAgent';
    if (/^(Support Manager\b|VP Customer Support$)/.test(roleName)) return 'serviceManager';
    return 'other';
}

const KIND_ORDER: PreviewUser['kind'][] = ['rep', 'salesManager', 'serviceAgent', 'serviceManager', 'admin', 'other'];

export function previewUsers(records: Records): PreviewUser[] {
    const names = (object: string) =>
        new Map((records[object] ?? []).map((record) => [record.Id, String(record.Name ?? record.Id)]));
    const roles = names('UserRole');
    const profiles = names('Profile');
    return (records.User ?? [])
        .map((user) => {
            const role = typeof user.UserRoleId === 'string' ? roles.get(user.UserRoleId) : undefined;
            const profile = typeof user.ProfileId === 'string' ? (profiles.get(user.ProfileId) ?? '') : '';
            return {
                id: user.Id,
                name: String(user.Name ?? user.Id),
                kind: classifyUser(role, profile),
                profile,
                role,
                isActive: user.IsActive !== false,
            };
        })
        .sort(
            (a, b) =>
                KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
                Number(b.isActive) - Number(a.isActive) ||
                a.name.localeCompare(b.name),
        );
}

/** The sample org's persona for each kind of page audience (see preview/sample-org `Personas`). */
export function personaFor(
    kind: UserKind,
    personas: { salesRep: string; salesManager: string; serviceAgent: string; serviceManager: string; admin: string },
): string {
    const byKind: Record<UserKind, string> = {
        rep: personas.salesRep,
        salesManager: personas.salesManager,
        serviceAgent: personas.serviceAgent,
        serviceManager: personas.serviceManager,
        admin: personas.admin,
    };
    return byKind[kind];
}
