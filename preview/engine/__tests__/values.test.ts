import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../index';
import { fixtureEngine, fixtureOrg, nodes, U, viewer } from './fixture';

const { run } = fixtureEngine();

// ICU puts no-break and narrow no-break spaces in some formats; compare them as plain spaces.
function plain(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value).replace(/[\u00a0\u202f]/g, ' '));
}

const delta = `{ uiapi { query { Opportunity(where: { Name: { eq: "Delta" } }) { edges { node {
    Name { value displayValue }
    Amount { value displayValue format convertCurrency }
    CloseDate { value displayValue format }
    CreatedDate { value displayValue format }
    Probability { value displayValue }
    StageName { value displayValue label }
    IsWon { value displayValue }
    OwnerId { value displayValue }
} } } } } }`;

describe('field values (value, displayValue, format)', () => {
    it('keeps values as stored and formats display values for an en-US viewer in Los Angeles', () => {
        assert.deepEqual(plain(nodes(run(delta), 'Opportunity')[0]), {
            Name: { value: 'Delta', displayValue: null },
            Amount: { value: 7000, displayValue: '$7,000.00', format: '$7,000.00', convertCurrency: 7000 },
            CloseDate: { value: '2026-05-15', displayValue: '5/15/2026', format: '5/15/2026' },
            CreatedDate: {
                value: '2026-04-01T12:00:00.000Z',
                displayValue: '4/1/2026, 5:00 AM',
                format: '4/1/2026, 5:00 AM',
            },
            Probability: { value: 10, displayValue: '10%' },
            StageName: { value: 'Negotiation/Review', displayValue: 'Negotiation/Review', label: 'Negotiation/Review' },
            IsWon: { value: false, displayValue: null },
            OwnerId: { value: U.rep3, displayValue: 'Olga Other' },
        });
    });

    it('follows the locale and time zone (de-DE in Berlin)', () => {
        const node = plain(
            nodes(run(delta, U.admin, undefined, { locale: 'de-DE', timeZone: 'Europe/Berlin' }), 'Opportunity')[0],
        ) as Record<string, Record<string, unknown>>;
        assert.equal(node.Amount.displayValue, '7.000,00 $');
        assert.equal(node.CloseDate.displayValue, '15.5.2026');
        assert.equal(node.CreatedDate.displayValue, '1.4.2026, 14:00');
        assert.equal(node.Probability.displayValue, '10 %');
    });

    it("formats amounts in the viewer's currency in a single-currency org, which is the org's one currency", () => {
        const node = nodes(
            run(delta, U.admin, undefined, { locale: 'ja-JP', timeZone: 'Asia/Tokyo', currency: 'JPY' }),
            'Opportunity',
        )[0] as Record<string, Record<string, unknown>>;
        assert.equal(node.Amount.displayValue, '￥7,000');
        assert.equal(node.Amount.convertCurrency, 7000);
        assert.equal(node.CloseDate.displayValue, '2026/5/15');
        assert.equal(node.CreatedDate.displayValue, '2026/4/1 21:00');
    });

    it("shows the viewer's currency beside the amount in a multi-currency org", () => {
        const org = fixtureOrg();
        org.org.currencyRates = { EUR: 0.9 };
        const response = createEngine(org).execute({ query: delta }, viewer(U.admin, { currency: 'EUR' }));
        const node = plain(nodes(response, 'Opportunity')[0]) as Record<string, Record<string, unknown>>;
        assert.deepEqual(node.Amount, {
            value: 7000,
            displayValue: '$7,000.00 (€6,300.00)',
            format: '$7,000.00',
            convertCurrency: 6300,
        });
    });
});

describe('uiapi.currentUser', () => {
    const query = '{ uiapi { currentUser { Id Name { value } Manager { Name { value } } } } }';

    it("follows the offline checker, which rejects it at the package's API version", () => {
        const response = run(query, U.rep1);
        assert.equal(response.data, undefined);
        assert.match(response.errors![0].message, /^Validation error \(api-version@\[uiapi\/currentUser\]\)/);
    });

    it('is the viewer as a User record at API 66.0', () => {
        const engine = createEngine(fixtureOrg(), { apiVersion: 66 });
        const response = engine.execute({ query }, viewer(U.rep1));
        assert.deepEqual(response.data, {
            uiapi: {
                currentUser: { Id: U.rep1, Name: { value: 'Rita Rep' }, Manager: { Name: { value: 'Mona Manager' } } },
            },
        });
    });
});
