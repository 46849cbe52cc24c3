/**
 * The sample org as the engine reads it: one table per object with its description, an Id → row index, lazily built
 * owner and parent indexes, and typed-array columns of parsed dates so a scan never parses the same string twice.
 */
import type { FieldDescription, ObjectDescription } from '../../schema/types';
import { dayFromIso, localDayOf, localHourOf, parseInstant } from './dates';
import { cachedIn } from './memo';
import type { EngineOrg, SObjectRecord } from './org';

/** A null in an Int32Array column of civil days. */
export const NO_DAY = -2147483648;

export interface ObjectInfo {
    apiName: string;
    label: string;
    fields: Map<string, FieldDescription>;
    /** Reference fields by relationship name (`Owner` → OwnerId). */
    relationships: Map<string, FieldDescription>;
    /** Child relationships by name (`Opportunities` on Account → Opportunity.AccountId). */
    children: Map<string, { object: string; field: string }>;
    /** The field shown as the record's name (Name, CaseNumber, Subject …). */
    nameField: string | undefined;
}

export interface Table {
    info: ObjectInfo;
    rows: SObjectRecord[];
    /** Id → row, built on first use. */
    readonly rowOf: Map<string, number>;
    columns: Map<string, Int32Array | Float64Array>;
    indexes: Map<string, Map<string, number[]>>;
}

const nameFieldCandidates = ['Name', 'CaseNumber', 'Subject', 'Title'];

export function describeObjects(descriptions: readonly ObjectDescription[]): Map<string, ObjectInfo> {
    const infos = new Map<string, ObjectInfo>();
    for (const d of descriptions) {
        const fields = new Map(d.fields.map((f) => [f.name, f]));
        const relationships = new Map<string, FieldDescription>();
        for (const f of d.fields)
            if (f.type === 'Reference' && f.relationshipName) relationships.set(f.relationshipName, f);
        infos.set(d.apiName, {
            apiName: d.apiName,
            label: d.label,
            fields,
            relationships,
            children: new Map(),
            nameField: nameFieldCandidates.find((n) => fields.has(n)),
        });
    }
    for (const d of descriptions) {
        for (const f of d.fields) {
            if (f.type !== 'Reference' || !f.childRelationshipName) continue;
            for (const parent of f.referenceTo ?? []) {
                infos.get(parent)?.children.set(f.childRelationshipName, { object: d.apiName, field: f.name });
            }
        }
    }
    return infos;
}

export class Tables {
    private readonly tables = new Map<string, Table>();

    constructor(
        readonly org: EngineOrg,
        readonly infos: Map<string, ObjectInfo>,
    ) {
        for (const [name, info] of infos) {
            const rows = org.records[name] ?? [];
            let rowOf: Map<string, number> | undefined;
            this.tables.set(name, {
                info,
                rows,
                get rowOf() {
                    if (!rowOf) {
                        rowOf = new Map();
                        for (let i = 0; i < rows.length; i++) rowOf.set(rows[i].Id, i);
                    }
                    return rowOf;
                },
                columns: new Map(),
                indexes: new Map(),
            });
        }
    }

    get(object: string): Table | undefined {
        return this.tables.get(object);
    }

    /** The table and row of a record Id among the objects a reference can point to. */
    locate(id: unknown, candidates: readonly string[] | undefined): { table: Table; row: number } | undefined {
        if (typeof id !== 'string') return undefined;
        for (const name of candidates ?? this.tables.keys()) {
            const table = this.tables.get(name);
            const row = table?.rowOf.get(id);
            if (table && row !== undefined) return { table, row };
        }
        return undefined;
    }

    ownerIndex(table: Table): Map<string, number[]> {
        return this.indexBy(table, 'OwnerId');
    }

    /** Rows per value of a reference field (children of each parent), in row order; built once per field. */
    indexBy(table: Table, field: string): Map<string, number[]> {
        return cachedIn(table.indexes, `index|${field}`, () => {
            const index = new Map<string, number[]>();
            const rows = table.rows;
            for (let i = 0; i < rows.length; i++) {
                const v = rows[i][field];
                if (typeof v !== 'string') continue;
                let list = index.get(v);
                if (!list) index.set(v, (list = []));
                list.push(i);
            }
            return index;
        });
    }

    /** Civil day per row of a Date field (NO_DAY for null). */
    dayColumn(table: Table, field: string): Int32Array {
        return cachedIn(table.columns, `day|${field}`, () =>
            fill(new Int32Array(table.rows.length), (i) => {
                const v = table.rows[i][field];
                const d = typeof v === 'string' ? dayFromIso(v) : NaN;
                return Number.isNaN(d) ? NO_DAY : d;
            }),
        );
    }

    /** Epoch milliseconds per row of a DateTime field (NaN for null). */
    instantColumn(table: Table, field: string): Float64Array {
        return cachedIn(table.columns, `ms|${field}`, () =>
            fill(new Float64Array(table.rows.length), (i) => {
                const v = table.rows[i][field];
                return typeof v === 'string' ? parseInstant(v) : NaN;
            }),
        );
    }

    /** The civil day each row's DateTime falls on in `timeZone` ('UTC' for SOQL date functions). */
    localDayColumn(table: Table, field: string, timeZone: string): Int32Array {
        return cachedIn(table.columns, `lday|${field}|${timeZone}`, () =>
            this.perInstant(table, field, NO_DAY, (ms) => localDayOf(ms, timeZone)),
        );
    }

    /** Local hour (0-23) per row of a DateTime field in `timeZone` (-1 for null). */
    localHourColumn(table: Table, field: string, timeZone: string): Int32Array {
        return cachedIn(table.columns, `hour|${field}|${timeZone}`, () =>
            this.perInstant(table, field, -1, (ms) => localHourOf(ms, timeZone)),
        );
    }

    /** An Int32 column computed from each row's DateTime, `missing` where it is null. */
    private perInstant(table: Table, field: string, missing: number, of: (ms: number) => number): Int32Array {
        const ms = this.instantColumn(table, field);
        return fill(new Int32Array(ms.length), (i) => (Number.isNaN(ms[i]) ? missing : of(ms[i])));
    }
}

/** Sets every element of a column to its value for that row. */
function fill<C extends Int32Array | Float64Array>(col: C, valueAt: (row: number) => number): C {
    for (let i = 0; i < col.length; i++) col[i] = valueAt(i);
    return col;
}
