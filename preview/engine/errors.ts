/**
 * Errors shaped like UI API GraphQL's. Salesforce runs graphql-java: validation messages read
 * `Validation error (FieldUndefined@[uiapi/query/Account/edges/node/Foo]) : Field 'Foo' in type 'Account' is undefined`
 * and the error type is one of InvalidSyntax, ValidationError, DataFetchingException, OperationNotSupported,
 * ExecutionAborted (developer.salesforce.com/docs/platform/graphql/guide/query-status.html).
 */
import { getLocation, type ASTNode, type GraphQLError } from 'graphql';
import type { EngineError } from './api';

export type ErrorType =
    'InvalidSyntax' | 'ValidationError' | 'DataFetchingException' | 'OperationNotSupported' | 'ExecutionAborted';

/** A failure the engine reports to the caller as a GraphQL error rather than throwing. */
export class EngineFault extends Error {
    constructor(
        readonly errorType: ErrorType,
        message: string,
        readonly nodes: readonly ASTNode[] = [],
        readonly path?: (string | number)[],
    ) {
        super(message);
    }
}

export function locationsOf(nodes: readonly ASTNode[]): { line: number; column: number }[] | undefined {
    const locations: { line: number; column: number }[] = [];
    for (const node of nodes) {
        const loc = node.loc;
        if (!loc) continue;
        const { line, column } = getLocation(loc.source, loc.start);
        locations.push({ line, column });
    }
    return locations.length ? locations : undefined;
}

export function toEngineError(
    errorType: ErrorType,
    message: string,
    nodes: readonly ASTNode[] = [],
    path?: (string | number)[],
): EngineError {
    const error: EngineError = { message };
    const locations = locationsOf(nodes);
    if (locations) error.locations = locations;
    if (path) error.path = path;
    error.extensions = { errorType, classification: errorType };
    error.errorType = errorType;
    return error;
}

export function faultToError(fault: EngineFault): EngineError {
    return toEngineError(fault.errorType, fault.message, fault.nodes, fault.path);
}

/** graphql-java's validation message: `Validation error (Rule@[query/path]) : description`. */
export function validationMessage(rule: string, queryPath: readonly string[], description: string): string {
    const at = queryPath.length ? `@[${queryPath.join('/')}]` : '';
    return `Validation error (${rule}${at}) : ${description}`;
}

export function fieldUndefinedMessage(queryPath: readonly string[], field: string, typeName: string): string {
    return validationMessage('FieldUndefined', queryPath, `Field '${field}' in type '${typeName}' is undefined`);
}

const graphqlJsRules: [RegExp, string, (m: RegExpMatchArray) => string][] = [
    [
        /^Cannot query field "(.+?)" on type "(.+?)"/,
        'FieldUndefined',
        (m) => `Field '${m[1]}' in type '${m[2]}' is undefined`,
    ],
    [/^Unknown argument "(.+?)" on field "(.+?)"/, 'UnknownArgument', (m) => `Unknown field argument ${m[1]}`],
    [
        /^Field "(.+?)" is not defined by type "(.+?)"/,
        'WrongType',
        (m) => `contains a field not in '${m[2]}': '${m[1]}'`,
    ],
    [/^Unknown type "(.+?)"/, 'UnknownType', (m) => `Unknown type '${m[1]}'`],
    [/^Variable "\$(.+?)" is not defined/, 'UndefinedVariable', (m) => `Undefined variable ${m[1]}`],
    [/^Variable "\$(.+?)" is never used/, 'UnusedVariable', (m) => `Unused variable ${m[1]}`],
    [
        /^Field "(.+?)" of type "(.+?)" must have a selection/,
        'SubselectionRequired',
        (m) => `Subselection required for type '${m[2]}' of field '${m[1]}'`,
    ],
    [
        /^Field "(.+?)" must not have a selection/,
        'SubselectionNotAllowed',
        (m) => `Subselection not allowed on leaf type of field '${m[1]}'`,
    ],
    [/^Unknown directive "@(.+?)"/, 'UnknownDirective', (m) => `Unknown directive ${m[1]}`],
];

/** Rewrites a graphql-js validation error into graphql-java's wording, keeping its locations. */
export function fromGraphQLValidation(error: GraphQLError, queryPath: readonly string[]): EngineError {
    for (const [pattern, rule, describe] of graphqlJsRules) {
        const m = error.message.match(pattern);
        if (m)
            return toEngineError('ValidationError', validationMessage(rule, queryPath, describe(m)), error.nodes ?? []);
    }
    return toEngineError(
        'ValidationError',
        validationMessage('WrongType', queryPath, error.message),
        error.nodes ?? [],
    );
}
