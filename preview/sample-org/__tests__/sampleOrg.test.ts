import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectDescriptions } from '../../../schema';
import {
    CALL_TYPES,
    CAMPAIGN_MEMBER_STATUSES,
    FORECAST_CATEGORY_API_NAME,
    KEY_PREFIXES,
    LOSS_REASONS,
    OPEN_STAGES,
    OPPORTUNITY_STAGES,
    OPPORTUNITY_TYPES,
    REFERENCE_FIELDS,
    SAMPLE_OBJECTS,
    fiscalPeriodOf,
    generateSampleOrg,
    objectApiNameOfId,
    planSampleOrg,
    toCaseSafeId,
    type ForecastCategoryName,
    type SampleOrg,
    type SObjectRecord,
} from '..';

const NOW = new Date('2026-11-27T18:30:00Z');
const org = generateSampleOrg({ seed: 7, size: 20_000, now: NOW });
const { records, byId } = org;

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: org.org.timeZoneSidKey });
/** The org-local calendar date of a DateTime. */
const dayOf = (dateTime: unknown): string => localDate.format(new Date(String(dateTime)));
const str = (value: unknown): string => String(value);
const month = (date: unknown): string => str(date).slice(0, 7);

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        const group = groups.get(key(item));
        if (group) group.push(item);
        else groups.set(key(item), [item]);
    }
    return groups;
}

function allRecords(sample: SampleOrg): SObjectRecord[] {
    return Object.values(sample.records).flat();
}

/**
 * What a user did: records they created, and work records they own. Accounts and contacts they own may have been
 * created by others at any time (books of accounts move to whoever owns them now).
 */
function workOf(userId: string): SObjectRecord[] {
    return allRecords(org).filter(
        (record) =>
            record.CreatedById === userId ||
            (record.OwnerId === userId && !['Account', 'Contact'].includes(objectApiNameOfId(record.Id)!)),
    );
}

const roleName = (user: SObjectRecord): string => str(byId.get(str(user.UserRoleId))?.Name ?? '');
const usersWithRole = (pattern: RegExp): SObjectRecord[] => records.User.filter((user) => pattern.test(roleName(user)));

describe('determinism', () => {
    const options = { seed: 11, size: 2000, now: NOW };
    const first = generateSampleOrg(options);

    it('gives the same records and settings for the same seed, size and now', () => {
        const second = generateSampleOrg(options);
        assert.deepEqual(second.org, first.org);
        assert.equal(JSON.stringify(second.records), JSON.stringify(first.records));
    });

    it('gives different records for another seed or another now', () => {
        const otherSeed = generateSampleOrg({ ...options, seed: 12 });
        assert.notEqual(JSON.stringify(otherSeed.records.Opportunity), JSON.stringify(first.records.Opportunity));
        const otherNow = generateSampleOrg({ ...options, now: new Date('2026-06-01T12:00:00Z') });
        assert.notEqual(JSON.stringify(otherNow.records.Opportunity), JSON.stringify(first.records.Opportunity));
    });
});

describe('options', () => {
    it('rejects bad options with a message naming the option', () => {
        assert.throws(
            () => generateSampleOrg({ size: 10 }),
            /option "size" must be an integer from 1000 to 1000000 \(got 10\)/,
        );
        assert.throws(() => generateSampleOrg({ size: 1500.5 }), /"size"/);
        assert.throws(() => generateSampleOrg({ seed: 1.5 }), /"seed" must be an integer/);
        assert.throws(() => generateSampleOrg({ now: new Date('nope') }), /"now" must be a valid Date/);
        assert.throws(
            () => generateSampleOrg({ fiscalYearStartMonth: 13 }),
            /"fiscalYearStartMonth" must be an integer from 1/,
        );
        assert.throws(
            // @ts-expect-error an invalid value on purpose
            () => generateSampleOrg({ fiscalYearNameBasedOn: 'middle' }),
            /"fiscalYearNameBasedOn" must be "startingMonth" or "endingMonth"/,
        );
    });

    it('describes the org: fiscal year, currency, time zone, history window', () => {
        assert.equal(org.org.fiscalYearStartMonth, 1);
        assert.equal(org.org.fiscalYearNameBasedOn, 'endingMonth');
        assert.equal(org.org.corporateCurrency, 'USD');
        assert.equal(org.org.timeZoneSidKey, 'America/Los_Angeles');
        assert.equal(org.org.now, '2026-11-27T18:30:00.000Z');
        assert.equal(org.org.today, '2026-11-27');
        assert.equal(org.org.historyStart, '2024-09-01');
        assert.equal(objectApiNameOfId(org.org.Id), 'Organization');
    });
});

describe('Ids', () => {
    it('are unique 18-character case-safe Ids with the key prefix of their object, all in byId', () => {
        const seen = new Set<string>();
        for (const [objectName, list] of Object.entries(records)) {
            const prefix = KEY_PREFIXES[objectName as keyof typeof KEY_PREFIXES];
            for (const record of list) {
                assert.match(record.Id, /^[0-9A-Za-z]{18}$/);
                assert.equal(record.Id.slice(0, 3), prefix, `${objectName} ${record.Id}`);
                assert.equal(toCaseSafeId(record.Id), record.Id);
                assert.ok(!seen.has(record.Id), `duplicate Id ${record.Id}`);
                seen.add(record.Id);
                assert.equal(byId.get(record.Id), record);
            }
        }
        assert.equal(byId.size, seen.size);
    });
});

describe('shape', () => {
    it('has every sample object, each record with the same fields', () => {
        assert.deepEqual(Object.keys(records), SAMPLE_OBJECTS);
        for (const [objectName, list] of Object.entries(records)) {
            assert.ok(list.length > 0, `${objectName} is empty`);
            const fields = Object.keys(list[0]).join();
            for (const record of list) assert.equal(Object.keys(record).join(), fields, `${objectName} ${record.Id}`);
        }
    });

    it('uses only fields schema/objects declares, with values of the declared type', () => {
        for (const [objectName, list] of Object.entries(records)) {
            const description = objectDescriptions.find((candidate) => candidate.apiName === objectName);
            assert.ok(description, `schema/objects has no ${objectName}`);
            const declared = new Map(description.fields.map((field) => [field.name, field]));
            for (const fieldName of Object.keys(list[0])) {
                const field = declared.get(fieldName);
                assert.ok(field, `${objectName}.${fieldName} is not declared in schema/objects`);
                for (const record of list) {
                    const value = record[fieldName];
                    if (value === null) continue;
                    const where = `${objectName}.${fieldName} = ${JSON.stringify(value)}`;
                    switch (field.type) {
                        case 'Boolean':
                            assert.equal(typeof value, 'boolean', where);
                            break;
                        case 'Int':
                            assert.ok(Number.isInteger(value), where);
                            break;
                        case 'Double':
                        case 'Currency':
                        case 'Percent':
                            assert.equal(typeof value, 'number', where);
                            break;
                        case 'Date':
                            assert.match(str(value), DATE, where);
                            break;
                        case 'DateTime':
                            assert.match(str(value), DATETIME, where);
                            break;
                        case 'Picklist':
                            // schema/objects lists a new org's CampaignMember statuses (Sent, Responded); the sample
                            // campaigns add Opened, which the open-rate KPI needs.
                            if (!(objectName === 'CampaignMember' && fieldName === 'Status' && value === 'Opened')) {
                                assert.ok(field.picklistValues?.includes(str(value)), where);
                            }
                            break;
                        default:
                            assert.equal(typeof value, 'string', where);
                    }
                }
            }
        }
    });

    it('has audit fields in order: created, then modified, never after now', () => {
        for (const record of allRecords(org)) {
            assert.match(str(record.CreatedDate), DATETIME);
            assert.ok(str(record.CreatedDate) <= org.org.now, `${record.Id} created after now`);
            const modified = str('LastModifiedDate' in record ? record.LastModifiedDate : record.CreatedDate);
            assert.ok(
                modified >= str(record.CreatedDate) && modified <= org.org.now,
                `${record.Id} modified out of order`,
            );
            assert.equal(record.SystemModstamp, modified);
        }
    });
});

describe('referential integrity', () => {
    it('resolves every reference to a record of an allowed object', () => {
        let checked = 0;
        const listed = new Map(
            Object.entries(records).flatMap(([objectName, list]) => list.map((record) => [record, objectName])),
        );
        for (const [objectName, list] of Object.entries(records)) {
            for (const [field, targets] of Object.entries(REFERENCE_FIELDS[objectName])) {
                for (const record of list) {
                    const value = record[field];
                    if (value === null) continue;
                    const target = byId.get(str(value));
                    assert.ok(target, `${objectName} ${record.Id}.${field} → ${str(value)} does not exist`);
                    const targetObject = objectApiNameOfId(target.Id)!;
                    assert.ok(targets.includes(targetObject), `${objectName}.${field} points at a ${targetObject}`);
                    assert.equal(listed.get(target), targetObject);
                    checked++;
                }
            }
        }
        assert.ok(checked > 50_000, 'checked > 50_000');
    });

    it('keeps each contact, case and lead conversion on a consistent account', () => {
        for (const record of records.Case) {
            if (record.ContactId !== null) assert.equal(byId.get(str(record.ContactId))!.AccountId, record.AccountId);
        }
        for (const lead of records.Lead.filter((candidate) => candidate.IsConverted === true)) {
            assert.equal(byId.get(str(lead.ConvertedContactId))!.AccountId, lead.ConvertedAccountId);
        }
    });
});

describe('users', () => {
    it('has reps, sales managers, service agents, service managers, an admin and marketing', () => {
        const reps = usersWithRole(/^Sales Rep /);
        assert.equal(reps.length, planSampleOrg(20_000).reps);
        const managers = usersWithRole(/^Sales Manager /);
        assert.ok(managers.length >= 2, 'managers.length >= 2');
        for (const rep of reps)
            assert.ok(
                managers.some((manager) => manager.Id === rep.ManagerId),
                `${rep.Name} has no sales manager`,
            );
        const agents = usersWithRole(/^Support Agent$/);
        const serviceManagers = usersWithRole(/^Support Manager$/);
        for (const agent of agents)
            assert.ok(
                serviceManagers.some((manager) => manager.Id === agent.ManagerId),
                'serviceManagers.some((manager) => manager.Id === agent.ManagerId)',
            );
        const admin = byId.get(org.org.personas.admin)!;
        assert.equal(byId.get(str(admin.ProfileId))!.Name, 'System Administrator');
        assert.ok(usersWithRole(/^Marketing Manager$/).length >= 1, 'usersWithRole(/^Marketing Manager$/).length >= 1');
        assert.ok(
            records.User.some((user) => user.IsActive === false),
            'records.User.some((user) => user.IsActive === false)',
        );
        assert.ok(
            agents.some((agent) => agent.IsActive === false),
            'agents.some((agent) => agent.IsActive === false)',
        );
    });

    it('has a role hierarchy rooted at one top role, without cycles', () => {
        const roots = records.UserRole.filter((role) => role.ParentRoleId === null);
        assert.deepEqual(
            roots.map((role) => role.Name),
            ['CEO'],
        );
        for (const role of records.UserRole) {
            const visited = new Set<string>();
            let current: SObjectRecord | undefined = role;
            while (current && current.ParentRoleId !== null) {
                assert.ok(!visited.has(current.Id), `role cycle at ${role.Name}`);
                visited.add(current.Id);
                current = byId.get(str(current.ParentRoleId));
            }
        }
    });

    it('gives personas of the right kind and quotas to sales', () => {
        const { personas } = org.org;
        assert.match(roleName(byId.get(personas.salesRep)!), /^Sales Rep /);
        assert.equal(byId.get(personas.salesRep)!.ManagerId, personas.salesManager);
        assert.match(roleName(byId.get(personas.serviceAgent)!), /^Support Agent$/);
        assert.match(roleName(byId.get(personas.serviceManager)!), /^Support Manager$/);
        assert.equal(byId.get(personas.inactiveRep)!.IsActive, false);
        for (const rep of usersWithRole(/^Sales (Rep|Manager) /))
            assert.ok(Number(rep.Sales_Quota__c) > 0, 'Number(rep.Sales_Quota__c) > 0');
        assert.equal(byId.get(personas.serviceAgent)!.Sales_Quota__c, null);
    });
});

describe('opportunities', () => {
    const stages = new Map(OPPORTUNITY_STAGES.map((stage) => [stage.name, stage]));

    it('keep stage, IsClosed, IsWon, Probability and forecast category consistent', () => {
        for (const deal of records.Opportunity) {
            const stage = stages.get(str(deal.StageName));
            assert.ok(stage, `unknown stage ${str(deal.StageName)}`);
            assert.equal(deal.IsClosed, stage.isClosed);
            assert.equal(deal.IsWon, stage.isWon);
            assert.equal(deal.Probability, stage.probability);
            if (stage.isWon) assert.equal(deal.ForecastCategoryName, 'Closed');
            else if (stage.isClosed) assert.equal(deal.ForecastCategoryName, 'Omitted');
            else assert.ok(['Pipeline', 'Best Case', 'Commit', 'Omitted'].includes(str(deal.ForecastCategoryName)));
            if (stage.isClosed) assert.ok(str(deal.CloseDate) <= org.org.today, 'str(deal.CloseDate) <= org.org.today');
            assert.ok(str(deal.CloseDate) >= dayOf(deal.CreatedDate), 'str(deal.CloseDate) >= dayOf(deal.CreatedDate)');
            assert.ok(
                OPPORTUNITY_TYPES.includes(deal.Type as (typeof OPPORTUNITY_TYPES)[number]),
                'OPPORTUNITY_TYPES.includes(deal.Type as (typeof OPPORTUNITY_TYPES)[...',
            );
        }
        const categories = countBy(records.Opportunity, (deal) => str(deal.ForecastCategoryName));
        for (const category of ['Pipeline', 'Best Case', 'Commit', 'Omitted', 'Closed'])
            assert.ok(categories.get(category), 'categories.get(category)');
    });

    it('record a loss reason only on lost deals, some left blank', () => {
        const lost = records.Opportunity.filter((deal) => deal.StageName === 'Closed Lost');
        for (const deal of records.Opportunity) {
            if (deal.StageName !== 'Closed Lost') assert.equal(deal.Loss_Reason__c, null);
        }
        const reasons = countBy(lost, (deal) => str(deal.Loss_Reason__c));
        assert.ok(
            reasons.get('null')! > 0 && reasons.get('null')! < lost.length * 0.2,
            "reasons.get('null')! > 0 && reasons.get('null')! < lost.length ...",
        );
        for (const reason of LOSS_REASONS) assert.ok(reasons.get(reason), `no deal lost for ${reason}`);
    });

    it('derive expected revenue and fiscal period from amount, probability and close date', () => {
        for (const deal of records.Opportunity) {
            const expected =
                deal.Amount === null ? null : Math.round(Number(deal.Amount) * Number(deal.Probability)) / 100;
            assert.equal(deal.ExpectedRevenue, expected);
            const period = fiscalPeriodOf(str(deal.CloseDate), org.org);
            assert.equal(deal.FiscalYear, period.fiscalYear);
            assert.equal(deal.FiscalQuarter, period.fiscalQuarter);
        }
        assert.ok(
            records.Opportunity.some((deal) => deal.Amount === null),
            'records.Opportunity.some((deal) => deal.Amount === null)',
        );
    });

    it('call a deal existing business only when its account already won one before', () => {
        const wonByAccount = groupBy(
            records.Opportunity.filter((deal) => deal.IsWon === true),
            (deal) => str(deal.AccountId),
        );
        const existing = records.Opportunity.filter((deal) => str(deal.Type).startsWith('Existing Customer'));
        assert.ok(
            existing.length > records.Opportunity.length * 0.05,
            'existing.length > records.Opportunity.length * 0.05',
        );
        for (const deal of existing) {
            const created = dayOf(deal.CreatedDate);
            assert.ok(
                (wonByAccount.get(str(deal.AccountId)) ?? []).some((won) => str(won.CloseDate) < created),
                `${str(deal.Name)} is existing business without an earlier win`,
            );
        }
    });

    it('link campaigns and lead sources, including none', () => {
        assert.ok(
            records.Opportunity.some((deal) => deal.CampaignId !== null),
            'records.Opportunity.some((deal) => deal.CampaignId !== null)',
        );
        assert.ok(
            records.Opportunity.some((deal) => deal.LeadSource === null),
            'records.Opportunity.some((deal) => deal.LeadSource === null)',
        );
    });
});

describe('opportunity history', () => {
    const rowsByDeal = groupBy(records.OpportunityHistory, (row) => str(row.OpportunityId));
    const openIndex = new Map(OPEN_STAGES.map((stage, index) => [stage.name, index]));

    it('starts when the deal was created and ends in its current state', () => {
        assert.equal(rowsByDeal.size, records.Opportunity.length);
        for (const deal of records.Opportunity) {
            const rows = rowsByDeal.get(deal.Id)!;
            assert.equal(rows[0].CreatedDate, deal.CreatedDate);
            const last = rows[rows.length - 1];
            assert.equal(last.StageName, deal.StageName);
            assert.equal(last.Amount, deal.Amount);
            assert.equal(last.CloseDate, deal.CloseDate);
            assert.equal(last.Probability, deal.Probability);
            assert.equal(
                last.ForecastCategory,
                FORECAST_CATEGORY_API_NAME[deal.ForecastCategoryName as ForecastCategoryName],
            );
            assert.equal(last.ExpectedRevenue, deal.ExpectedRevenue);
            assert.equal(last.CreatedDate, deal.LastModifiedDate);
            for (let i = 1; i < rows.length; i++) {
                assert.ok(
                    str(rows[i].CreatedDate) >= str(rows[i - 1].CreatedDate),
                    `history of ${deal.Id} goes back in time`,
                );
                const before = openIndex.get(str(rows[i - 1].StageName));
                const after = openIndex.get(str(rows[i].StageName));
                if (before !== undefined && after !== undefined)
                    assert.ok(after >= before, `stage went backwards in ${deal.Id}`);
                assert.ok(openIndex.has(str(rows[i - 1].StageName)), `${deal.Id} changed after closing`);
            }
        }
    });

    it('shows pushed and pulled close dates and amount changes', () => {
        let pushed = 0;
        let pulled = 0;
        let upsell = 0;
        for (const rows of rowsByDeal.values()) {
            const first = rows[0];
            const last = rows[rows.length - 1];
            if (str(last.CloseDate) > str(first.CloseDate)) pushed++;
            if (str(last.CloseDate) < str(first.CloseDate)) pulled++;
            if (Number(last.Amount) > Number(first.Amount)) upsell++;
        }
        assert.ok(pushed > rowsByDeal.size * 0.15, `pushed ${pushed}`);
        assert.ok(pulled > rowsByDeal.size * 0.03, `pulled ${pulled}`);
        assert.ok(upsell > rowsByDeal.size * 0.05, `upsell ${upsell}`);
    });
});

describe('leads', () => {
    it('keep status, IsConverted and the converted fields together', () => {
        for (const lead of records.Lead) {
            const converted = lead.IsConverted === true;
            assert.equal(lead.Status === 'Closed - Converted', converted);
            assert.equal(lead.ConvertedDate !== null, converted);
            assert.equal(lead.ConvertedAccountId !== null, converted);
            assert.equal(lead.ConvertedContactId !== null, converted);
            if (!converted) assert.equal(lead.ConvertedOpportunityId, null);
            if (converted)
                assert.ok(
                    str(lead.ConvertedDate) >= dayOf(lead.CreatedDate),
                    'str(lead.ConvertedDate) >= dayOf(lead.CreatedDate)',
                );
        }
        const statuses = countBy(records.Lead, (lead) => str(lead.Status));
        for (const status of [
            'Open - Not Contacted',
            'Working - Contacted',
            'Closed - Converted',
            'Closed - Not Converted',
        ]) {
            assert.ok(statuses.get(status), `no lead is ${status}`);
        }
        const rate = statuses.get('Closed - Converted')! / records.Lead.length;
        assert.ok(rate > 0.1 && rate < 0.4, `conversion rate ${rate}`);
    });

    it('point a conversion at the opportunity it created that day, with the same account, source and owner', () => {
        const converted = records.Lead.filter((lead) => lead.ConvertedOpportunityId !== null);
        assert.ok(converted.length > 100, 'converted.length > 100');
        for (const lead of converted) {
            const deal = byId.get(str(lead.ConvertedOpportunityId))!;
            assert.equal(dayOf(deal.CreatedDate), lead.ConvertedDate);
            assert.equal(deal.AccountId, lead.ConvertedAccountId);
            assert.equal(deal.LeadSource, lead.LeadSource);
            assert.equal(deal.CreatedById, lead.OwnerId);
            const contact = byId.get(str(lead.ConvertedContactId))!;
            assert.equal(contact.Name, lead.Name);
            assert.equal(contact.CreatedDate, deal.CreatedDate);
        }
        assert.ok(
            records.Lead.some((lead) => lead.IsConverted === true && lead.ConvertedOpportunityId === null),
            'records.Lead.some((lead) => lead.IsConverted === true && lead.Conve...',
        );
    });
});

describe('campaigns', () => {
    const membersByCampaign = groupBy(records.CampaignMember, (member) => str(member.CampaignId));

    it('have members that were sent, opened or responded, once per lead or contact', () => {
        const statuses = countBy(records.CampaignMember, (member) => str(member.Status));
        assert.deepEqual([...statuses.keys()].sort(), [...CAMPAIGN_MEMBER_STATUSES].sort());
        const seen = new Set<string>();
        for (const member of records.CampaignMember) {
            assert.ok(
                (member.LeadId === null) !== (member.ContactId === null),
                `${member.Id} needs exactly one of lead or contact`,
            );
            const key = `${str(member.CampaignId)}/${str(member.LeadId ?? member.ContactId)}`;
            assert.ok(!seen.has(key), `duplicate membership ${key}`);
            seen.add(key);
            assert.equal(member.HasResponded, member.Status === 'Responded');
            assert.equal(member.FirstRespondedDate !== null, member.Status === 'Responded');
            if (member.FirstRespondedDate !== null) {
                assert.ok(
                    str(member.FirstRespondedDate) >= dayOf(member.CreatedDate),
                    'str(member.FirstRespondedDate) >= dayOf(member.CreatedDate)',
                );
                assert.ok(
                    str(member.FirstRespondedDate) <= org.org.today,
                    'str(member.FirstRespondedDate) <= org.org.today',
                );
            }
        }
    });

    it('roll up members, leads and opportunities into the campaign fields', () => {
        const dealsByCampaign = groupBy(
            records.Opportunity.filter((deal) => deal.CampaignId !== null),
            (deal) => str(deal.CampaignId),
        );
        for (const campaign of records.Campaign) {
            const members = membersByCampaign.get(campaign.Id) ?? [];
            const deals = dealsByCampaign.get(campaign.Id) ?? [];
            const won = deals.filter((deal) => deal.IsWon === true);
            const sum = (list: SObjectRecord[]): number =>
                list.reduce((total, deal) => total + Number(deal.Amount ?? 0), 0);
            const leads = members.filter((member) => member.LeadId !== null);
            assert.equal(campaign.NumberOfLeads, leads.length);
            assert.equal(
                campaign.NumberOfConvertedLeads,
                leads.filter((member) => byId.get(str(member.LeadId))!.IsConverted === true).length,
            );
            assert.equal(campaign.NumberOfContacts, members.filter((member) => member.ContactId !== null).length);
            assert.equal(campaign.NumberOfResponses, members.filter((member) => member.HasResponded === true).length);
            assert.equal(campaign.NumberOfOpportunities, deals.length);
            assert.equal(campaign.NumberOfWonOpportunities, won.length);
            assert.equal(campaign.AmountAllOpportunities, sum(deals));
            assert.equal(campaign.AmountWonOpportunities, sum(won));
            assert.equal(campaign.NumberSent, campaign.Status === 'Planned' ? null : members.length);
            assert.equal(campaign.IsActive, campaign.Status === 'Planned' || campaign.Status === 'In Progress');
            assert.ok(
                str(campaign.StartDate) <= str(campaign.EndDate),
                'str(campaign.StartDate) <= str(campaign.EndDate)',
            );
        }
        const statuses = new Set(records.Campaign.map((campaign) => campaign.Status));
        for (const status of ['Planned', 'In Progress', 'Completed'])
            assert.ok(statuses.has(status), 'statuses.has(status)');
    });
});

describe('tasks', () => {
    it('are emails, calls with a call type, and to-dos, closed when completed', () => {
        const subtypes = countBy(records.Task, (task) => str(task.TaskSubtype));
        for (const subtype of ['Email', 'Call', 'Task'])
            assert.ok(subtypes.get(subtype)! > 100, 'subtypes.get(subtype)! > 100');
        for (const task of records.Task) {
            assert.equal(task.IsClosed, task.Status === 'Completed');
            if (task.TaskSubtype === 'Email') {
                assert.equal(task.Type, 'Email');
                assert.equal(task.CallType, null);
            } else if (task.TaskSubtype === 'Call') {
                assert.equal(task.Type, 'Call');
                assert.ok(
                    CALL_TYPES.includes(task.CallType as (typeof CALL_TYPES)[number]),
                    'CALL_TYPES.includes(task.CallType as (typeof CALL_TYPES)[number])',
                );
                assert.ok(Number(task.CallDurationInSeconds) >= 0, 'Number(task.CallDurationInSeconds) >= 0');
            } else {
                assert.equal(task.CallType, null);
                assert.equal(task.CallDurationInSeconds, null);
            }
            if (task.TaskSubtype !== 'Task') assert.equal(task.ActivityDate, dayOf(task.CreatedDate));
            if (task.WhoId !== null && objectApiNameOfId(str(task.WhoId)) === 'Lead') assert.equal(task.WhatId, null);
        }
        const callTypes = countBy(
            records.Task.filter((task) => task.TaskSubtype === 'Call'),
            (task) => str(task.CallType),
        );
        assert.ok(
            callTypes.get('Outbound')! > callTypes.get('Inbound')!,
            "callTypes.get('Outbound')! > callTypes.get('Inbound')!",
        );
        assert.ok(callTypes.get('Internal'), "callTypes.get('Internal')");
        assert.ok(
            records.Task.some((task) => str(task.ActivityDate) > org.org.today),
            'no open to-do is due later',
        );
    });
});

describe('cases', () => {
    const agents = new Set(usersWithRole(/^Support Agent$/).map((agent) => agent.Id));

    it('keep status, closing and survey fields consistent', () => {
        for (const record of records.Case) {
            const closed = record.Status === 'Closed';
            assert.equal(record.IsClosed, closed);
            assert.equal(record.ClosedDate !== null, closed);
            if (closed)
                assert.ok(
                    str(record.ClosedDate) >= str(record.CreatedDate) && str(record.ClosedDate) <= org.org.now,
                    'str(record.ClosedDate) >= str(record.CreatedDate) && str(record.Clo...',
                );
            if (record.Status === 'Escalated') assert.equal(record.IsEscalated, true);
            assert.ok(agents.has(str(record.OwnerId)), `case ${str(record.CaseNumber)} is not owned by an agent`);
            if (record.CSAT__c !== null) {
                assert.ok(
                    closed &&
                        Number.isInteger(record.CSAT__c) &&
                        Number(record.CSAT__c) >= 1 &&
                        Number(record.CSAT__c) <= 5,
                );
            }
            if (record.NPS__c !== null)
                assert.ok(
                    closed && Number(record.NPS__c) >= 0 && Number(record.NPS__c) <= 10,
                    'closed && Number(record.NPS__c) >= 0 && Number(record.NPS__c) <= 10',
                );
            if (record.First_Contact_Resolution__c === true)
                assert.ok(closed && record.IsEscalated === false, 'closed && record.IsEscalated === false');
            if (record.Status === 'New') assert.equal(record.First_Response_Minutes__c, null);
        }
        const statuses = countBy(records.Case, (record) => str(record.Status));
        for (const status of ['Working', 'Escalated', 'Closed'])
            assert.ok(statuses.get(status), `no case is ${status}`);
        const closed = records.Case.filter((record) => record.IsClosed === true);
        const fcr = closed.filter((record) => record.First_Contact_Resolution__c === true).length / closed.length;
        assert.ok(fcr > 0.1 && fcr < 0.6, `first-contact resolution ${fcr}`);
        assert.ok(
            closed.filter((record) => record.CSAT__c !== null).length > closed.length * 0.3,
            'closed.filter((record) => record.CSAT__c !== null).length > closed....',
        );
    });

    it('number cases in creation order', () => {
        const numbers = records.Case.map((record) => str(record.CaseNumber));
        assert.ok(
            numbers.every((number) => /^\d{8}$/.test(number)),
            'numbers.every((number) => /^\\d{8}$/.test(number))',
        );
        assert.equal(new Set(numbers).size, numbers.length);
        for (let i = 1; i < records.Case.length; i++) {
            assert.ok(
                numbers[i] > numbers[i - 1] && str(records.Case[i].CreatedDate) >= str(records.Case[i - 1].CreatedDate),
            );
        }
    });

    it('give agents different satisfaction scores', () => {
        const byAgent = groupBy(
            records.Case.filter((record) => record.CSAT__c !== null),
            (record) => str(record.OwnerId),
        );
        const means = [...byAgent.values()]
            .filter((list) => list.length >= 20)
            .map((list) => list.reduce((sum, record) => sum + Number(record.CSAT__c), 0) / list.length);
        assert.ok(Math.max(...means) - Math.min(...means) > 0.4, 'Math.max(...means) - Math.min(...means) > 0.4');
    });
});

describe('the story the data tells', () => {
    const nowMs = NOW.getTime();
    const year = 365 * 86_400_000;

    it('spans more than two years ending at now, with recent activity', () => {
        for (const objectName of ['Opportunity', 'Lead', 'Task', 'Case']) {
            const created = records[objectName].map((record) => str(record.CreatedDate)).sort();
            // Tasks: the last 365 days only (older closed activities are archived and the UI API does not read them).
            const span = objectName === 'Task' ? year : 2 * year;
            assert.ok(
                Date.parse(created[0]) <= nowMs - span + 7 * 86_400_000,
                `${objectName} history starts ${created[0]}`,
            );
            if (objectName === 'Task')
                assert.ok(Date.parse(created[0]) >= nowMs - year - 2 * 86_400_000, 'a task older than 365 days');
            assert.ok(
                Date.parse(created[created.length - 1]) >= nowMs - 7 * 86_400_000,
                `${objectName} has nothing recent`,
            );
        }
        assert.ok(
            records.Opportunity.some((deal) => str(deal.CloseDate) > org.org.today),
            'no pipeline ahead',
        );
    });

    it('grows: the last twelve months have more new deals, leads and cases than the twelve before', () => {
        for (const objectName of ['Opportunity', 'Lead', 'Case']) {
            const times = records[objectName].map((record) => Date.parse(str(record.CreatedDate)));
            const recent = times.filter((time) => time > nowMs - year).length;
            const before = times.filter((time) => time <= nowMs - year && time > nowMs - 2 * year).length;
            assert.ok(recent > before * 1.1, `${objectName}: ${recent} vs ${before}`);
        }
    });

    it('pushes wins into the last month of each fiscal quarter', () => {
        const won = records.Opportunity.filter((deal) => deal.IsWon === true);
        const quarterEnd = won.filter((deal) => Number(str(deal.CloseDate).slice(5, 7)) % 3 === 0).length;
        assert.ok(quarterEnd / won.length > 0.45, `quarter-end share ${quarterEnd / won.length}`);
    });

    it('has reps of different skill', () => {
        const rates = [
            ...groupBy(
                records.Opportunity.filter((deal) => deal.IsClosed === true),
                (deal) => str(deal.OwnerId),
            ).values(),
        ]
            .filter((deals) => deals.length >= 15)
            .map((deals) => deals.filter((deal) => deal.IsWon === true).length / deals.length);
        // The best closes at least half as often again as the weakest (and every rep still wins 3–10 a quarter).
        assert.ok(
            Math.max(...rates) >= 1.5 * Math.min(...rates) && Math.max(...rates) - Math.min(...rates) > 0.12,
            `win rates ${Math.min(...rates)}..${Math.max(...rates)}`,
        );
    });

    it('has ties: two reps with the same number of new deals in a month', () => {
        const perMonth = groupBy(records.Opportunity, (deal) => month(deal.CreatedDate));
        const tied = [...perMonth.values()].some((deals) => {
            const counts = [...countBy(deals, (deal) => str(deal.CreatedById)).values()];
            return counts.length !== new Set(counts).size;
        });
        assert.ok(tied, 'tied');
    });

    it('has a rep with an empty month: nothing created, closed or done during the leave', () => {
        const { userId, from, to } = org.org.repLeave;
        assert.ok(
            from <= to && to < org.org.today && month(from) === month(to),
            'from <= to && to < org.org.today && month(from) === month(to)',
        );
        const inLeave = (date: unknown): boolean =>
            date !== null && str(date).slice(0, 10) >= from && str(date).slice(0, 10) <= to;
        const work = workOf(userId);
        for (const record of work) {
            assert.ok(!inLeave(dayOf(record.CreatedDate)), `${record.Id} created during the leave`);
            if (objectApiNameOfId(record.Id) === 'Opportunity')
                assert.ok(!inLeave(record.CloseDate), `${record.Id} closes during the leave`);
            if (objectApiNameOfId(record.Id) === 'Task')
                assert.ok(!inLeave(record.ActivityDate), `${record.Id} is due during the leave`);
        }
        assert.ok(work.length > 50, 'the rep on leave has no records at all');
    });

    it('has a rep who joined recently with nothing before, and a leaver with nothing after', () => {
        const newRep = byId.get(org.org.personas.newRep)!;
        const joined = str(newRep.CreatedDate);
        const work = workOf(newRep.Id).filter((record) => record.Id !== newRep.Id);
        assert.ok(work.length > 0, 'the new rep has done nothing');
        const early = work.filter((record) => str(record.CreatedDate) < joined).map((record) => record.Id);
        assert.deepEqual(early, []);
        assert.ok(Date.parse(joined) > nowMs - 60 * 86_400_000, `joined ${joined}`);

        const leaver = byId.get(org.org.personas.inactiveRep)!;
        const left = str(leaver.LastModifiedDate);
        const created = allRecords(org).filter((record) => record.CreatedById === leaver.Id);
        assert.ok(created.length > 0, 'the leaver never created anything');
        assert.deepEqual(
            created.filter((record) => str(record.CreatedDate) >= left).map((record) => record.Id),
            [],
        );
        assert.deepEqual(
            records.Opportunity.filter((deal) => deal.OwnerId === leaver.Id && deal.IsClosed !== true).map(
                (deal) => deal.Id,
            ),
            [],
        );
    });
});

describe('sizes', () => {
    it('takes a number of reps for benchmarks of a wide sales floor, one per 100 records at most', () => {
        assert.throws(
            () => generateSampleOrg({ size: 1_000, reps: 11 }),
            /option "reps" must be an integer from 6 to 10/,
        );
        assert.throws(() => generateSampleOrg({ size: 1_000, reps: 2.5 }), /option "reps"/);
    });

    it('plans people in proportion to records from 20 k up, so volumes per person stay the same', () => {
        const plans = [20_000, 100_000, 1_000_000].map(planSampleOrg);
        assert.deepEqual(
            plans.map((plan) => plan.reps),
            [10, 50, 500],
        );
        for (const plan of plans) {
            const size = plan.reps * 2_000;
            assert.ok(plan.opportunities / plan.reps === (size * 0.075) / plan.reps, 'deals per rep');
            assert.ok(plan.reps / plan.salesManagers >= 5 && plan.reps / plan.salesManagers <= 7, 'span of control');
            assert.ok(plan.agents >= 3 && plan.cases / plan.agents >= 60, 'cases per agent');
        }
        // The smallest size keeps a whole company: a VP over two managers over six reps, three agents.
        const small = planSampleOrg(1_000);
        assert.equal(small.reps, 6);
        assert.equal(small.salesManagers, 2);
        assert.equal(small.agents, 3);
    });

    it('generates about the requested number of records', () => {
        for (const sample of [generateSampleOrg({ size: 1000, now: NOW }), org]) {
            const total = allRecords(sample).length;
            assert.ok(
                Math.abs(total - sample.org.size) / sample.org.size < 0.1,
                `${total} records for size ${sample.org.size}`,
            );
        }
    });
});

describe('fiscal years that do not start in January', () => {
    for (const fiscalYearStartMonth of [2, 4]) {
        it(`follows a fiscal year starting in month ${fiscalYearStartMonth}`, () => {
            const sample = generateSampleOrg({ seed: 3, size: 5000, now: NOW, fiscalYearStartMonth });
            assert.equal(sample.org.fiscalYearStartMonth, fiscalYearStartMonth);
            for (const deal of sample.records.Opportunity) {
                const period = fiscalPeriodOf(str(deal.CloseDate), sample.org);
                assert.equal(deal.FiscalQuarter, period.fiscalQuarter);
                assert.equal(deal.FiscalYear, period.fiscalYear);
            }
            const won = sample.records.Opportunity.filter((deal) => deal.IsWon === true);
            const lastMonthOfQuarter = (date: string): boolean =>
                (((Number(date.slice(5, 7)) - fiscalYearStartMonth) % 3) + 3) % 3 === 2;
            const share = won.filter((deal) => lastMonthOfQuarter(str(deal.CloseDate))).length / won.length;
            assert.ok(share > 0.45, `quarter-end share ${share}`);
        });
    }
});
