/**
 * The preview speaks the viewer's language: with the locale de-DE or ja-JP every page shows the package's German or
 * Japanese custom labels (force-app/main/default/translations), and none of the English label texts; en-US keeps
 * English. Screenshots of every page in both languages go to artifacts/screenshots/language-<page>-<locale>.png.
 */
import path from 'node:path';
import { labelsFile } from '../../scripts/lib/paths';
import { readTranslations } from '../../scripts/validate/translations';
import { readLabels } from '../server/metadata';
import { assert, assertNoIssues, screenshot, type BrowserTest, type OpenedPage, type TestContext } from './harness';

/** A piece of English label text shorter than this is too common a word to tell a label from data ("Won", "Total"). */
const MIN_FRAGMENT = 6;

const translations = readTranslations(path.join(path.dirname(path.dirname(labelsFile)), 'translations'));

/** The text of a label between its placeholders, trimmed of spacing and punctuation at either end. */
function fragments(value: string): string[] {
    return value
        .split(/\{\d+\}/)
        .map((part) => part.replace(/^[\s.,:;!?·()"'#%×…-]+|[\s.,:;!?·()"'#%×…-]+$/g, ''))
        .filter((part) => part.length >= MIN_FRAGMENT && /[A-Za-z]{3}/.test(part));
}

export interface EnglishFragment {
    label: string;
    text: string;
}

/**
 * Every English label fragment that the language's translation of the same label does not itself contain (a product
 * or field name such as Salesforce, kpiChartJs or rollingDays:N stays as it is in every language).
 */
export function englishFragments(language: string): EnglishFragment[] {
    const translated = translations.get(language);
    assert(translated && translated.size > 0, `no ${language} translations to check against`);
    const found: EnglishFragment[] = [];
    for (const [label, value] of readLabels(labelsFile)) {
        const translation = translated.get(label) ?? '';
        for (const text of fragments(value)) if (!translation.includes(text)) found.push({ label, text });
    }
    return found;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fragments that appear in the text as whole words (case-sensitive: "Stage" is a label, "stage" may be data). */
export function englishIn(text: string, english: EnglishFragment[]): EnglishFragment[] {
    return english.filter(({ text: fragment }) =>
        new RegExp(`(?:^|[^A-Za-z])${escapeRegExp(fragment)}(?:[^A-Za-z]|$)`).test(text),
    );
}

/**
 * What the package's components show: the visible text of every force-app component (`c-…`) placed on the page. The
 * preview's shell and its own demos (`preview-…`, whose titles and series names the page definitions write in
 * English, as an admin would) are not the package's labels.
 */
async function componentText(opened: OpenedPage): Promise<string> {
    const texts = await opened.page.locator('[data-kpi-component^="c-"]').allInnerTexts();
    return texts.join('\n');
}

const withLocale = (url: string, locale: string): string => `${url}${url.includes('?') ? '&' : '?'}locale=${locale}`;

/** Opens a page in a locale, shows the chart tables too (their headers are labels), and returns what it reads. */
async function openIn(t: TestContext, url: string, locale: string): Promise<{ opened: OpenedPage; text: string }> {
    const opened = await t.open(withLocale(url, locale));
    const lang = await opened.page.getAttribute('html', 'lang');
    assert(lang === locale, `${url}: the document language is ${lang}, not ${locale}`);
    const toggles = opened.page.locator('c-kpi-chart .kpi-chart__toggle');
    for (let i = 0; i < (await toggles.count()); i += 1) await toggles.nth(i).click();
    return { opened, text: await componentText(opened) };
}

const LANGUAGES = [
    { locale: 'de-DE', language: 'de' },
    { locale: 'ja-JP', language: 'ja' },
];

export default async function languageTests(t: TestContext): Promise<BrowserTest[]> {
    const pages = await t.pages();
    const tests: BrowserTest[] = [
        {
            name: 'en-US: the English label texts the language tests look for are on the page',
            async run() {
                const english = englishFragments('de');
                const home = pages.find((info) => info.id === 'home') ?? pages[0];
                const { opened, text } = await openIn(t, home.url, 'en-US');
                const seen = englishIn(text, english);
                // The detector must see English where English is expected, or the German and Japanese runs prove nothing.
                assert(seen.length >= 10, `only ${seen.length} English label texts found on ${home.id} in en-US`);
                assertNoIssues(opened, `${home.id} en-US`);
            },
        },
    ];
    for (const { locale, language } of LANGUAGES) {
        for (const info of pages) {
            tests.push({
                name: `${locale}: page ${info.id} shows no English label text`,
                async run() {
                    const english = englishFragments(language);
                    const { opened, text } = await openIn(t, info.url, locale);
                    await screenshot(opened.page, `language-${info.id}-${locale}`);
                    if (!info.components.some((tag) => tag.startsWith('c-'))) {
                        // A page of the preview's own demos only: nothing of the package to read.
                        assertNoIssues(opened, `${info.id} ${locale}`);
                        return;
                    }
                    assert(text.trim().length > 0, `${info.id} ${locale}: the components show no text`);
                    const left = englishIn(text, english);
                    const listed = left.map(({ label, text: fragment }) => {
                        const at = text.indexOf(fragment);
                        const around = text.slice(Math.max(0, at - 40), at + fragment.length + 40).replace(/\s+/g, ' ');
                        return `${label}: "${fragment}" in …${around}…`;
                    });
                    assert(
                        left.length === 0,
                        `${info.id} ${locale}: ${left.length} English label text(s) on the page:\n  ${listed.join('\n  ')}`,
                    );
                    // And the translations are there: the labels' text in this language, not merely no text at all.
                    const translated = translations.get(language);
                    const shown = [...(translated?.values() ?? [])].filter((value) =>
                        value.split(/\{\d+\}/).some((part) => part.trim().length >= 4 && text.includes(part.trim())),
                    );
                    assert(
                        shown.length >= 5,
                        `${info.id} ${locale}: only ${shown.length} ${language} label texts shown`,
                    );
                    assertNoIssues(opened, `${info.id} ${locale}`);
                },
            });
        }
    }
    return tests;
}
