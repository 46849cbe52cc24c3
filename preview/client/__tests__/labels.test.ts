import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelModule, labelTranslations, translationsDir } from '../../build';
import { readTranslations } from '../../../scripts/validate/translations';
import { localeLanguage, translateLabel } from '../labels';

const rank = { de: 'Rang', ja: '順位' };

test("a label reads its translation into the locale's language, English otherwise", () => {
    assert.equal(translateLabel('de-DE', 'Rank', rank), 'Rang');
    assert.equal(translateLabel('de-AT', 'Rank', rank), 'Rang');
    assert.equal(translateLabel('ja-JP', 'Rank', rank), '順位');
    assert.equal(translateLabel('en-US', 'Rank', rank), 'Rank');
    assert.equal(translateLabel('fr-FR', 'Rank', rank), 'Rank');
    assert.equal(translateLabel('not a locale', 'Rank', rank), 'Rank');
    assert.equal(translateLabel('en-GB', 'Rank', { constructor: 'x' }), 'Rank');
    assert.equal(localeLanguage('ja-JP'), 'ja');
});

test('a label without translations stays the constant module it was; one with translations resolves per viewer', () => {
    assert.equal(labelModule('Rank', {}), 'export default "Rank";');
    const module = labelModule('Rank', rank);
    assert.match(module, /^import \{ labelValue \} from ".*\/preview\/client\/labels\.ts";\n/);
    assert.match(module, /export default labelValue\("Rank", \{"de":"Rang","ja":"順位"\}\);$/);
});

test("the build reads the package's four languages for each label", () => {
    const translations = readTranslations(translationsDir);
    assert.deepEqual([...translations.keys()].sort(), ['de', 'es', 'fr', 'ja']);
    assert.deepEqual(labelTranslations(translations, 'kpiWinLossOpportunity'), {
        de: 'Verkaufschance',
        es: 'Oportunidad',
        fr: 'Opportunité',
        ja: '商談',
    });
    assert.deepEqual(labelTranslations(translations, 'kpiNoSuchLabel'), {});
});
