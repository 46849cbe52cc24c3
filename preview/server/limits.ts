/**
 * What one `POST /graphql` may ask of the preview server, checked on the document's text and syntax tree before the
 * engine validates or runs anything. The engine stands in for the org and reports the platform's own limits (10
 * subqueries, 2,000 records) as GraphQL errors; these bounds sit above those and keep a single request from
 * exhausting the process (an alias bomb, deep nesting, nested connections of 2,000 rows each).
 */
import {
    GraphQLError,
    Kind,
    Lexer,
    parse,
    Source,
    TokenKind,
    type DocumentNode,
    type FieldNode,
    type FragmentDefinitionNode,
    type OperationDefinitionNode,
    type SelectionSetNode,
    type ValueNode,
} from 'graphql';
import { defaultPageSize, maxPageSize } from '../engine/execute';

export interface RequestLimits {
    /** Lexical tokens in the document: bounds the parser's work. */
    tokens: number;
    /** Bracket nesting (`{`, `(`, `[`): the parser recurses once per level, and overflows the stack at about 1,500. */
    nesting: number;
    /** Fields selected, counting a fragment's fields at every spread. */
    fields: number;
    /** Objects selected under `uiapi.query` and `uiapi.aggregate`. */
    subqueries: number;
    /** Fields within fields. */
    depth: number;
    /** Values the answer could hold: each field times the rows its connections return (`first:`, else 10). */
    cells: number;
    /** Values in arguments and variables (filters): each is tested against every row scanned. */
    values: number;
}

/**
 * Several times what the package's largest documents need (measured over all 2,451 the GraphQL validator checks:
 * 1,908 tokens, 15 nested brackets, 174 fields, 10 subqueries, depth 10, 90,800 answer values for a leaderboard of
 * 2,000 grouped rows, 388 argument values), and low enough that the worst document within them takes the engine
 * well under a second on the 20k sample org.
 */
export const DEFAULT_LIMITS: Readonly<RequestLimits> = {
    tokens: 50_000,
    nesting: 64,
    fields: 1_000,
    subqueries: 50,
    depth: 24,
    cells: 250_000,
    values: 1_000,
};

const WHAT: Record<keyof RequestLimits, string> = {
    tokens: 'tokens',
    nesting: 'levels of nested brackets',
    fields: 'selected fields',
    subqueries: 'subqueries',
    depth: 'levels of nested fields',
    cells: 'values in the answer (fields × rows)',
    values: 'values in arguments and variables',
};

export interface DocumentCost {
    fields: number;
    subqueries: number;
    depth: number;
    cells: number;
    values: number;
}

export interface TextCost {
    tokens: number;
    depth: number;
    nesting: number;
}

interface Summary extends DocumentCost {
    /** Fields other than `__typename` selected directly in this set: the subqueries when it is `uiapi.query`'s. */
    direct: number;
    /** Subqueries if this selection set is `uiapi`'s. */
    sections: number;
}

const EMPTY: Summary = { fields: 0, subqueries: 0, depth: 0, cells: 0, values: 0, direct: 0, sections: 0 };

/**
 * Every value in JSON values or in argument literals (objects, lists and scalars), without recursion: variables can
 * nest as deep as a megabyte of JSON allows.
 */
function countValues(roots: readonly unknown[], children: (value: unknown) => readonly unknown[]): number {
    const stack = [...roots];
    let count = 0;
    while (stack.length > 0) {
        count++;
        for (const child of children(stack.pop())) stack.push(child);
    }
    return count;
}

const jsonChildren = (value: unknown): readonly unknown[] =>
    value !== null && typeof value === 'object' ? Object.values(value) : [];

const literalChildren = (value: unknown): readonly unknown[] => {
    const node = value as ValueNode;
    if (node.kind === Kind.LIST) return node.values;
    if (node.kind === Kind.OBJECT) return node.fields.map((field) => field.value);
    return [];
};

/** The values in the variables of a request (filters, page sizes). */
export function countVariableValues(variables: Record<string, unknown>): number {
    return countValues(Object.values(variables), jsonChildren);
}

/**
 * Tokens, field depth (braces outside arguments open selection sets) and bracket nesting, from the lexer alone,
 * which does not recurse as the parser does; stops counting past the token limit.
 */
export function measureText(source: string, maxTokens = DEFAULT_LIMITS.tokens): TextCost {
    const lexer = new Lexer(new Source(source));
    const open: boolean[] = []; // per open bracket: does it open a selection set?
    const cost: TextCost = { tokens: 0, depth: 0, nesting: 0 };
    let depth = 0;
    let inArguments = 0;
    try {
        for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
            if (++cost.tokens > maxTokens) break;
            const kind = token.kind;
            if (kind === TokenKind.BRACE_L || kind === TokenKind.PAREN_L || kind === TokenKind.BRACKET_L) {
                const selection = kind === TokenKind.BRACE_L && inArguments === 0;
                open.push(selection);
                if (selection) cost.depth = Math.max(cost.depth, ++depth);
                if (kind === TokenKind.PAREN_L) inArguments++;
                cost.nesting = Math.max(cost.nesting, open.length);
            } else if (kind === TokenKind.BRACE_R || kind === TokenKind.PAREN_R || kind === TokenKind.BRACKET_R) {
                if (open.pop()) depth--;
                if (kind === TokenKind.PAREN_R && inArguments > 0) inArguments--;
            }
        }
    } catch (error) {
        // A lexical error is the engine's to report, as the API's "Invalid syntax".
        if (!(error instanceof GraphQLError)) throw error;
    }
    return cost;
}

/** The rows a field's connection returns per parent, as the engine pages them; 1 for a field that is no connection. */
function rowsOf(field: FieldNode, variables: Record<string, unknown>, operation: OperationDefinitionNode): number {
    const first = field.arguments?.find((argument) => argument.name.value === 'first')?.value;
    const connection =
        first !== undefined ||
        field.selectionSet?.selections.some(
            (selection) => selection.kind === Kind.FIELD && selection.name.value === 'edges',
        );
    if (!connection) return 1;
    let value: unknown;
    if (first?.kind === Kind.INT) value = Number(first.value);
    else if (first?.kind === Kind.VARIABLE) {
        const name = first.name.value;
        const fallback = operation.variableDefinitions?.find((v) => v.variable.name.value === name)?.defaultValue;
        value = variables[name] ?? (fallback?.kind === Kind.INT ? Number(fallback.value) : undefined);
    }
    // The engine refuses a page over its maximum itself; a value it cannot read means its default page.
    return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? Math.min(value, maxPageSize)
        : defaultPageSize;
}

/**
 * Fields, subqueries, depth and answer size of each operation, the largest of each; linear in the document's size
 * because each fragment is summed once (spreads of a fragment that is being summed, a cycle, count nothing here and
 * fail validation later). Selections nested deeper than `maxDepth` fields, or than `4 × maxDepth` selection sets
 * of any kind (fragments spread in fragments), are not descended into: `depth` is then `maxDepth + 1`.
 */
export function measureDocument(
    document: DocumentNode,
    variables: Record<string, unknown> = {},
    maxDepth = DEFAULT_LIMITS.depth,
): DocumentCost {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const cost: DocumentCost = { fields: 0, subqueries: 0, depth: 0, cells: 0, values: 0 };
    for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        // Per operation: a fragment's rows can depend on the operation's variable defaults.
        const memo = new Map<string, Summary | 'pending'>();
        let truncated = false;
        const sum = (set: SelectionSetNode, level: number, sets: number): Summary => {
            const total = { ...EMPTY };
            // Bounds the recursion where the text's depth cannot: fragments spread within fragments.
            if (sets > 4 * maxDepth) {
                truncated = true;
                return total;
            }
            const add = (part: Summary) => {
                total.fields += part.fields;
                total.subqueries += part.subqueries;
                total.depth = Math.max(total.depth, part.depth);
                total.cells += part.cells;
                total.values += part.values;
                total.direct += part.direct;
                total.sections += part.sections;
            };
            for (const selection of set.selections) {
                if (selection.kind === Kind.FIELD) {
                    const inner = level < maxDepth ? selection.selectionSet : undefined;
                    if (selection.selectionSet && !inner) truncated = true;
                    const child = inner ? sum(inner, level + 1, sets + 1) : undefined;
                    const name = selection.name.value;
                    add({
                        fields: 1 + (child?.fields ?? 0),
                        subqueries: (child?.subqueries ?? 0) + (name === 'uiapi' ? (child?.sections ?? 0) : 0),
                        depth: 1 + (child?.depth ?? 0),
                        cells: child ? rowsOf(selection, variables, definition) * child.cells : 1,
                        values:
                            countValues(selection.arguments?.map((argument) => argument.value) ?? [], literalChildren) +
                            (child?.values ?? 0),
                        direct: name === '__typename' ? 0 : 1,
                        sections: name === 'query' || name === 'aggregate' ? (child?.direct ?? 0) : 0,
                    });
                } else if (selection.kind === Kind.INLINE_FRAGMENT) {
                    add(sum(selection.selectionSet, level, sets + 1));
                } else {
                    const name = selection.name.value;
                    let part = memo.get(name);
                    if (part === undefined) {
                        const fragment = fragments.get(name);
                        memo.set(name, 'pending');
                        part = fragment ? sum(fragment.selectionSet, level, sets + 1) : EMPTY;
                        memo.set(name, part);
                    }
                    add(part === 'pending' ? EMPTY : part);
                }
            }
            return total;
        };
        const operation = sum(definition.selectionSet, 1, 1);
        cost.fields = Math.max(cost.fields, operation.fields);
        cost.subqueries = Math.max(cost.subqueries, operation.subqueries);
        cost.depth = Math.max(cost.depth, truncated ? maxDepth + 1 : operation.depth);
        cost.cells = Math.max(cost.cells, operation.cells);
        cost.values = Math.max(cost.values, operation.values);
    }
    return cost;
}

/** One line naming the limit and the measured value ("more than" where counting stopped at the limit). */
function refusal(key: keyof RequestLimits, measured: number, limit: number, atLeast = false): string {
    const shown = Number.isFinite(measured) ? measured.toLocaleString('en-US') : 'unboundedly many';
    return `query limit exceeded (${key}): the document has ${atLeast ? 'more than ' : ''}${shown} ${WHAT[key]}; the preview server allows at most ${limit.toLocaleString('en-US')}`;
}

/**
 * Why the preview server refuses this request, or undefined to hand it to the engine. A document that does not parse
 * is the engine's to answer (as the API's "Invalid syntax").
 */
export function checkLimits(
    query: string,
    variables: Record<string, unknown> = {},
    limits: Readonly<RequestLimits> = DEFAULT_LIMITS,
): string | undefined {
    const text = measureText(query, limits.tokens);
    if (text.tokens > limits.tokens) return refusal('tokens', limits.tokens, limits.tokens, true);
    if (text.depth > limits.depth) return refusal('depth', text.depth, limits.depth);
    if (text.nesting > limits.nesting) return refusal('nesting', text.nesting, limits.nesting);
    let document: DocumentNode;
    try {
        document = parse(new Source(query), { noLocation: true, maxTokens: limits.tokens });
    } catch (error) {
        if (error instanceof GraphQLError) return undefined;
        throw error;
    }
    const cost = measureDocument(document, variables, limits.depth);
    cost.values += countVariableValues(variables);
    for (const key of ['fields', 'subqueries', 'depth', 'cells', 'values'] as const) {
        if (cost[key] > limits[key])
            return refusal(key, cost[key], limits[key], key === 'depth' && cost.depth === limits.depth + 1);
    }
    return undefined;
}
