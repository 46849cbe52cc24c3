import { clamp, GenerationContext, stamp, STREAM } from './context';
import type { SObjectRecord } from './model';
import { FIRST_NAMES, LAST_NAMES } from './names';
import type { Random } from './random';
import { WeightedPicker } from './random';
import { PROFILES } from './values';

export type PersonKind =
    'admin' | 'marketing' | 'salesVp' | 'salesManager' | 'rep' | 'serviceVp' | 'serviceManager' | 'agent';

/** A user plus what drives the records they create; only `record` is visible to the engine. */
export interface Person {
    kind: PersonKind;
    id: string;
    record: SObjectRecord;
    hireDay: number;
    /** First day no longer employed; Infinity while active. */
    leaveDay: number;
    /** A leave with no activity (inclusive days); gapFrom > gapTo when there is none. */
    gapFrom: number;
    gapTo: number;
    manager?: Person;
    region: Region;
    /** Reps: base win probability. Agents: how fast they resolve (lower is faster). */
    skill: number;
    /** Relative volume of work. */
    activity: number;
    /** Agents: the CSAT and NPS their customers tend to give. */
    csatMean: number;
    npsMean: number;
}

export interface Region {
    name: string;
    timeZone: string;
    countries: readonly string[];
}

const REGIONS: readonly Region[] = [
    { name: 'West', timeZone: 'America/Los_Angeles', countries: ['United States', 'United States', 'Canada'] },
    { name: 'East', timeZone: 'America/New_York', countries: ['United States', 'United States', 'Canada', 'Brazil'] },
    { name: 'EMEA', timeZone: 'Europe/London', countries: ['United Kingdom', 'Ireland', 'Netherlands', 'Spain'] },
    { name: 'APAC', timeZone: 'Asia/Tokyo', countries: ['Japan', 'Australia', 'Singapore', 'India'] },
    { name: 'Central Europe', timeZone: 'Europe/Paris', countries: ['France', 'Germany', 'Switzerland', 'Austria'] },
];
const HEADQUARTERS: Region = REGIONS[0];

export interface PeoplePlan {
    reps: number;
    salesManagers: number;
    agents: number;
    serviceManagers: number;
    marketing: number;
}

export interface People {
    all: Person[];
    admin: Person;
    marketing: Person[];
    salesVp: Person;
    salesManagers: Person[];
    reps: Person[];
    serviceVp: Person;
    serviceManagers: Person[];
    agents: Person[];
    /** The rep who took the previous calendar month off. */
    repOnLeave: Person;
    newRep: Person;
    inactiveRep: Person;
    topRep: Person;
    salesRep: Person;
    pickWorkingRep(random: Random, day: number): Person;
    /** A rep of the manager's team working on the day (any working rep when none of the team is). */
    pickWorkingRepOf(manager: Person, random: Random, day: number): Person;
    pickWorkingAgent(random: Random, day: number): Person;
}

export function isWorking(person: Person, day: number): boolean {
    return day >= person.hireDay && day < person.leaveDay && (day < person.gapFrom || day > person.gapTo);
}

/** Profiles, the role hierarchy and the users, with managers, hire and leave dates. */
export function generatePeople(context: GenerationContext, plan: PeoplePlan): People {
    const random = context.random(STREAM.people);
    const { start, today } = context;
    const orgBirth = start - 1600;
    const adminId = context.newId('User');

    const profileIds: Record<keyof typeof PROFILES, string> = {
        admin: '',
        manager: '',
        sales: '',
        support: '',
        marketing: '',
    };
    for (const key of Object.keys(PROFILES) as (keyof typeof PROFILES)[]) {
        const created = context.workTime(random, orgBirth);
        const record = stamp(
            context,
            { Id: context.newId('Profile'), Name: PROFILES[key] },
            created,
            adminId,
            created,
            adminId,
        );
        context.add('Profile', record);
        profileIds[key] = record.Id;
    }

    const regionCount = clamp(Math.ceil(plan.salesManagers / 3), 2, REGIONS.length);
    const regions = REGIONS.slice(0, regionCount);
    const roleIds = new Map<string, string>();
    const addRole = (name: string, parent: string | null): void => {
        const created = context.workTime(random, orgBirth + 1);
        const record: SObjectRecord = {
            Id: context.newId('UserRole'),
            Name: name,
            DeveloperName: name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
            ParentRoleId: parent === null ? null : roleIds.get(parent)!,
        };
        context.add('UserRole', stamp(context, record, created, adminId, created, adminId));
        roleIds.set(name, record.Id);
    };
    addRole('CEO', null);
    addRole('VP Sales', 'CEO');
    addRole('VP Customer Support', 'CEO');
    addRole('Marketing Manager', 'CEO');
    for (const region of regions) {
        addRole(`Sales Manager ${region.name}`, 'VP Sales');
        addRole(`Sales Rep ${region.name}`, `Sales Manager ${region.name}`);
    }
    addRole('Support Manager', 'VP Customer Support');
    addRole('Support Agent', 'Support Manager');

    const all: Person[] = [];
    const usernames = new Set<string>();
    const addPerson = (
        kind: PersonKind,
        options: {
            title: string;
            department: string;
            role: string | null;
            profile: keyof typeof PROFILES;
            region: Region;
            manager?: Person;
            hireDay: number;
            leaveDay?: number;
            id?: string;
        },
    ): Person => {
        const firstName = random.pick(FIRST_NAMES);
        const lastName = random.pick(LAST_NAMES);
        let username = `${firstName}.${lastName}@kpikit-sample.example`.toLowerCase();
        for (let n = 2; usernames.has(username); n++) {
            username = `${firstName}.${lastName}${n}@kpikit-sample.example`.toLowerCase();
        }
        usernames.add(username);
        const leaveDay = options.leaveDay ?? Number.POSITIVE_INFINITY;
        const id = options.id ?? context.newId('User');
        const created = context.workTime(random, options.hireDay);
        const modified = Number.isFinite(leaveDay)
            ? context.workTime(random, leaveDay)
            : context.workTime(random, Math.min(today, options.hireDay + random.int(0, 400)));
        const record: SObjectRecord = {
            Id: id,
            Name: `${firstName} ${lastName}`,
            FirstName: firstName,
            LastName: lastName,
            Username: username,
            Email: username,
            IsActive: !Number.isFinite(leaveDay),
            ManagerId: options.manager?.id ?? null,
            UserRoleId: options.role === null ? null : roleIds.get(options.role)!,
            ProfileId: profileIds[options.profile],
            Title: options.title,
            Department: options.department,
            TimeZoneSidKey: options.region.timeZone,
            Sales_Quota__c: null,
        };
        stamp(context, record, created, adminId, modified, adminId);
        context.add('User', record);
        const person: Person = {
            kind,
            id,
            record,
            hireDay: options.hireDay,
            leaveDay,
            gapFrom: 1,
            gapTo: 0,
            manager: options.manager,
            region: options.region,
            skill: 0,
            activity: 1,
            csatMean: 0,
            npsMean: 0,
        };
        all.push(person);
        return person;
    };
    const tenuredHireDay = (): number => random.int(start - 1400, start - 100);

    const admin = addPerson('admin', {
        id: adminId,
        title: 'Salesforce Administrator',
        department: 'IT',
        role: null,
        profile: 'admin',
        region: HEADQUARTERS,
        hireDay: orgBirth,
    });
    const marketing = Array.from({ length: plan.marketing }, () =>
        addPerson('marketing', {
            title: 'Marketing Manager',
            department: 'Marketing',
            role: 'Marketing Manager',
            profile: 'marketing',
            region: HEADQUARTERS,
            hireDay: tenuredHireDay(),
        }),
    );
    const salesVp = addPerson('salesVp', {
        title: 'VP Sales',
        department: 'Sales',
        role: 'VP Sales',
        profile: 'manager',
        region: HEADQUARTERS,
        hireDay: tenuredHireDay(),
    });
    const salesManagers = Array.from({ length: plan.salesManagers }, (_, i) => {
        const region = regions[i % regions.length];
        return addPerson('salesManager', {
            title: 'Regional Sales Manager',
            department: 'Sales',
            role: `Sales Manager ${region.name}`,
            profile: 'manager',
            region,
            manager: salesVp,
            hireDay: tenuredHireDay(),
        });
    });

    // Storylines by index: 0 the top rep, 1 a typical rep, 2 on leave last month, then leavers, then mid-history
    // hires; the last one or two joined weeks ago.
    const leavers = Math.max(1, Math.round(plan.reps * 0.07));
    const midHires = Math.max(1, Math.round(plan.reps * 0.1));
    const recentHires = plan.reps >= 12 ? 2 : 1;
    const firstOfThisMonth = context.timeline.firstOfMonth(today);
    const reps = Array.from({ length: plan.reps }, (_, i) => {
        const manager = salesManagers[i % salesManagers.length];
        let hireDay = tenuredHireDay();
        let leaveDay: number | undefined;
        if (i >= 3 && i < 3 + leavers) {
            leaveDay = random.int(start + 120, today - 45);
        } else if (i >= 3 + leavers && i < 3 + leavers + midHires) {
            hireDay = random.int(start + 30, today - 120);
        } else if (i >= plan.reps - recentHires) {
            hireDay = i === plan.reps - 1 ? today - 40 : today - 12;
        }
        const person = addPerson('rep', {
            title: 'Account Executive',
            department: 'Sales',
            role: `Sales Rep ${manager.region.name}`,
            profile: 'sales',
            region: manager.region,
            manager,
            hireDay,
            leaveDay,
        });
        // Win chances of 16–32 % (more on existing customers and referrals) and a volume within ±20 % of the team's:
        // every tenured rep wins 3–10 deals a quarter.
        person.skill = 0.16 + 0.16 * Math.pow(random.next(), 1.2);
        person.activity = random.between(0.85, 1.2);
        if (i === 0) {
            person.skill = 0.34;
            person.activity = 1.25;
        }
        if (i === 2) {
            person.gapFrom = context.timeline.firstOfMonth(firstOfThisMonth - 1);
            person.gapTo = firstOfThisMonth - 1;
        }
        if (person.skill > 0.26) person.record.Title = 'Senior Account Executive';
        return person;
    });

    const serviceVp = addPerson('serviceVp', {
        title: 'VP Customer Support',
        department: 'Support',
        role: 'VP Customer Support',
        profile: 'manager',
        region: HEADQUARTERS,
        hireDay: tenuredHireDay(),
    });
    const serviceManagers = Array.from({ length: plan.serviceManagers }, () =>
        addPerson('serviceManager', {
            title: 'Support Manager',
            department: 'Support',
            role: 'Support Manager',
            profile: 'support',
            region: HEADQUARTERS,
            manager: serviceVp,
            hireDay: tenuredHireDay(),
        }),
    );
    const agentLeavers = Math.max(1, Math.round(plan.agents * 0.06));
    const agentHires = Math.max(1, Math.round(plan.agents * 0.1));
    const agents = Array.from({ length: plan.agents }, (_, i) => {
        let hireDay = tenuredHireDay();
        let leaveDay: number | undefined;
        if (i >= 1 && i < 1 + agentLeavers) leaveDay = random.int(start + 90, today - 30);
        else if (i >= 1 + agentLeavers && i < 1 + agentLeavers + agentHires)
            hireDay = random.int(start + 30, today - 30);
        const person = addPerson('agent', {
            title: 'Support Agent',
            department: 'Support',
            role: 'Support Agent',
            profile: 'support',
            region: regions[i % regions.length],
            manager: serviceManagers[i % serviceManagers.length],
            hireDay,
            leaveDay,
        });
        person.skill = random.between(0.6, 1.6);
        person.activity = random.between(0.7, 1.3);
        person.csatMean = random.between(3.4, 4.6);
        person.npsMean = random.between(6, 9.3);
        return person;
    });

    const pickWorking = (group: Person[]): ((random: Random, day: number) => Person) => {
        const picker = new WeightedPicker(group.map((person) => person.activity));
        return (stream, day) => {
            for (let attempt = 0; attempt < 40; attempt++) {
                const person = group[picker.pick(stream)];
                if (!isWorking(person, day)) continue;
                // New hires ramp up over their first two months.
                const tenure = day - person.hireDay;
                if (tenure >= 60 || stream.chance(0.25 + (0.75 * tenure) / 60)) return person;
            }
            const offset = stream.int(0, group.length - 1);
            for (let i = 0; i < group.length; i++) {
                const person = group[(offset + i) % group.length];
                if (isWorking(person, day)) return person;
            }
            throw new Error(
                `sample org: nobody of ${group[0]?.kind ?? 'an empty group'} works on ${context.date(day)}`,
            );
        };
    };

    const pickRep = pickWorking(reps);
    const teamPickers = new Map<Person, (random: Random, day: number) => Person>();
    for (const manager of salesManagers) {
        const team = reps.filter((rep) => rep.manager === manager);
        if (team.length > 0) teamPickers.set(manager, pickWorking(team));
    }
    const pickRepOf = (manager: Person, stream: Random, day: number): Person => {
        const picker = teamPickers.get(manager);
        if (picker) {
            try {
                return picker(stream, day);
            } catch {
                // Nobody of the team works that day: someone else takes it.
            }
        }
        return pickRep(stream, day);
    };

    return {
        all,
        admin,
        marketing,
        salesVp,
        salesManagers,
        reps,
        serviceVp,
        serviceManagers,
        agents,
        topRep: reps[0],
        salesRep: reps[1],
        repOnLeave: reps[2],
        inactiveRep: reps[3],
        newRep: reps[plan.reps - 1],
        pickWorkingRep: pickRep,
        pickWorkingRepOf: pickRepOf,
        pickWorkingAgent: pickWorking(agents),
    };
}
