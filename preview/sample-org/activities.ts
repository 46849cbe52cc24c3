import { byCreation, countAtMost, creationOrder, GenerationContext, stamp, STREAM } from './context';
import type { SObjectRecord } from './model';
import { EMAIL_TOPICS, TODO_SUBJECTS } from './names';
import type { People, Person } from './people';
import { Random, WeightedValues } from './random';
import { salesDayWeight, type ContactInfo, type SalesGenerator } from './sales';

export interface TaskFields {
    subject: string;
    subtype: 'Task' | 'Email' | 'Call';
    type: string;
    callType: string | null;
    status: string;
    priority: string;
    activityDay: number;
    owner: Person;
    whoId: string | null;
    whatId: string | null;
    callDurationInSeconds: number | null;
    createdMs: number;
    modifiedMs: number;
}

/** Adds a Task; IsClosed follows Status (only Completed is a closed status in a new org). */
export function addTask(context: GenerationContext, fields: TaskFields): SObjectRecord {
    const record: SObjectRecord = {
        Id: context.newId('Task'),
        Subject: fields.subject,
        TaskSubtype: fields.subtype,
        Type: fields.type,
        CallType: fields.callType,
        Status: fields.status,
        Priority: fields.priority,
        ActivityDate: context.date(fields.activityDay),
        OwnerId: fields.owner.id,
        WhoId: fields.whoId,
        WhatId: fields.whatId,
        CallDurationInSeconds: fields.callDurationInSeconds,
        IsClosed: fields.status === 'Completed',
    };
    return context.add(
        'Task',
        stamp(context, record, fields.createdMs, fields.owner.id, fields.modifiedMs, fields.owner.id),
    );
}

const EMAIL_SUBJECTS = EMAIL_TOPICS.map((topic) => `Email: ${topic}`);

const callTypes = new WeightedValues<string>([
    ['Outbound', 80],
    ['Inbound', 14],
    ['Internal', 6],
]);
const priorities = new WeightedValues<string>([
    ['High', 20],
    ['Normal', 65],
    ['Low', 15],
]);

/** Seconds of a logged call: some unanswered, most a few minutes. */
export function callDuration(random: Random): number {
    return random.chance(0.2) ? random.int(0, 30) : Math.min(3600, Math.round(random.logNormal(240, 0.8)));
}

interface ByTime<T> {
    times: number[];
    items: T[];
}

function indexByOwner<T extends { owner: Person; createdMs: number }>(items: readonly T[]): Map<Person, ByTime<T>> {
    const index = new Map<Person, ByTime<T>>();
    for (const item of items) {
        let entry = index.get(item.owner);
        if (!entry) index.set(item.owner, (entry = { times: [], items: [] }));
        entry.times.push(item.createdMs);
        entry.items.push(item);
    }
    return index;
}

function pickBefore<T>(random: Random, entry: ByTime<T> | undefined, ms: number): T | undefined {
    if (!entry) return undefined;
    const available = countAtMost(entry.times, ms);
    return available === 0 ? undefined : entry.items[random.int(0, available - 1)];
}

/** One of the account's contacts that existed at `ms`, uniformly, without building a list (reservoir sampling). */
function pickKnownContact(random: Random, contacts: readonly ContactInfo[], ms: number): string | null {
    let chosen: string | null = null;
    let seen = 0;
    for (const contact of contacts) {
        if (contact.createdMs > ms) continue;
        seen++;
        if (random.next() * seen < 1) chosen = contact.record.Id;
    }
    return chosen;
}

/**
 * Days of activity a query can still read: Salesforce archives closed tasks due more than 365 days ago and the UI API
 * does not return archived activities, so the sample org keeps the last 365 days of tasks (an older history would be
 * records no tile can count).
 */
export const ACTIVITY_DAYS = 365;

/** First day whose tasks are not archived. */
export function firstActivityDay(context: GenerationContext): number {
    return Math.max(context.start, context.today - ACTIVITY_DAYS + 1);
}

/**
 * Sales activity of the last ACTIVITY_DAYS: emails, calls and to-dos of reps on working days, about their leads, deals
 * and contacts.
 */
export function generateSalesTasks(
    context: GenerationContext,
    people: People,
    sales: SalesGenerator,
    count: number,
): void {
    const random = context.random(STREAM.tasks);
    const { today } = context;
    const dayPicker = context.dayPicker(firstActivityDay(context), today, (day) => salesDayWeight(context, day));
    const leadsByOwner = indexByOwner(sales.leads);
    const opportunitiesByOwner = indexByOwner(sales.opportunities);
    const contacts = byCreation(sales.contacts);
    const contactTimes = Float64Array.from(contacts, (contact) => contact.createdMs);

    // Parallel arrays rather than an object per task: at a million records the short-lived objects cost more in
    // garbage collection than the work they hold.
    const days = new Int32Array(count);
    const owners = new Array<Person>(count);
    const created = new Float64Array(count);
    const kinds = new Float64Array(count);
    for (let i = 0; i < count; i++) {
        const day = (days[i] = dayPicker.pick(random));
        owners[i] = people.pickWorkingRep(random, day);
        created[i] = context.workTime(random, day);
        kinds[i] = random.next();
    }

    for (const i of creationOrder(created)) {
        const day = days[i];
        const owner = owners[i];
        const createdMs = created[i];
        const kind = kinds[i];
        let whoId: string | null = null;
        let whatId: string | null = null;
        const target = random.next();
        if (target < 0.4) {
            whoId = pickBefore(random, leadsByOwner.get(owner), createdMs)?.record.Id ?? null;
        } else if (target < 0.7) {
            const deal = pickBefore(random, opportunitiesByOwner.get(owner), createdMs);
            if (deal) {
                whatId = deal.record.Id;
                whoId = pickKnownContact(random, deal.account.contacts, createdMs);
            }
        }
        if (whoId === null && whatId === null) {
            const available = countAtMost(contactTimes, createdMs);
            const contact: ContactInfo | undefined = available > 0 ? contacts[random.int(0, available - 1)] : undefined;
            whoId = contact?.record.Id ?? null;
            whatId = contact?.account.record.Id ?? null;
        }
        let subject: string;
        let subtype: TaskFields['subtype'];
        let type: string;
        let callType: string | null = null;
        let status = 'Completed';
        let priority = 'Normal';
        let activityDay = day;
        let modifiedMs = createdMs;
        let callDurationInSeconds: number | null = null;
        if (kind < 0.5) {
            subject = random.pick(EMAIL_SUBJECTS);
            subtype = 'Email';
            type = 'Email';
        } else if (kind < 0.94) {
            subject = 'Call';
            subtype = 'Call';
            type = 'Call';
            callType = callTypes.pick(random);
            callDurationInSeconds = callDuration(random);
        } else {
            activityDay = day + random.int(0, 14);
            if (activityDay >= owner.gapFrom && activityDay <= owner.gapTo) activityDay = owner.gapTo + 1;
            if (activityDay < today - 2) status = random.chance(0.9) ? 'Completed' : 'Deferred';
            else {
                const r = random.next();
                status = r < 0.6 ? 'Not Started' : r < 0.9 ? 'In Progress' : 'Waiting on someone else';
            }
            if (status === 'Completed') {
                modifiedMs = Math.max(createdMs, context.workTime(random, Math.min(activityDay, today)));
            }
            subject = random.pick(TODO_SUBJECTS);
            subtype = 'Task';
            type = random.chance(0.3) ? 'Meeting' : 'Other';
            priority = priorities.pick(random);
        }
        addTask(context, {
            subject,
            subtype,
            type,
            callType,
            status,
            priority,
            activityDay,
            owner,
            whoId,
            whatId,
            callDurationInSeconds,
            createdMs,
            modifiedMs,
        });
    }
}
