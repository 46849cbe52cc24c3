/**
 * Issue 11's tile property: mutated answers of the tile fixtures, read by readResults and shown by kpiTileModel,
 * 2,000 times. No throw, no blank where a text belongs, no NaN or ∞, and never a number from broken data: each tile
 * shows the numbers of the unmutated answer, or an error, or (its comparison alone) "Comparison unavailable", or (its
 * quota target alone) "Target unavailable" with the reason.
 */
import fc from 'fast-check';
import kpiTileComparisonUnavailable from '@salesforce/label/c.kpiTileComparisonUnavailable';
import { readResults } from 'c/kpiResults';
import { buildTileView } from 'c/kpiTileModel';
import type { TileView } from 'c/kpiTileModel';
import { tileInput } from '../../../../../test/jest/kpiFixtures';
import { badValues, fuzzParameters } from '../../../../../test/jest/kpiFuzz';
import { mutatedTileAnswers, tileCases } from '../../../../../test/jest/kpiFuzzTiles';
import type { TileCase } from '../../../../../test/jest/kpiFuzzTiles';

const context = {
    locale: 'en-US',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    now: new Date('2024-05-20T16:00:00Z'),
};

function views(c: TileCase, data: unknown, errors?: unknown[]): TileView[] {
    const results = readResults(c.plan, data, errors);
    return c.plan.requests.map((request) =>
        buildTileView(
            tileInput(request.kpi, {
                key: request.key,
                comparison: request.comparison,
                scope: request.scope,
                target: request.kpi === 'winRate' ? 0.3 : null,
                result: results[request.key],
            }),
            context,
        ),
    );
}

/** What a tile shows as numbers, now and against the comparison. */
const shown = (view: TileView) => ({
    current: [view.state, view.valueText, view.valueFull, view.sample?.text, view.trend?.summary],
    comparison: [view.change?.visibleText, view.noComparisonText],
    target: [view.target?.line],
});

/** A text the tile shows in its state is never blank. */
function blanks(view: TileView): string[] {
    const missing: string[] = [];
    if (!view.title) missing.push('title');
    if (view.hasValue && !view.valueText) missing.push('valueText');
    if (view.isError && (!view.errorSummary || view.errorMessages.some((m) => !m))) missing.push('errorSummary');
    if (view.isEmpty && !view.emptyText) missing.push('emptyText');
    if (view.warnings.some((w) => !w.text)) missing.push('warnings');
    return missing;
}

describe('kpiTileModel: tiles of mutated answers', () => {
    it('never shows a blank, NaN, ∞ or a number from broken data (2,000 mutated answers)', () => {
        const cases = tileCases();
        const originals = new Map(cases.map((c) => [c.name, views(c, c.data)]));
        const arbitrary = mutatedTileAnswers(cases);
        fc.assert(
            fc.property(arbitrary, ({ c, mutated }) => {
                const after = views(c, mutated.data, mutated.errors);
                expect(badValues(after)).toEqual([]);
                expect(after.flatMap(blanks)).toEqual([]);
                if (mutated.mutations.some((m) => m.valid)) return;
                originals.get(c.name)!.forEach((before, index) => {
                    const view = after[index];
                    const [was, now] = [shown(before), shown(view)];
                    if (JSON.stringify(was.current) !== JSON.stringify(now.current) && !view.isError) {
                        throw new Error(`${view.key}: ${JSON.stringify(was.current)} → ${JSON.stringify(now.current)}`);
                    }
                    if (
                        JSON.stringify(was.target) !== JSON.stringify(now.target) &&
                        !view.isError &&
                        !view.noTargetText
                    ) {
                        throw new Error(`${view.key}: ${JSON.stringify(was.target)} → ${JSON.stringify(now.target)}`);
                    }
                    const unavailable = view.isError || view.noComparisonText === kpiTileComparisonUnavailable;
                    if (JSON.stringify(was.comparison) !== JSON.stringify(now.comparison) && !unavailable) {
                        throw new Error(
                            `${view.key}: ${JSON.stringify(was.comparison)} → ${JSON.stringify(now.comparison)}`,
                        );
                    }
                });
            }),
            fuzzParameters(2_000),
        );
    });
});
