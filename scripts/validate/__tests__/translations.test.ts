import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { forceAppDir, labelsFile } from '../../lib/paths';
import { packageDirs } from '../../lib/sf';
import { tempDir } from '../../lib/tempDirs';
import { checkMetadata, type MetaProblem } from '../metadata';
import {
    PACKAGE_LANGUAGES,
    checkTranslationFile,
    checkTranslations,
    placeholders,
    readLabelValues,
    requiredLanguages,
} from '../translations';

const fixtures = path.join(__dirname, 'fixtures', 'translations');

const lines = (problems: MetaProblem[], root: string): string[] =>
    problems.map((problem) => `${path.relative(root, problem.file)}: ${problem.message}`);

const translationXml = (entries: [string, string][]): string =>
    `<?xml version="1.0" encoding="UTF-8"?>
<Translations xmlns="http://soap.sforce.com/2006/04/metadata">
${entries.map(([name, label]) => `    <customLabels><name>${name}</name><label>${label}</label></customLabels>`).join('\n')}
</Translations>`;

test('placeholders are listed once each, in number order', () => {
    assert.deepEqual(placeholders('{1} of {0}, then {1} and {10}'), ['{0}', '{1}', '{10}']);
    assert.deepEqual(placeholders('No placeholder'), []);
});

test('a fixture with all four languages and matching placeholders has no problems', () => {
    const report = checkTranslations([path.join(fixtures, 'complete')], PACKAGE_LANGUAGES);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(Object.fromEntries(report.translated), { de: 2, es: 2, fr: 2, ja: 2 });
});

test('the broken fixture fails, naming the label and the language of each gap', () => {
    const root = path.join(fixtures, 'broken', 'main', 'default');
    const report = checkTranslations([path.join(fixtures, 'broken')], PACKAGE_LANGUAGES);
    assert.deepEqual(lines(report.problems, root), [
        'translations/de.translation-meta.xml: translation of kpiFarewell into German, de: there is no custom label kpiFarewell',
        'translations/fr.translation-meta.xml: label kpiRank: the French, fr translation has placeholders {0}, the label has {0}, {1}',
        'translations/ja.translation-meta.xml: label kpiGreeting is translated twice into Japanese, ja',
        'translations/ja.translation-meta.xml: label kpiGreeting: the Japanese, ja translation is empty',
        'translations/ja.translation-meta.xml: label kpiRank: the Japanese, ja translation has placeholders {0}, {1}, {2}, the label has {0}, {1}',
        'translations/de.translation-meta.xml: label kpiRank has no German, de translation',
        'translations/es.translation-meta.xml: missing: the package ships in Spanish, es',
    ]);
});

test('validate:metadata reports the broken fixture: a directory with translations needs all four languages', () => {
    const dir = path.join(fixtures, 'broken');
    assert.deepEqual(requiredLanguages([dir], false), PACKAGE_LANGUAGES);
    const messages = checkMetadata([dir], []).problems.map((problem) => problem.message);
    assert.ok(messages.includes('label kpiRank has no German, de translation'), messages.join('\n'));
    assert.ok(messages.includes('missing: the package ships in Spanish, es'), messages.join('\n'));
});

test('a directory without translations requires none, unless it is the package itself', () => {
    const dir = path.join(__dirname, 'fixtures', 'metadata', 'good');
    assert.deepEqual(requiredLanguages([dir], false), []);
    assert.deepEqual(requiredLanguages([dir], true), PACKAGE_LANGUAGES);
    const missing = checkTranslations([dir], PACKAGE_LANGUAGES).problems.map((problem) => problem.message);
    assert.deepEqual(missing, [
        'missing: the package ships in German, de',
        'missing: the package ships in French, fr',
        'missing: the package ships in Japanese, ja',
        'missing: the package ships in Spanish, es',
    ]);
});

test('a label added after the translations fails until each language translates it', () => {
    const dir = tempDir('kpi-translations-');
    const defaultDir = path.join(dir, 'main', 'default');
    fs.cpSync(path.join(fixtures, 'complete', 'main', 'default'), defaultDir, { recursive: true });
    const labels = path.join(defaultDir, 'labels', 'CustomLabels.labels-meta.xml');
    const added = `    <labels>
        <fullName>kpiAdded</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Added later; {0} count</shortDescription>
        <value>{0} added</value>
    </labels>
</CustomLabels>`;
    fs.writeFileSync(labels, fs.readFileSync(labels, 'utf8').replace('</CustomLabels>', added));
    const messages = checkTranslations([dir], PACKAGE_LANGUAGES).problems.map((problem) => problem.message);
    assert.deepEqual(messages, [
        'label kpiAdded has no German, de translation',
        'label kpiAdded has no French, fr translation',
        'label kpiAdded has no Japanese, ja translation',
        'label kpiAdded has no Spanish, es translation',
    ]);
});

test('a translation entry needs a name, and text within 1,000 characters; XML entities count as one character', () => {
    const labels = new Map([['kpiA', 'A & B {0}']]);
    const check = (xml: string): string[] =>
        checkTranslationFile({ file: 'de.translation-meta.xml', language: 'de', xml }, labels).problems.map(
            (problem) => problem.message,
        );
    assert.deepEqual(check(translationXml([['kpiA', 'A &amp; B {0}']])), []);
    assert.deepEqual(check(translationXml([['', 'x']])), ['custom label translation #1 needs a <name>']);
    assert.deepEqual(check(translationXml([['kpiA', `{0}${'x'.repeat(1000)}`]])), [
        'label kpiA: the German, de translation is 1003 characters, above 1000',
    ]);
    assert.match(check('<Translations><customLabels>')[0], /^malformed XML at line 1/);
    assert.deepEqual(check('<CustomLabels/>'), ['root element must be <Translations>']);
});

test('the package: every custom label has its de, fr, ja and es translation with the same placeholders', () => {
    const report = checkTranslations(packageDirs(), PACKAGE_LANGUAGES);
    assert.deepEqual(report.problems, []);
    const count = readLabelValues(fs.readFileSync(labelsFile, 'utf8')).size;
    assert.ok(count > 300, `only ${count} labels read from ${labelsFile}`);
    for (const code of PACKAGE_LANGUAGES) assert.equal(report.translated.get(code), count, code);
    assert.ok(fs.existsSync(path.join(forceAppDir, 'main', 'default', 'translations', 'ja.translation-meta.xml')));
});
