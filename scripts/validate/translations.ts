/**
 * Custom label translations, checked by `npm run validate:metadata` (scripts/validate/metadata.ts): every custom label
 * of the package has a translation in each of its languages, with the same placeholders ({0}, {1}, …) as the label,
 * and no translation names a label that does not exist.
 *
 * The format is the Translations metadata type
 * (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_translations.htm): one file per
 * language, `translations/<language code>.translation-meta.xml` in source format (`sf project convert source` writes
 * it as `translations/<code>.translation`, a `Translations` member named after the code), holding a
 * `<customLabels><name>label name</name><label>translated text</label></customLabels>` entry per custom label. The
 * language codes (de, fr, ja, es) are those of the page's Language list; the CustomLabels page
 * (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customlabels.htm) says its
 * translations come "through Translations in Metadata API" and caps a value at 1,000 characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MetaProblem } from './metadata';

/** The languages the package ships, by the Metadata API's language code. */
export const PACKAGE_LANGUAGES = ['de', 'fr', 'ja', 'es'] as const;

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
    de: 'German',
    fr: 'French',
    ja: 'Japanese',
    es: 'Spanish',
};

const TRANSLATION_SUFFIX = '.translation-meta.xml';
const MAX_LENGTH = 1000;

const parser = new XMLParser({
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, jpath) => ['CustomLabels.labels', 'Translations.customLabels'].includes(String(jpath)),
});

type XmlNode = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** The placeholders of a label text, each once, in order: `{1} of {0}, {1}` → `{0}, {1}`. */
export function placeholders(value: string): string[] {
    return [...new Set(value.match(/\{\d+\}/g) ?? [])].sort((a, b) => Number(a.slice(1, -1)) - Number(b.slice(1, -1)));
}

const languageName = (code: string): string => (LANGUAGE_NAMES[code] ? `${LANGUAGE_NAMES[code]}, ${code}` : code);

/** Label name → value of one CustomLabels file (its own problems are reported by checkLabelsFile). */
export function readLabelValues(xml: string): Map<string, string> {
    const labels = new Map<string, string>();
    if (XMLValidator.validate(xml) !== true) return labels;
    const root = (parser.parse(xml) as XmlNode).CustomLabels as XmlNode | undefined;
    for (const label of (root?.labels as XmlNode[] | undefined) ?? []) {
        const name = text(label.fullName);
        if (name) labels.set(name, text(label.value) ?? '');
    }
    return labels;
}

export interface TranslationFile {
    file: string;
    /** The language code the file name gives, e.g. `de` for `de.translation-meta.xml`. */
    language: string;
    xml: string;
}

/**
 * One language's file against the labels: well-formed `<Translations>`, each entry naming an existing label once,
 * with a non-empty text of at most 1,000 characters and the label's placeholders. Returns the names translated.
 */
export function checkTranslationFile(
    { file, language, xml }: TranslationFile,
    labels: ReadonlyMap<string, string>,
): { problems: MetaProblem[]; names: Set<string> } {
    const names = new Set<string>();
    const problems: MetaProblem[] = [];
    const report = (message: string): void => {
        problems.push({ file, message });
    };
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
        report(`malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
        return { problems, names };
    }
    const root = (parser.parse(xml) as XmlNode).Translations as XmlNode | undefined;
    if (!root || typeof root !== 'object') {
        report('root element must be <Translations>');
        return { problems, names };
    }
    const lang = languageName(language);
    ((root.customLabels as XmlNode[] | undefined) ?? []).forEach((entry, index) => {
        const name = text(entry.name)?.trim();
        if (!name) {
            report(`custom label translation #${index + 1} needs a <name>`);
            return;
        }
        if (names.has(name)) report(`label ${name} is translated twice into ${lang}`);
        names.add(name);
        const value = labels.get(name);
        if (value === undefined) {
            report(`translation of ${name} into ${lang}: there is no custom label ${name}`);
            return;
        }
        const translated = text(entry.label)?.trim() ?? '';
        if (translated === '') {
            report(`label ${name}: the ${lang} translation is empty`);
            return;
        }
        if (translated.length > MAX_LENGTH) {
            report(`label ${name}: the ${lang} translation is ${translated.length} characters, above ${MAX_LENGTH}`);
        }
        const expected = placeholders(value).join(', ') || 'none';
        const found = placeholders(translated).join(', ') || 'none';
        if (expected !== found) {
            report(`label ${name}: the ${lang} translation has placeholders ${found}, the label has ${expected}`);
        }
    });
    return { problems, names };
}

export interface TranslationReport {
    problems: MetaProblem[];
    /** Language code → labels translated. */
    translated: Map<string, number>;
}

/**
 * The translations of package directories laid out as `<dir>/main/default/{labels,translations}`, against the labels
 * of all of them (they deploy together). `required` languages must have a file and a translation of every label;
 * a file of another language is checked the same way except for completeness.
 */
export function checkTranslations(dirs: readonly string[], required: readonly string[]): TranslationReport {
    const labels = new Map<string, string>();
    const files: TranslationFile[] = [];
    for (const dir of dirs) {
        const labelsFile = path.join(dir, 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
        if (fs.existsSync(labelsFile)) {
            for (const [name, value] of readLabelValues(fs.readFileSync(labelsFile, 'utf8'))) labels.set(name, value);
        }
        const translationsDir = path.join(dir, 'main', 'default', 'translations');
        if (!fs.existsSync(translationsDir)) continue;
        for (const entry of fs.readdirSync(translationsDir).sort()) {
            if (!entry.endsWith(TRANSLATION_SUFFIX)) continue;
            const file = path.join(translationsDir, entry);
            files.push({
                file,
                language: entry.slice(0, -TRANSLATION_SUFFIX.length),
                xml: fs.readFileSync(file, 'utf8'),
            });
        }
    }
    const problems: MetaProblem[] = [];
    const translated = new Map<string, number>();
    const namesByLanguage = new Map<string, Set<string>>();
    for (const file of files) {
        const result = checkTranslationFile(file, labels);
        problems.push(...result.problems);
        const names = namesByLanguage.get(file.language) ?? new Set<string>();
        for (const name of result.names) names.add(name);
        namesByLanguage.set(file.language, names);
    }
    const home = dirs[0] ?? '.';
    for (const language of required) {
        const file =
            files.find((candidate) => candidate.language === language)?.file ??
            path.join(home, 'main', 'default', 'translations', `${language}${TRANSLATION_SUFFIX}`);
        const names = namesByLanguage.get(language);
        if (!names) {
            problems.push({ file, message: `missing: the package ships in ${languageName(language)}` });
            continue;
        }
        for (const name of labels.keys()) {
            if (!names.has(name))
                problems.push({ file, message: `label ${name} has no ${languageName(language)} translation` });
        }
    }
    for (const [language, names] of namesByLanguage) {
        translated.set(language, [...names].filter((name) => labels.has(name)).length);
    }
    return { problems, translated };
}

/** Language code → label name → translated text, of the `*.translation-meta.xml` files in a translations folder. */
export function readTranslations(translationsDir: string): Map<string, Map<string, string>> {
    const byLanguage = new Map<string, Map<string, string>>();
    if (!fs.existsSync(translationsDir)) return byLanguage;
    for (const entry of fs.readdirSync(translationsDir).sort()) {
        if (!entry.endsWith(TRANSLATION_SUFFIX)) continue;
        const xml = fs.readFileSync(path.join(translationsDir, entry), 'utf8');
        if (XMLValidator.validate(xml) !== true) throw new Error(`${entry}: malformed XML (npm run validate:metadata)`);
        const root = (parser.parse(xml) as XmlNode).Translations as XmlNode | undefined;
        const texts = new Map<string, string>();
        for (const item of (root?.customLabels as XmlNode[] | undefined) ?? []) {
            const name = text(item.name)?.trim();
            const label = text(item.label)?.trim();
            if (name && label) texts.set(name, label);
        }
        byLanguage.set(entry.slice(0, -TRANSLATION_SUFFIX.length), texts);
    }
    return byLanguage;
}

/**
 * The languages to require: the package's own whenever the package directories are the package's (`own`), or
 * whenever the directories hold any translation file, so that a directory with translations holds all of them.
 */
export function requiredLanguages(dirs: readonly string[], own: boolean): readonly string[] {
    if (own) return PACKAGE_LANGUAGES;
    const hasTranslations = dirs.some((dir) => {
        const translationsDir = path.join(dir, 'main', 'default', 'translations');
        return (
            fs.existsSync(translationsDir) &&
            fs.readdirSync(translationsDir).some((f) => f.endsWith(TRANSLATION_SUFFIX))
        );
    });
    return hasTranslations ? PACKAGE_LANGUAGES : [];
}
