/**
 * Ordering rows or groups by several keys, SOQL style (developer.salesforce.com/docs/platform/salesforce-soql-sosl/
 * guide/sforce-api-calls-soql-select-orderby.html): ascending by default, nulls first by default, text compared
 * without case. Only the rows a page needs are fully ordered (a bounded heap), so a page of 10 out of a million
 * matches costs n log 10, not n log n.
 */

export type SortKey = string | number | boolean | null | undefined;

export interface SortClause {
    /** The key of item i (an index into the caller's arrays). */
    key: (i: number) => SortKey;
    descending: boolean;
    nullsLast: boolean;
}

function compareKeys(a: SortKey, b: SortKey): number {
    if (typeof a === 'string' && typeof b === 'string') {
        if (a === b) return 0;
        const la = a.toLowerCase();
        const lb = b.toLowerCase();
        if (la !== lb) return la < lb ? -1 : 1;
        return a < b ? -1 : 1;
    }
    if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
    return (a as number) - (b as number);
}

/** A comparator over item indices; `tieBreak` (usually the row number) keeps the order stable and deterministic. */
export function comparatorOf(
    clauses: readonly SortClause[],
    tieBreak: (i: number) => number,
): (a: number, b: number) => number {
    return (a, b) => {
        for (const c of clauses) {
            const ka = c.key(a);
            const kb = c.key(b);
            const na = ka === null || ka === undefined;
            const nb = kb === null || kb === undefined;
            if (na || nb) {
                if (na && nb) continue;
                return na === c.nullsLast ? 1 : -1;
            }
            const d = compareKeys(ka, kb);
            if (d !== 0) return c.descending ? -d : d;
        }
        return tieBreak(a) - tieBreak(b);
    };
}

/** The first `k` items of `items` in comparator order (all of them when k ≥ items.length). */
export function firstInOrder(items: Int32Array, k: number, cmp: (a: number, b: number) => number): Int32Array {
    if (k <= 0) return new Int32Array(0);
    if (items.length <= k * 4) return Int32Array.from(items).sort(cmp).subarray(0, Math.min(k, items.length));
    // Max-heap of the k best seen so far: the root is the worst of them.
    const heap = new Int32Array(k);
    let size = 0;
    const up = (i: number) => {
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (cmp(heap[i], heap[p]) <= 0) break;
            [heap[i], heap[p]] = [heap[p], heap[i]];
            i = p;
        }
    };
    const down = (i: number) => {
        for (;;) {
            const l = 2 * i + 1;
            const r = l + 1;
            let m = i;
            if (l < size && cmp(heap[l], heap[m]) > 0) m = l;
            if (r < size && cmp(heap[r], heap[m]) > 0) m = r;
            if (m === i) return;
            [heap[i], heap[m]] = [heap[m], heap[i]];
            i = m;
        }
    };
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (size < k) {
            heap[size++] = item;
            up(size - 1);
        } else if (cmp(item, heap[0]) < 0) {
            heap[0] = item;
            down(0);
        }
    }
    return heap.subarray(0, size).sort(cmp);
}
