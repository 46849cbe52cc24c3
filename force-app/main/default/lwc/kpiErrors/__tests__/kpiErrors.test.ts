import { classifyError, errorMessages, reduceErrors, shortenMessage, summarizeErrors } from 'c/kpiErrors';
import type { KpiErrorMessage } from 'c/kpiErrors';

// In Jest a custom label import resolves to its name.
const UNKNOWN = 'c.kpiErrorUnknown';
const UNDESCRIBED = 'c.kpiErrorUndescribed';
const NETWORK = 'c.kpiErrorNetwork';

// Shapes as UI API GraphQL (graphql-java) reports them.
const fieldUndefined = {
    message:
        "Validation error of type FieldUndefined: Field 'Secret__c' in type 'Opportunity' is undefined @ 'uiapi/query/Opportunity/edges/node/Secret__c'",
    locations: [{ line: 4, column: 7 }],
    path: null,
    extensions: { ErrorType: 'ValidationError' },
    errorType: 'ValidationError',
};
const objectUndefined = {
    message:
        "Validation error of type FieldUndefined: Field 'OpportunityHistory' in type 'RecordQuery' is undefined @ 'uiapi/query/OpportunityHistory'",
    extensions: { ErrorType: 'ValidationError' },
};
const aggregateObjectUndefined = {
    message:
        "Validation error (FieldUndefined@[uiapi/aggregate/CaseHistory]) : Field 'CaseHistory' in type 'RecordQueryAggregate' is undefined",
};

describe('reduceErrors', () => {
    const cases: [string, unknown, KpiErrorMessage[]][] = [
        ['undefined', undefined, []],
        ['null', null, []],
        ['an empty string', '   ', []],
        ['an empty array', [], []],
        ['a result without errors', { data: { uiapi: {} }, errors: undefined }, []],
        ['a string', '  Something broke  ', [{ kind: 'other', message: 'Something broke' }]],
        ['an Error', new Error('Boom'), [{ kind: 'other', message: 'Boom' }]],
        ['a fetch failure', new TypeError('Failed to fetch'), [{ kind: 'network', message: 'Failed to fetch' }]],
        [
            'a Firefox fetch failure',
            new TypeError('NetworkError when attempting to fetch resource.'),
            [{ kind: 'network', message: 'NetworkError when attempting to fetch resource.' }],
        ],
        ['an LDS offline status', { status: 0 }, [{ kind: 'network', message: NETWORK }]],
        [
            'a GraphQL errors array with an inaccessible field',
            [fieldUndefined],
            [{ kind: 'noAccess', message: "Field 'Secret__c' in type 'Opportunity' is undefined" }],
        ],
        [
            'an object missing from RecordQuery',
            [objectUndefined],
            [{ kind: 'notSupported', message: "Field 'OpportunityHistory' in type 'RecordQuery' is undefined" }],
        ],
        [
            'an object missing from RecordQueryAggregate (newer graphql-java wording)',
            [aggregateObjectUndefined],
            [{ kind: 'notSupported', message: "Field 'CaseHistory' in type 'RecordQueryAggregate' is undefined" }],
        ],
        [
            'partial data with errors',
            { data: { uiapi: { query: {} } }, errors: [fieldUndefined, objectUndefined] },
            [
                { kind: 'noAccess', message: "Field 'Secret__c' in type 'Opportunity' is undefined" },
                { kind: 'notSupported', message: "Field 'OpportunityHistory' in type 'RecordQuery' is undefined" },
            ],
        ],
        [
            'a GraphQL error with an INVALID_FIELD code in extensions',
            [{ message: 'Cannot use this field', extensions: { errorCode: 'INVALID_FIELD' } }],
            [{ kind: 'noAccess', message: 'Cannot use this field' }],
        ],
        [
            'a UI API body with a message',
            { status: 400, body: { message: "No such column 'Secret__c' on entity 'Opportunity'" } },
            [{ kind: 'noAccess', message: "No such column 'Secret__c' on entity 'Opportunity'" }],
        ],
        [
            'a UI API body array',
            {
                body: [
                    { errorCode: 'INVALID_TYPE', message: "sObject type 'Foo__c' is not supported." },
                    { errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred.' },
                ],
            },
            [
                { kind: 'notSupported', message: "sObject type 'Foo__c' is not supported." },
                { kind: 'other', message: 'An unexpected error occurred.' },
            ],
        ],
        [
            'output errors and field errors',
            {
                body: {
                    message: 'An error occurred while trying to update the record.',
                    output: {
                        errors: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'Not allowed' }],
                        fieldErrors: { Amount: [{ errorCode: 'INVALID_FIELD', message: 'Amount is wrong' }] },
                    },
                },
            },
            [
                { kind: 'noAccess', message: 'Not allowed' },
                { kind: 'noAccess', message: 'Amount is wrong' },
            ],
        ],
        [
            'page errors and field errors at the top of the body',
            { body: { pageErrors: [{ message: 'Page broke' }], fieldErrors: { Name: [{ message: 'Name bad' }] } } },
            [
                { kind: 'other', message: 'Page broke' },
                { kind: 'other', message: 'Name bad' },
            ],
        ],
        ['a string body', { body: 'Plain text body' }, [{ kind: 'other', message: 'Plain text body' }]],
        [
            'an empty body falls back to statusText',
            { status: 500, statusText: 'Server Error', body: {} },
            [{ kind: 'other', message: 'Server Error' }],
        ],
        [
            'an AggregateError',
            new AggregateError([new Error('one'), 'two'], 'both'),
            [
                { kind: 'other', message: 'one' },
                { kind: 'other', message: 'two' },
            ],
        ],
        [
            'duplicates',
            ['Same', new Error('Same'), { body: { message: 'Same' } }],
            [{ kind: 'other', message: 'Same' }],
        ],
        ['a number', 42, [{ kind: 'other', message: UNKNOWN }]],
        ['a function', () => undefined, [{ kind: 'other', message: UNKNOWN }]],
        ['an object of unknown shape', { foo: 'bar' }, [{ kind: 'other', message: UNKNOWN }]],
        ['an array entry without message', [{ code: 1 }], [{ kind: 'other', message: UNKNOWN }]],
        // errors: [null] said nothing and blanked every component (issue 11): an error it did not describe.
        ['a null entry', [null], [{ kind: 'other', message: UNDESCRIBED }]],
        ['an empty string entry', [' '], [{ kind: 'other', message: UNDESCRIBED }]],
        ['a result whose errors are [null]', { data: null, errors: [null] }, [{ kind: 'other', message: UNDESCRIBED }]],
        [
            'a null entry beside a described one',
            [null, { message: 'Boom' }],
            [
                { kind: 'other', message: UNDESCRIBED },
                { kind: 'other', message: 'Boom' },
            ],
        ],
    ];

    it.each(cases)('reduces %s', (_name, input, expected) => {
        expect(reduceErrors(input)).toEqual(expected);
    });

    it('stops on deeply nested or cyclic junk', () => {
        const cyclic: Record<string, unknown> = {};
        cyclic.errors = [cyclic];
        expect(reduceErrors(cyclic)).toEqual([{ kind: 'other', message: UNKNOWN }]);
    });

    it('caps very long messages', () => {
        const [only] = reduceErrors('x'.repeat(1000));
        expect(only.message).toHaveLength(300);
        expect(only.message.endsWith('…')).toBe(true);
    });
});

describe('classifyError', () => {
    it.each([
        ['Failed to fetch', [], 'network'],
        ['Load failed', [], 'network'],
        ['Disconnected or Canceled', [], 'network'],
        ["Field 'Foo__c' in type 'Account' is undefined", [], 'noAccess'],
        ["Field 'Foo__c' in type 'RecordQuery' is undefined", [], 'notSupported'],
        ['anything', ['INVALID_TYPE'], 'notSupported'],
        ['anything', ['INSUFFICIENT_ACCESS'], 'noAccess'],
        ['anything', [42, null], 'other'],
    ] as const)('%s with codes %j is %s', (message, codes, kind) => {
        expect(classifyError(message, codes)).toBe(kind);
    });

    it('needs no codes', () => {
        expect(classifyError("No such column 'Secret__c' on entity 'Opportunity'")).toBe('noAccess');
    });
});

describe('shortenMessage', () => {
    it.each([
        [
            "Validation error of type FieldUndefined: Field 'A' in type 'B' is undefined @ 'x/y'",
            "Field 'A' in type 'B' is undefined",
        ],
        [
            "Validation error (FieldUndefined@[x/y]) : Field 'A' in type 'B' is undefined",
            "Field 'A' in type 'B' is undefined",
        ],
        ['  many\n\n  spaces  ', 'many spaces'],
    ])('%j becomes %j', (input, expected) => {
        expect(shortenMessage(input)).toBe(expected);
    });
});

describe('errorMessages', () => {
    it('lists the reduced messages', () => {
        expect(errorMessages([fieldUndefined, 'Other'])).toEqual([
            "Field 'Secret__c' in type 'Opportunity' is undefined",
            'Other',
        ]);
    });
});

describe('summarizeErrors', () => {
    const entry = (kind: KpiErrorMessage['kind']): KpiErrorMessage => ({ kind, message: kind });
    it.each([
        [[], ''],
        [[entry('other')], 'c.kpiErrorUnknown'],
        [[entry('network')], 'c.kpiErrorNetwork'],
        [[entry('other'), entry('notSupported')], 'c.kpiErrorNotSupported'],
        [[entry('network'), entry('notSupported'), entry('noAccess')], 'c.kpiErrorNoAccess'],
    ])('%j → %s', (errors, expected) => {
        expect(summarizeErrors(errors)).toBe(expected);
    });
});
