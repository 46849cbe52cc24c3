import fc from 'fast-check';
import {
    comparableScore,
    percentOf,
    rankEntries,
    rankMovement,
    targetProgress,
    viewerSlice,
    RANK_BY,
    RANK_METHODS,
} from 'c/kpiRanking';
import type { RankInput, RankOptions, RankedEntry } from 'c/kpiRanking';

// Small value pools make ties common; zero is always in the pool. Amounts are whole cents, as currency fields hold.
const valueArb = fc.oneof(
    fc.constantFrom(0, 1, 2, 3, 5, 8, 1000.5, 1e6),
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 1e9 }).map((cents) => cents / 100),
);
const inputArb = (withNulls: boolean): fc.Arbitrary<Omit<RankInput, 'key'>> =>
    fc.record({
        value: withNulls ? fc.option(valueArb, { nil: null, freq: 6 }) : valueArb,
        sampleSize: fc.integer({ min: 0, max: 40 }),
        target: fc.option(fc.constantFrom(0, 1, 10, 50, 1000, 2e6), { nil: null, freq: 5 }),
    });
const inputsArb = (withNulls = true) =>
    fc
        .array(inputArb(withNulls), { maxLength: 30 })
        .map((list) => list.map((input, index) => ({ ...input, key: `u${index}` })));
const optionsArb: fc.Arbitrary<RankOptions> = fc.record({
    method: fc.constantFrom(...RANK_METHODS),
    by: fc.constantFrom(...RANK_BY),
    higherIsBetter: fc.boolean(),
    minSample: fc.constantFrom(0, 0, 5, 20),
});

/** True when a is strictly better than b under the options. */
const better = (a: number, b: number, options: RankOptions) => (options.higherIsBetter === false ? a < b : a > b);
const rankedOf = (entries: RankedEntry[]) => entries.filter((entry) => entry.rank !== null);

describe('rankEntries: properties', () => {
    it('returns every input once, ranked first, and leaves none both ranked and unranked', () => {
        fc.assert(
            fc.property(inputsArb(), optionsArb, (inputs, options) => {
                const result = rankEntries(inputs, options);
                expect(result.map((e) => e.key).sort()).toEqual(inputs.map((i) => i.key).sort());
                const firstUnranked = result.findIndex((e) => e.rank === null);
                const tail = firstUnranked < 0 ? [] : result.slice(firstUnranked);
                expect(tail.every((e) => e.rank === null)).toBe(true);
                expect(result.map((e) => e.rank === null)).toEqual(result.map((e) => e.unranked !== null));
            }),
        );
    });

    it('gives tied scores one rank and different scores different ranks', () => {
        fc.assert(
            fc.property(inputsArb(), optionsArb, (inputs, options) => {
                const ranked = rankedOf(rankEntries(inputs, options));
                for (const a of ranked) {
                    for (const b of ranked) {
                        expect(a.score === b.score).toBe(a.rank === b.rank);
                    }
                    expect(a.tied).toBe(ranked.some((b) => b !== a && b.score === a.score));
                }
            }),
        );
    });

    it('ranks monotonically: a better score never has a worse rank, and the order follows the ranks', () => {
        fc.assert(
            fc.property(inputsArb(), optionsArb, (inputs, options) => {
                const ranked = rankedOf(rankEntries(inputs, options));
                for (let i = 1; i < ranked.length; i++) {
                    expect(ranked[i].rank!).toBeGreaterThanOrEqual(ranked[i - 1].rank!);
                    expect(better(ranked[i].score!, ranked[i - 1].score!, options)).toBe(false);
                }
                const inverted = ranked.flatMap((a) =>
                    ranked.filter((b) => better(a.score!, b.score!, options) && !(a.rank! < b.rank!)),
                );
                expect(inverted).toEqual([]);
            }),
        );
    });

    it('numbers ranks 1, 2, 2, 4 (competition) or 1, 2, 2, 3 (dense) from the count of better entries', () => {
        fc.assert(
            fc.property(inputsArb(), optionsArb, (inputs, options) => {
                const ranked = rankedOf(rankEntries(inputs, options));
                for (const entry of ranked) {
                    const betterOnes = ranked.filter((other) => better(other.score!, entry.score!, options));
                    const expected =
                        options.method === 'dense'
                            ? new Set(betterOnes.map((other) => other.score)).size + 1
                            : betterOnes.length + 1;
                    expect(entry.rank).toBe(expected);
                }
            }),
        );
    });

    it('includes zeros: a zero value with enough records is ranked, not hidden', () => {
        fc.assert(
            fc.property(inputsArb(false), fc.boolean(), (inputs, higherIsBetter) => {
                const withZero = [...inputs, { key: 'zero', value: 0, sampleSize: 0 }];
                const result = rankEntries(withZero, { higherIsBetter });
                const zero = result.find((entry) => entry.key === 'zero')!;
                expect(zero.rank).not.toBeNull();
                const expectedRank = higherIsBetter
                    ? withZero.filter((input) => comparableScore(input.value as number) > 0).length + 1
                    : 1;
                expect(zero.rank).toBe(expectedRank);
            }),
        );
    });

    it('leaves entries below the minimum sample unranked, and ranks the rest as if they were absent', () => {
        fc.assert(
            fc.property(inputsArb(), optionsArb, fc.integer({ min: 1, max: 30 }), (inputs, options, minSample) => {
                const result = rankEntries(inputs, { ...options, minSample });
                const few = result.filter((entry) => (entry.sampleSize ?? 0) < minSample);
                expect(few.map((entry) => entry.unranked)).toEqual(few.map(() => 'belowMinSample'));
                const eligible = inputs.filter((input) => (input.sampleSize ?? 0) >= minSample);
                const alone = rankEntries(eligible, { ...options, minSample: 0 });
                const rankOf = new Map(alone.map((entry) => [entry.key, entry.rank]));
                for (const entry of result.filter((e) => e.unranked !== 'belowMinSample')) {
                    expect(entry.rank).toBe(rankOf.get(entry.key));
                }
            }),
        );
    });

    it('by percent of target orders by value ÷ target and leaves entries without a target unranked', () => {
        fc.assert(
            fc.property(inputsArb(), optionsArb, (inputs, options) => {
                const result = rankEntries(inputs, { ...options, by: 'percentOfTarget', minSample: 0 });
                const ratios = result.map((entry) => percentOf(entry.value, entry.target));
                expect(result.map((entry) => entry.percentOfTarget)).toEqual(ratios);
                const noTarget = result.filter((entry, i) => entry.value !== null && ratios[i] === null);
                expect(noTarget.map((entry) => entry.unranked)).toEqual(noTarget.map(() => 'noTarget'));
                const scored = result.filter((_, i) => ratios[i] !== null);
                expect(scored.map((entry) => entry.score)).toEqual(
                    scored.map((entry) => comparableScore(entry.percentOfTarget!)),
                );
                const ranked = rankedOf(result);
                const sign = options.higherIsBetter === false ? -1 : 1;
                const outOfOrder = ranked.filter(
                    (entry, i) =>
                        i > 0 &&
                        sign * (ranked[i - 1].percentOfTarget! - entry.percentOfTarget!) <
                            -1e-9 * entry.percentOfTarget!,
                );
                expect(outOfOrder).toEqual([]);
            }),
        );
    });

    it('by percent of target with one shared target gives the same ranks as by value', () => {
        fc.assert(
            fc.property(inputsArb(false), optionsArb, fc.constantFrom(1, 7, 1000, 3e6), (inputs, options, target) => {
                const same = inputs.map((input) => ({ ...input, target }));
                const byValue = rankEntries(same, { ...options, by: 'value' });
                const byPercent = rankEntries(same, { ...options, by: 'percentOfTarget' });
                expect(byPercent.map((e) => [e.key, e.rank])).toEqual(byValue.map((e) => [e.key, e.rank]));
            }),
        );
    });

    it('measures the gap to the next better rank in score and in value', () => {
        fc.assert(
            fc.property(inputsArb(), optionsArb, (inputs, options) => {
                const ranked = rankedOf(rankEntries(inputs, options));
                const expected = ranked.map((entry) => {
                    const betterOnes = ranked.filter((other) => better(other.score!, entry.score!, options));
                    const next = betterOnes[betterOnes.length - 1];
                    return next ? Math.abs(next.score! - entry.score!) : null;
                });
                const gaps = ranked.map((entry) => entry.gapToNext);
                expect(gaps.map((gap) => gap === null)).toEqual(expected.map((gap) => gap === null));
                const mismatched = gaps.filter((gap, i) => gap !== null && Math.abs(gap - expected[i]!) > 1e-6);
                expect(mismatched).toEqual([]);
                expect(gaps.every((gap) => gap === null || gap > 0)).toBe(true);
                expect(ranked.every((entry) => (entry.gapToNext === null) === (entry.valueGapToNext === null))).toBe(
                    true,
                );
                expect(ranked.every((entry) => entry.valueGapToNext === null || entry.valueGapToNext >= 0)).toBe(true);
            }),
        );
    });
});

describe('rankEntries: examples', () => {
    const rows = (values: (number | null)[]): RankInput[] =>
        values.map((value, index) => ({ key: String.fromCharCode(97 + index), value, sampleSize: 30 }));

    it('competition ranking by default, dense on request', () => {
        const input = rows([10, 20, 20, 5, 0]);
        expect(rankEntries(input).map((e) => `${e.key}${e.rank}`)).toEqual(['b1', 'c1', 'a3', 'd4', 'e5']);
        expect(rankEntries(input, { method: 'dense' }).map((e) => `${e.key}${e.rank}`)).toEqual([
            'b1',
            'c1',
            'a2',
            'd3',
            'e4',
        ]);
    });

    it('ranks ascending when lower is better', () => {
        const result = rankEntries(rows([3, 1, 2]), { higherIsBetter: false });
        expect(result.map((e) => e.key)).toEqual(['b', 'c', 'a']);
        expect(result[2].gapToNext).toBe(1);
    });

    it('treats scores equal to 12 significant digits as tied', () => {
        const result = rankEntries(rows([0.1 + 0.2, 0.3]));
        expect(result.map((e) => e.rank)).toEqual([1, 1]);
        expect(comparableScore(-0)).toBe(0);
        expect(Object.is(comparableScore(-1e-300 * 1e-300), 0)).toBe(true);
    });

    it('keeps whole numbers as they are and rounds every other score to 12 significant digits', () => {
        fc.assert(
            fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (score) => {
                expect(comparableScore(score)).toBe(Number(score.toPrecision(12)) || 0);
            }),
            { numRuns: 2000, seed: 10 },
        );
        expect(comparableScore(123456789012345)).toBe(123456789012000);
    });

    it('names the reason an entry is unranked', () => {
        const result = rankEntries(
            [
                { key: 'few', value: 0.9, sampleSize: 3 },
                { key: 'none', value: null, sampleSize: 25 },
                { key: 'noTarget', value: 5, sampleSize: 25, target: 0 },
                { key: 'ok', value: 5, sampleSize: 25, target: 10 },
                { key: 'bad', value: Number.NaN, sampleSize: null },
            ],
            { minSample: 20, by: 'percentOfTarget' },
        );
        expect(result.map((e) => [e.key, e.rank, e.unranked])).toEqual([
            ['ok', 1, null],
            ['few', null, 'belowMinSample'],
            ['none', null, 'noValue'],
            ['noTarget', null, 'noTarget'],
            ['bad', null, 'belowMinSample'],
        ]);
    });

    it('gives the value still needed to reach the next rank when ranking by percent of target', () => {
        const result = rankEntries(
            [
                { key: 'a', value: 50, target: 100 },
                { key: 'b', value: 30, target: 50 },
            ],
            { by: 'percentOfTarget' },
        );
        expect(result.map((e) => e.key)).toEqual(['b', 'a']);
        expect(result[1].gapToNext).toBeCloseTo(0.1);
        expect(result[1].valueGapToNext).toBeCloseTo(10);
    });
});

describe('rankMovement', () => {
    it('says up, down, same and new', () => {
        const now = rankEntries([
            { key: 'a', value: 9 },
            { key: 'b', value: 8 },
            { key: 'c', value: 7 },
            { key: 'd', value: 6 },
            { key: 'e', value: null },
        ]);
        const then = rankEntries([
            { key: 'a', value: 1 },
            { key: 'b', value: 8 },
            { key: 'c', value: 9 },
            { key: 'e', value: 3 },
        ]);
        const moves = rankMovement(now, then);
        expect(Object.fromEntries(moves)).toEqual({
            a: { kind: 'up', places: 3 },
            b: { kind: 'same', places: 0 },
            c: { kind: 'down', places: 2 },
            d: { kind: 'new', places: 0 },
        });
    });

    it('is new for an entry unranked before', () => {
        const now = rankEntries([{ key: 'a', value: 0.5, sampleSize: 30 }], { minSample: 20 });
        const then = rankEntries([{ key: 'a', value: 0.5, sampleSize: 2 }], { minSample: 20 });
        expect(rankMovement(now, then).get('a')).toEqual({ kind: 'new', places: 0 });
    });

    it('moves by the difference of ranks (property)', () => {
        fc.assert(
            fc.property(inputsArb(), inputsArb(), optionsArb, (now, then, options) => {
                const current = rankEntries(now, options);
                const previous = rankEntries(then, options);
                const moves = rankMovement(current, previous);
                const expected = current.map((entry) => {
                    if (entry.rank === null) return undefined;
                    const before = previous.find((p) => p.key === entry.key)?.rank ?? null;
                    if (before === null) return { kind: 'new', places: 0 };
                    const places = before - entry.rank;
                    return { kind: places > 0 ? 'up' : places < 0 ? 'down' : 'same', places: Math.abs(places) };
                });
                expect(current.map((entry) => moves.get(entry.key))).toEqual(expected);
            }),
        );
    });
});

describe('targetProgress', () => {
    it('computes percent, pace and gap for an additive KPI', () => {
        const progress = targetProgress(30, 100, { elapsedDays: 30, totalDays: 90 }, { additive: true });
        expect(progress).toEqual({ percentOfTarget: 0.3, pace: 90, paceOfTarget: 0.9, gapToTarget: 70, met: false });
    });

    it('has no pace for rates and meets a lower-is-better target from below', () => {
        const progress = targetProgress(
            4,
            5,
            { elapsedDays: 1, totalDays: 10 },
            { additive: false, higherIsBetter: false },
        );
        expect(progress).toEqual({ percentOfTarget: 0.8, pace: null, paceOfTarget: null, gapToTarget: 0, met: true });
    });

    it('has nothing to say without a target or a value, and caps elapsed days at the period', () => {
        expect(targetProgress(null, 10, null, { additive: true })).toEqual({
            percentOfTarget: null,
            pace: null,
            paceOfTarget: null,
            gapToTarget: null,
            met: false,
        });
        expect(targetProgress(10, 0, { elapsedDays: 40, totalDays: 30 }, { additive: true }).pace).toBe(10);
        expect(targetProgress(10, null, { elapsedDays: 0, totalDays: 30 }, { additive: true }).pace).toBeNull();
    });

    it('projects a pace at least the value and meets the target once the gap is zero (property)', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: 1e8 }).map((cents) => cents / 100),
                fc.integer({ min: 1, max: 1e8 }).map((cents) => cents / 100),
                fc.integer({ min: 1, max: 400 }),
                fc.integer({ min: 0, max: 400 }),
                (value, target, totalDays, before) => {
                    const elapsedDays = Math.max(1, totalDays - before);
                    const progress = targetProgress(value, target, { elapsedDays, totalDays }, { additive: true });
                    expect(progress.pace!).toBeGreaterThanOrEqual(value * (1 - 1e-12));
                    expect(progress.met).toBe(value >= target);
                    expect(progress.gapToTarget).toBeCloseTo(Math.max(0, target - value), 6);
                },
            ),
        );
    });
});

describe('viewerSlice', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

    it('pins the viewer with a neighbour on each side below the top rows', () => {
        expect(viewerSlice(keys, 'e', 2)).toEqual({ top: ['a', 'b'], pinned: ['d', 'e', 'f'] });
        expect(viewerSlice(keys, 'g', 3)).toEqual({ top: ['a', 'b', 'c'], pinned: ['f', 'g'] });
        expect(viewerSlice(keys, 'd', 3)).toEqual({ top: ['a', 'b', 'c'], pinned: ['d', 'e'] });
    });

    it('pins nothing when the viewer is in the top rows or not on the board', () => {
        expect(viewerSlice(keys, 'b', 3)).toEqual({ top: ['a', 'b', 'c'], pinned: [] });
        expect(viewerSlice(keys, 'zz', 3).pinned).toEqual([]);
        expect(viewerSlice(keys, null, 3).pinned).toEqual([]);
    });

    it('always shows the viewer exactly once (property)', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 1, max: 40 }),
                fc.integer({ min: 0, max: 39 }),
                fc.integer({ min: 0, max: 45 }),
                fc.integer({ min: 0, max: 3 }),
                (count, viewer, limit, neighbours) => {
                    const list = Array.from({ length: count }, (_, i) => `k${i}`);
                    const viewerKey = `k${viewer % count}`;
                    const { top, pinned } = viewerSlice(list, viewerKey, limit, neighbours);
                    const shown = [...top, ...pinned];
                    expect(shown.filter((key) => key === viewerKey)).toHaveLength(1);
                    expect(new Set(shown).size).toBe(shown.length);
                    expect(top).toEqual(list.slice(0, limit));
                },
            ),
        );
    });
});
