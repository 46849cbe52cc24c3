/**
 * GraphQL documents read by what they say, not by their layout: the tests look for filters and selections, and for
 * where a server would place an error, without depending on line breaks, indentation or spacing. jest.setup.ts
 * registers toContainGraphql for every test.
 */
import { Lexer, Source, TokenKind, parse, visit } from 'graphql';
import type { FieldNode } from 'graphql';

/**
 * GraphQL text as its tokens one space apart, with a space at either end: two texts that differ only in layout
 * (line breaks, indentation, spaces, commas) read the same, and `toContain` matches whole tokens. Takes documents
 * and fragments alike (`{ OwnerId: { eq: $userId } }`, `q0: Lead(where:`).
 */
export function gqlTokens(text: string): string {
    const lexer = new Lexer(new Source(text));
    const tokens: string[] = [];
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
        if (token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING) {
            tokens.push(JSON.stringify(token.value));
        } else tokens.push(token.value ?? token.kind);
    }
    return ` ${tokens.join(' ')} `;
}

export interface FieldPlace {
    /** The field's name: the object of a subquery. */
    name: string;
    /** First and last line (1-based) of the field with its selection. */
    lines: [number, number];
    column: number;
}

/** Every aliased field of a document, by alias: where the subqueries `q0: Opportunity(…) { … }` stand. */
export function aliasedFields(query: string): Map<string, FieldPlace> {
    const fields = new Map<string, FieldPlace>();
    visit(parse(query), {
        Field(node) {
            if (node.alias && node.loc) {
                fields.set(node.alias.value, {
                    name: node.name.value,
                    lines: [node.loc.startToken.line, node.loc.endToken.line],
                    column: node.loc.startToken.column,
                });
            }
        },
    });
    return fields;
}

/**
 * Where a GraphQL server reports an error about the subquery `alias`, or about the first field named `field`
 * inside it: the line and column of that field in the document.
 */
export function locationOf(query: string, alias: string, field?: string): { line: number; column: number } {
    let found: FieldNode | undefined;
    let inside: FieldNode | undefined;
    visit(parse(query), {
        Field: {
            enter(node) {
                if (found) return false;
                if (!inside && node.alias?.value === alias) {
                    inside = node;
                    if (field === undefined) found = node;
                } else if (inside && node.name.value === field) found = node;
                return undefined;
            },
            leave(node) {
                if (node === inside && !found) inside = undefined;
            },
        },
    });
    if (!found?.loc) throw new Error(`no field ${field ?? ''} under ${alias} in the document`);
    return { line: found.loc.startToken.line, column: found.loc.startToken.column };
}

/** The names of the variables an operation declares, and of those its selections use, each sorted. */
export function variableNames(query: string): { declared: string[]; used: string[] } {
    const declared: string[] = [];
    const used = new Set<string>();
    visit(parse(query), {
        VariableDefinition(node) {
            declared.push(node.variable.name.value);
            return false;
        },
        Variable(node) {
            used.add(node.name.value);
        },
    });
    return { declared: declared.sort(), used: [...used].sort() };
}

/** `expect(query).toContainGraphql(fragment)`: the tokens of `fragment` stand in a row in `query`. */
export const graphqlMatchers = {
    toContainGraphql(this: jest.MatcherContext, received: string, fragment: string): jest.CustomMatcherResult {
        const text = gqlTokens(received);
        const wanted = gqlTokens(fragment);
        const pass = text.includes(wanted);
        return {
            pass,
            message: () =>
                `expected the document ${pass ? 'not ' : ''}to contain, layout aside,\n  ${wanted.trim()}\n` +
                `document:\n  ${text.trim()}`,
        };
    },
};

declare global {
    // eslint-disable-next-line @typescript-eslint/no-namespace -- Jest's matcher types live in its namespace
    namespace jest {
        interface Matchers<R> {
            /** The GraphQL text holds `fragment`'s tokens in a row, whatever the layout of either. */
            toContainGraphql(fragment: string): R;
        }
    }
}
