/**
 * The rows a board ranks and the sets of owners kpiResults computes values over: each rep (their own group), each
 * team (its members), everyone (the total) and, for movement, the members of a row who existed in the comparison
 * window. Prepared once per answer and read once by kpiResults: readBoardResponses does it when the answer is
 * complete (its strict verdict on the KPI subqueries is kpiResults' own reading), buildBoard ranks from it.
 */
import { startOfDayMs } from 'c/kpiPeriods';
import { readResults } from 'c/kpiResults';
import type { GroupSets, KpiResult } from 'c/kpiResults';
import type { BoardUser } from './boardData';
import type { BoardPlan } from './boardDocument';

/** Set names beside the rows' keys (User, manager or role Ids): everyone, and a row's members who existed then. */
export const EVERYONE = '\u0000everyone';
export const PRESENT = '\u0000present:';
export const NOBODY = '\u0000nobody';

export interface Entity {
    key: string;
    kind: 'rep' | 'team';
    name: string | null;
    userId: string | null;
    members: BoardUser[];
    /** Some members were created after the comparison window ended (their PRESENT set is the others). */
    partlyNew: boolean;
    /** No member existed in the comparison window: the row was not there to be ranked. */
    allNew: boolean;
}

export interface BoardRowSets {
    /** The ranked users: every user, or only the owners of the KPI's records where those were read apart (Task). */
    users: BoardUser[];
    /** Reps or teams, in name order (ties keep it). */
    entities: Entity[];
    /** The sets each KPI is computed over, by KPI id (request key). */
    sets: GroupSets;
}

// One collator for every comparison: localeCompare builds its comparison state on each call.
const COLLATOR = new Intl.Collator();
const NO_NAME = '\uffff';

/**
 * Entities in name order, then key order, as the collator orders them. The collator is slow per comparison (most
 * of ranking 2,000 reps), so the entities are first put in code-unit order of their names, which is close to it,
 * and then sorted by the collator: the sort finds them nearly in order and compares each with few others (about
 * 2,000 comparisons instead of 20,000). The result is the collator's order either way: keys are unique, so no two
 * entities compare equal.
 */
function byName(entities: Entity[]): Entity[] {
    const names = entities.map((entity) => entity.name ?? NO_NAME);
    const keys = entities.map((entity) => entity.key);
    const order = entities.map((_, index) => index);
    order.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : COLLATOR.compare(keys[a], keys[b])));
    order.sort((a, b) => COLLATOR.compare(names[a], names[b]) || COLLATOR.compare(keys[a], keys[b]));
    return order.map((index) => entities[index]);
}

function entitiesOf(plan: BoardPlan, users: BoardUser[], isNew: (user: BoardUser) => boolean): Entity[] {
    const grouping = plan.config.groupBy;
    const entities: Entity[] = [];
    if (grouping === 'rep') {
        for (const user of users) {
            const created = isNew(user);
            entities.push({
                key: user.id,
                kind: 'rep',
                name: user.name,
                userId: user.id,
                members: [user],
                partlyNew: created,
                allNew: created,
            });
        }
        return byName(entities);
    }
    const teams = new Map<string, Entity>();
    for (const user of users) {
        const id = grouping === 'manager' ? user.managerId : user.roleId;
        const key = id ?? 'none';
        let team = teams.get(key);
        if (!team) {
            const name = grouping === 'manager' ? user.managerName : user.roleName;
            team = {
                key,
                kind: 'team',
                name: id ? (name ?? id) : null,
                userId: grouping === 'manager' ? id : null,
                members: [],
                partlyNew: false,
                allNew: true,
            };
            teams.set(key, team);
            entities.push(team);
        }
        team.members.push(user);
        if (isNew(user)) team.partlyNew = true;
        else team.allNew = false;
    }
    return byName(entities);
}

/** The rows and the sets of owners for one answer's users. */
export function boardRowSets(plan: BoardPlan, allUsers: BoardUser[], owners: Set<string> | null): BoardRowSets {
    const users = owners ? allUsers.filter((user) => owners.has(user.id)) : allUsers;
    // Users created after the comparison window ended were not there to be ranked then.
    // Without a comparison nobody is new: there is no earlier ranking to be absent from.
    const createdBy = plan.comparisonWindow ? startOfDayMs(plan.comparisonWindow.end, plan.calendar.timeZone) : null;
    const isNew = (user: BoardUser) =>
        createdBy !== null && Boolean(user.createdDate) && !(Date.parse(user.createdDate!) < createdBy);
    const entities = entitiesOf(plan, users, isNew);
    // A rep's row is their own group; only teams, everyone and "members who existed then" need a set of owners.
    const teams: Record<string, string[]> = { [NOBODY]: [] };
    const main: Record<string, string[]> = { [EVERYONE]: users.map((user) => user.id), [NOBODY]: [] };
    for (const entity of entities) {
        if (entity.kind === 'team') {
            const ids = entity.members.map((member) => member.id);
            teams[entity.key] = ids;
            main[entity.key] = ids;
        }
        if (entity.partlyNew) {
            main[PRESENT + entity.key] = entity.members.filter((member) => !isNew(member)).map((member) => member.id);
        }
    }
    // Secondary KPIs show a row's value only: no total, no members then.
    const mainId = plan.config.kpi.id;
    const sets: GroupSets = Object.fromEntries(plan.kpis.map((kpi) => [kpi.id, kpi.id === mainId ? main : teams]));
    return { users, entities, sets };
}

export interface BoardReading {
    rowSets: BoardRowSets;
    results: Record<string, KpiResult>;
}

/** kpiResults over the board's sets: every value of every row, team and the total, from one reading of the answer. */
export function readBoardResults(
    plan: BoardPlan,
    rowSets: BoardRowSets,
    answer: { data: unknown; errors: unknown[] },
): Record<string, KpiResult> {
    return readResults(plan.kpiPlan, answer.data, answer.errors, 0, rowSets.sets);
}

/** What readBoardResponses read for a BoardData, when it was complete: buildBoard ranks from it without reading again. */
const READINGS = new WeakMap<object, BoardReading>();

export function rememberReading(data: object, reading: BoardReading): void {
    READINGS.set(data, reading);
}

export function readingOf(data: object): BoardReading | undefined {
    return READINGS.get(data);
}
