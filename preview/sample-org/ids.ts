/**
 * Salesforce record Ids: a 3-character key prefix naming the object, 12 more base-62 characters (pod, a reserved 0,
 * then a 9-character counter), and a 3-character suffix that makes the 18-character form safe to compare without case.
 * Layout and suffix as described in the "ID" field type of the SOAP API guide (field_types.htm) and at
 * salesforce.stackexchange.com/questions/1653; standard objects share their key prefixes across orgs.
 */
export const KEY_PREFIXES = {
    Organization: '00D',
    User: '005',
    UserRole: '00E',
    Profile: '00e',
    Account: '001',
    Contact: '003',
    Lead: '00Q',
    Campaign: '701',
    CampaignMember: '00v',
    Opportunity: '006',
    OpportunityHistory: '008',
    Task: '00T',
    Case: '500',
} as const;

export type SampleObjectName = Exclude<keyof typeof KEY_PREFIXES, 'Organization'>;

const OBJECT_BY_PREFIX = new Map<string, string>(Object.entries(KEY_PREFIXES).map(([name, prefix]) => [prefix, name]));

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62_CODES = Array.from(BASE62, (char) => char.charCodeAt(0));
const SUFFIX_CODES = Array.from(SUFFIX_ALPHABET, (char) => char.charCodeAt(0));
const ID_PATTERN = /^[0-9A-Za-z]{15}([A-Z0-5]{3})?$/;

/**
 * The 3-character suffix of an 18-character Id: for each 5-character chunk of the 15-character Id, a bit per
 * upper-case letter, read as an index into A–Z0–5 (what the CASESAFEID formula function computes).
 */
export function caseSafeSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let flags = 0;
        for (let position = 0; position < 5; position++) {
            const code = id15.charCodeAt(chunk * 5 + position);
            if (code >= 65 && code <= 90) flags |= 1 << position;
        }
        suffix += SUFFIX_ALPHABET[flags];
    }
    return suffix;
}

/** The 18-character form of a 15- or 18-character Id, or `undefined` when the text is not an Id. */
export function toCaseSafeId(id: string): string | undefined {
    if (!ID_PATTERN.test(id)) return undefined;
    const id15 = id.slice(0, 15);
    const expected = id15 + caseSafeSuffix(id15);
    return id.length === 15 || id === expected ? expected : undefined;
}

/** The object an Id belongs to, from its key prefix (`undefined` for a prefix the sample org does not use). */
export function objectApiNameOfId(id: string): string | undefined {
    return OBJECT_BY_PREFIX.get(id.slice(0, 3));
}

/** Hands out consecutive Ids for one object, starting from a seeded offset so Ids look like an org's. */
export class IdSequence {
    private counter: number;
    // Characters 4-5 are the pod ("5g" here), the 6th is reserved and always 0; built as char codes so each Id is one
    // flat string rather than a chain of concatenations.
    private readonly codes: number[];

    constructor(prefix: string, start: number) {
        this.counter = start;
        this.codes = Array.from(`${prefix}5g0000000000AAA`, (char) => char.charCodeAt(0));
    }

    next(): string {
        const codes = this.codes;
        let value = this.counter++;
        for (let position = 14; position >= 6; position--) {
            codes[position] = BASE62_CODES[value % 62];
            value = Math.floor(value / 62);
        }
        for (let chunk = 0; chunk < 3; chunk++) {
            let flags = 0;
            for (let position = 0; position < 5; position++) {
                const code = codes[chunk * 5 + position];
                if (code >= 65 && code <= 90) flags |= 1 << position;
            }
            codes[15 + chunk] = SUFFIX_CODES[flags];
        }
        return String.fromCharCode(...codes);
    }
}
