import { addTask, callDuration, firstActivityDay } from './activities';
import { byCreation, clamp, countAtMost, GenerationContext, stamp, STREAM } from './context';
import type { SObjectRecord } from './model';
import { CASE_SUBJECTS } from './names';
import { isWorking, type People, type Person } from './people';
import { WeightedValues } from './random';
import type { SalesGenerator } from './sales';

const HOUR_MS = 3_600_000;
/** Support volume by weekday: Monday peaks, weekends are quiet. */
const SERVICE_WEEKDAY = [0.3, 1.3, 1.15, 1.05, 1, 0.9, 0.35];

const priorities = new WeightedValues<string>([
    ['High', 15],
    ['Medium', 50],
    ['Low', 35],
]);
const weekdayOrigins = new WeightedValues<string>([
    ['Email', 40],
    ['Phone', 38],
    ['Web', 22],
]);
const weekendOrigins = new WeightedValues<string>([
    ['Email', 35],
    ['Phone', 15],
    ['Web', 50],
]);
const reasons = new WeightedValues<string>([
    ['Installation', 14],
    ['Equipment Complexity', 18],
    ['Performance', 20],
    ['Breakdown', 22],
    ['Equipment Design', 8],
    ['Feedback', 8],
    ['Other', 10],
]);
const types = new WeightedValues<string>([
    ['Mechanical', 28],
    ['Electrical', 26],
    ['Electronic', 24],
    ['Structural', 8],
    ['Other', 14],
]);
/** Median hours to close by priority (a long tail waits on customers or parts, which keeps a backlog open). */
const RESOLUTION_HOURS: Record<string, number> = { High: 16, Medium: 60, Low: 140 };
/** Median minutes to a first response by origin (phone calls are answered live). */
const FIRST_RESPONSE_MINUTES: Record<string, number> = { Phone: 1.5, Email: 75, Web: 110 };
const PRIORITY_URGENCY: Record<string, number> = { High: 0.4, Medium: 1, Low: 1.5 };

/**
 * Cases owned by support agents, with resolution times, escalations, first response, first-contact resolution and
 * survey scores (CSAT 1–5, NPS 0–10) on part of the closed ones; phone cases log the agent's inbound call.
 */
export function generateCases(context: GenerationContext, people: People, sales: SalesGenerator, count: number): void {
    const random = context.random(STREAM.cases);
    const { today, start, nowMs, timeline } = context;
    const days = context.dayPicker(
        start,
        today,
        (day) => (1 + 0.2 * context.years(day)) * SERVICE_WEEKDAY[timeline.weekday(day)],
    );
    const contacts = byCreation(sales.contacts);
    const contactTimes = Float64Array.from(contacts, (contact) => contact.createdMs);
    const firstTaskDay = firstActivityDay(context);

    const unsorted = Array.from({ length: count }, () => {
        const day = days.pick(random);
        return { day, agent: people.pickWorkingAgent(random, day), createdMs: context.workTime(random, day, 7, 20) };
    });
    const specs = byCreation(unsorted);

    specs.forEach(({ day, agent, createdMs }, index) => {
        const weekend = timeline.weekday(day) === 0 || timeline.weekday(day) === 6;
        const origin = (weekend ? weekendOrigins : weekdayOrigins).pick(random);
        const priority = priorities.pick(random);
        const reason = reasons.pick(random);
        const available = countAtMost(contactTimes, createdMs);
        const contact = available > 0 && random.chance(0.95) ? contacts[random.int(0, available - 1)] : undefined;

        const escalated = random.chance(priority === 'High' ? 0.2 : 0.06);
        // Solved in the first contact: live on the phone, or with the first reply to an email or web case.
        const solvedAtOnce = !escalated && random.chance((origin === 'Phone' ? 0.6 : 0.3) * (1.3 - 0.3 * agent.skill));
        const hours = solvedAtOnce
            ? origin === 'Phone'
                ? random.between(0.05, 0.5)
                : random.logNormal(3, 0.6) * agent.skill
            : random.logNormal(RESOLUTION_HOURS[priority] * agent.skill, 1) *
              (escalated ? 2 : 1) *
              (random.chance(0.06) ? random.between(4, 12) : 1);
        const closedMs = createdMs + Math.max(60, Math.round(hours * 3600)) * 1000;
        const isClosed = closedMs <= nowMs;
        let status = 'Closed';
        if (!isClosed)
            status = escalated
                ? 'Escalated'
                : nowMs - createdMs < 2 * HOUR_MS && random.chance(0.6)
                  ? 'New'
                  : 'Working';

        const responseMinutes =
            origin === 'Phone'
                ? random.between(0, 4)
                : random.logNormal(FIRST_RESPONSE_MINUTES[origin], 0.8) * PRIORITY_URGENCY[priority] * agent.skill;
        const responded = status !== 'New' && createdMs + responseMinutes * 60_000 <= nowMs;
        const firstContactResolution = isClosed && solvedAtOnce;

        let csat: number | null = null;
        let nps: number | null = null;
        if (isClosed && random.chance(0.45)) {
            const mood = (firstContactResolution ? 0.4 : 0) - (escalated ? 0.8 : 0) - (hours > 72 ? 0.5 : 0);
            csat = clamp(Math.round(agent.csatMean + mood + random.normal() * 0.8), 1, 5);
        }
        if (isClosed && random.chance(0.25)) {
            const mood = (firstContactResolution ? 0.8 : 0) - (escalated ? 1.5 : 0);
            nps = clamp(Math.round(agent.npsMean + mood + random.normal() * 2.2), 0, 10);
        }

        // An agent who has left hands open work to a colleague still on the team.
        const endMs = isClosed ? closedMs : nowMs;
        const owner =
            Number.isFinite(agent.leaveDay) && endMs >= timeline.instant(agent.leaveDay, 0)
                ? colleague(people, agent, timeline.dayOf(endMs))
                : agent;
        const modifiedMs = isClosed
            ? closedMs
            : Math.min(nowMs, createdMs + Math.floor(random.next() * (nowMs - createdMs)));
        const record: SObjectRecord = {
            Id: context.newId('Case'),
            CaseNumber: String(1001 + index).padStart(8, '0'),
            Subject: random.pick(CASE_SUBJECTS[reason]),
            Status: status,
            Origin: origin,
            Reason: reason,
            Type: types.pick(random),
            Priority: priority,
            IsClosed: isClosed,
            IsEscalated: escalated,
            ClosedDate: isClosed ? context.iso(closedMs) : null,
            OwnerId: owner.id,
            AccountId: contact ? contact.account.record.Id : null,
            ContactId: contact ? contact.record.Id : null,
            CSAT__c: csat,
            NPS__c: nps,
            First_Response_Minutes__c: responded ? Math.round(responseMinutes * 10) / 10 : null,
            First_Contact_Resolution__c: firstContactResolution,
        };
        stamp(context, record, createdMs, agent.id, modifiedMs, owner.id);
        context.add('Case', record);

        // The agent's logged call; older ones are archived (activities.ts, ACTIVITY_DAYS).
        if (origin === 'Phone' && random.chance(0.6) && day >= firstTaskDay) {
            addTask(context, {
                subject: 'Call',
                subtype: 'Call',
                type: 'Call',
                callType: 'Inbound',
                status: 'Completed',
                priority: 'Normal',
                activityDay: day,
                owner: agent,
                whoId: contact ? contact.record.Id : null,
                whatId: record.Id,
                callDurationInSeconds: callDuration(random),
                createdMs,
                modifiedMs: createdMs,
            });
        }
    });
}

/** Another agent of the same manager working on `day` (or any working agent). */
function colleague(people: People, agent: Person, day: number): Person {
    const sameTeam = people.agents.find(
        (other) => other !== agent && other.manager === agent.manager && isWorking(other, day),
    );
    return sameTeam ?? people.agents.find((other) => isWorking(other, day)) ?? agent;
}
