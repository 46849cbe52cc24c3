/**
 * `@salesforce/label/c.<name>` in the preview: the label's translation into the viewer's language when the package
 * has one (force-app/main/default/translations/<language>.translation-meta.xml), its value from
 * CustomLabels.labels-meta.xml otherwise, as the platform picks a custom label's translation by the user's language.
 * The preview has no separate language setting: the language of the locale chosen in the bar stands for it (de-DE →
 * de, ja-JP → ja; en-US, en-GB and a language the package does not ship keep the English value).
 * preview/build.ts bundles the translations and one module per imported label that calls labelValue().
 */
import { previewContext } from './context';

/** Language code → translated text, of one label. */
export type LabelTranslations = Readonly<Record<string, string>>;

/** The language whose translations a locale reads: `de-DE` → `de`, `ja-JP` → `ja`; undefined for a bad tag. */
export function localeLanguage(locale: string): string | undefined {
    try {
        return new Intl.Locale(locale).language;
    } catch {
        return undefined;
    }
}

/** The text of a label for a locale: its translation into the locale's language, else the English value. */
export function translateLabel(locale: string, english: string, translations: LabelTranslations): string {
    const language = localeLanguage(locale);
    return (
        (language !== undefined && Object.hasOwn(translations, language) ? translations[language] : undefined) ??
        english
    );
}

/** A label's text for the running viewer (the page's context is read once, as the platform reads it per page). */
export function labelValue(english: string, translations: LabelTranslations): string {
    return translateLabel(previewContext().selection.locale, english, translations);
}
