/**
 * `uiapi.objectInfos`: object metadata and picklist values as the viewer's describe shows them, built from the object
 * descriptions in schema/objects. Fields hidden from the viewer by field-level security are absent, as they are from
 * the viewer's schema (access.ts); objects the viewer cannot read (or the org does not expose) come back null with an
 * error at their index. The preview models no record types: every picklist lists its values under the master record
 * type. A selected property the preview does not model fails the request instead of inventing a value.
 * https://developer.salesforce.com/docs/platform/graphql/guide/query-objectinfo.html
 */
import {
    getNamedType,
    isAbstractType,
    isListType,
    isNonNullType,
    isObjectType,
    type FieldNode,
    type GraphQLObjectType,
    type GraphQLOutputType,
} from 'graphql';
import type { FieldDescription, FieldType } from '../../schema/types';
import { EngineFault, toEngineError } from './errors';
import { argumentsOf, fieldDef, subfields, type ExecContext, type FieldPlanner } from './execute';
import type { ObjectInfo } from './tables';

/** The Id of the master record type, the one every object has (getPicklistValues docs: 012000000000000AAA). */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const dataTypes: Record<FieldType, string> = {
    Id: 'STRING',
    Reference: 'REFERENCE',
    String: 'STRING',
    TextArea: 'TEXTAREA',
    Email: 'EMAIL',
    Phone: 'PHONE',
    Url: 'URL',
    Picklist: 'PICKLIST',
    MultiPicklist: 'MULTIPICKLIST',
    Boolean: 'BOOLEAN',
    Int: 'INT',
    Double: 'DOUBLE',
    Currency: 'CURRENCY',
    Percent: 'PERCENT',
    Date: 'DATE',
    DateTime: 'DATETIME',
};

/** A describe value: the concrete GraphQL type name for interface members, then the properties the preview models. */
type Described = { __type?: string } & Record<string, unknown>;

function describeField(object: ObjectInfo, field: FieldDescription): Described {
    const picklist = field.type === 'Picklist' || field.type === 'MultiPicklist';
    const described: Described = {
        __type: picklist ? 'PicklistField' : 'StandardField',
        ApiName: field.name,
        label: field.label,
        dataType: dataTypes[field.type],
        custom: field.custom === true || field.name.endsWith('__c'),
        calculated: false,
        compound: false,
        filterable: field.filterable !== false,
        sortable: field.sortable !== false,
        nameField: object.nameField === field.name,
        reference: field.type === 'Reference',
        relationshipName: field.relationshipName ?? null,
        polymorphicForeignKey: (field.referenceTo?.length ?? 0) > 1,
        controllingFields: [],
        controllerName: null,
    };
    if (picklist) {
        // The sample org's picklist values are their own labels (no translations).
        const values = (field.picklistValues ?? []).map((value) => ({ label: value, value, validFor: [] }));
        described.picklistValuesByRecordTypeIDs = [
            { recordTypeID: MASTER_RECORD_TYPE_ID, picklistValues: values, defaultValue: null, controllerValues: [] },
        ];
    }
    return described;
}

function describeObject(
    ctx: ExecContext,
    description: { info: ObjectInfo; label: string; pluralLabel: string },
    fieldNames?: readonly string[],
): Described {
    const { info } = description;
    const fields = [...info.fields.values()].filter(
        (field) =>
            !ctx.access.isFieldHidden(info.apiName, field.name) && (!fieldNames || fieldNames.includes(field.name)),
    );
    return {
        ApiName: info.apiName,
        label: description.label,
        labelPlural: description.pluralLabel,
        custom: info.apiName.endsWith('__c'),
        queryable: true,
        nameFields: info.nameField ? [info.nameField] : [],
        defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
        recordTypeInfos: [
            {
                available: true,
                defaultRecordTypeMapping: true,
                master: true,
                name: 'Master',
                recordTypeId: MASTER_RECORD_TYPE_ID,
            },
        ],
        dependentFields: [],
        fields: fields.map((field) => describeField(info, field)),
    };
}

/** Renders a describe value for the selected sub-fields, following the GraphQL type (lists, interfaces, objects). */
function render(
    ctx: ExecContext,
    type: GraphQLOutputType,
    nodes: readonly FieldNode[],
    value: unknown,
    where: string,
): unknown {
    if (value === undefined || value === null) {
        if (isNonNullType(type)) {
            throw new EngineFault(
                'OperationNotSupported',
                `${where} is not modelled by the preview engine's objectInfos`,
                nodes,
            );
        }
        return null;
    }
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
        return (value as unknown[]).map((item) => render(ctx, inner.ofType, nodes, item, where));
    }
    const named = getNamedType(inner);
    if (!isObjectType(named) && !isAbstractType(named)) return value;
    const described = value as Described;
    const concrete = isAbstractType(named) ? ctx.schema.getType(described.__type ?? '') : named;
    if (!isObjectType(concrete)) {
        throw new EngineFault('DataFetchingException', `${where}: no concrete type for ${named.name}`, nodes);
    }
    return renderObject(ctx, concrete, nodes, described);
}

function renderObject(
    ctx: ExecContext,
    type: GraphQLObjectType,
    nodes: readonly FieldNode[],
    described: Described,
): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, list] of subfields(ctx, type, nodes)) {
        const name = list[0].name.value;
        if (name === '__typename') {
            out[key] = type.name;
            continue;
        }
        const def = fieldDef(type, list);
        out[key] = render(ctx, def.type, list, described[name], `${type.name}.${name}`);
    }
    return out;
}

interface ObjectInfoInput {
    apiName: string;
    fieldNames?: string[] | null;
}

/** Plans `uiapi.objectInfos(apiNames:, objectInfoInputs:)`: one entry per requested object, in the order asked. */
export const planObjectInfos: FieldPlanner = (ctx, uiapiType, nodes, path) => {
    const def = fieldDef(uiapiType, nodes);
    const { args } = argumentsOf(ctx, def, nodes[0]);
    const requests: ObjectInfoInput[] = [
        ...((args.apiNames as (string | null)[] | undefined) ?? [])
            .filter((name): name is string => typeof name === 'string')
            .map((apiName) => ({ apiName })),
        ...((args.objectInfoInputs as (ObjectInfoInput | null)[] | undefined) ?? []).filter(
            (input): input is ObjectInfoInput => input !== null,
        ),
    ];
    const itemType = getNamedType(def.type) as GraphQLObjectType;
    const results = requests.map((request, index) => {
        const info = ctx.tables.infos.get(request.apiName);
        const description = ctx.objects.get(request.apiName);
        if (!info || !description || ctx.isObjectHidden(request.apiName)) {
            ctx.errors.push(
                toEngineError(
                    'DataFetchingException',
                    `objectInfos: ${request.apiName} is not an object you can access or that UI API supports`,
                    nodes,
                    [...path, index],
                ),
            );
            return null;
        }
        const described = describeObject(
            ctx,
            { info, ...description },
            request.fieldNames ? request.fieldNames : undefined,
        );
        return renderObject(ctx, itemType, nodes, described);
    });
    return () => results;
};
