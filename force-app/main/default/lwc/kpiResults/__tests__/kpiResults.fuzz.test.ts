/**
 * Issue 11's reader property: tile documents' real answers (the fixtures), mutated 10,000 times, read by
 * readResults. Never a throw, never NaN or ∞, and never a number from broken data: each result either has the
 * numbers of the unmutated answer, or says it could not be read (an error, or only its comparison or its quota
 * target unavailable).
 */
import fc from 'fast-check';
import { readResults } from 'c/kpiResults';
import { allValid, badValues, fuzzParameters } from '../../../../../test/jest/kpiFuzz';
import { marker, mutatedTileAnswers, numbersOf, tileCases } from '../../../../../test/jest/kpiFuzzTiles';

describe('kpiResults: strict reading of mutated tile answers', () => {
    const cases = tileCases();

    it('reads the fixtures without errors (the property compares against these)', () => {
        for (const { plan, data } of cases) {
            for (const result of Object.values(readResults(plan, data))) expect(result.error).toBeUndefined();
        }
    });

    it('never shows a number from broken data (10,000 mutated answers)', () => {
        const arbitrary = mutatedTileAnswers(cases);
        const originals = new Map(cases.map((c) => [c.name, readResults(c.plan, c.data)]));
        fc.assert(
            fc.property(arbitrary, ({ c, mutated }) => {
                const results = readResults(c.plan, mutated.data, mutated.errors);
                expect(badValues(results)).toEqual([]);
                if (allValid(mutated) || mutated.mutations.some((m) => m.valid)) return;
                for (const [key, original] of Object.entries(originals.get(c.name)!)) {
                    const result = results[key];
                    const before = numbersOf(original);
                    const after = numbersOf(result);
                    for (const part of ['current', 'comparison', 'target'] as const) {
                        if (JSON.stringify(before[part]) === JSON.stringify(after[part])) continue;
                        if (!marker(result, part)) {
                            throw new Error(
                                `${c.name}.${key} ${part} changed without a marker after ${JSON.stringify(mutated.mutations)}: ` +
                                    `${JSON.stringify(before[part])} → ${JSON.stringify(after[part])}`,
                            );
                        }
                    }
                }
            }),
            fuzzParameters(10_000),
        );
    });
});
