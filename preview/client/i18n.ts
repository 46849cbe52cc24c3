/**
 * The values of `@salesforce/i18n/*` for the running user's locale, currency and time zone.
 * Separators and symbols come from the browser's Intl (CLDR, as Salesforce's ICU locale formats);
 * date and number patterns are Salesforce's ICU patterns for the locales the preview bar offers.
 * https://developer.salesforce.com/docs/platform/lwc/guide/create-i18n.html
 */
import { previewContext } from './context';

interface LocalePatterns {
    shortDate: string;
    mediumDate: string;
    longDate: string;
    shortTime: string;
    mediumTime: string;
    number: string;
    percent: string;
    currency: string;
}

const US: LocalePatterns = {
    shortDate: 'M/d/yyyy',
    mediumDate: 'MMM d, yyyy',
    longDate: 'MMMM d, yyyy',
    shortTime: 'h:mm a',
    mediumTime: 'h:mm:ss a',
    number: '#,##0.###',
    percent: '#,##0%',
    currency: '¤#,##0.00',
};

/** Day-before-month dates and 24-hour times, as en-GB writes them (fr-FR writes them the same way). */
const GB: LocalePatterns = {
    ...US,
    shortDate: 'dd/MM/yyyy',
    mediumDate: 'd MMM yyyy',
    longDate: 'd MMMM yyyy',
    shortTime: 'HH:mm',
    mediumTime: 'HH:mm:ss',
};

/** A space before the percent sign and the currency symbol after the amount (de-DE, fr-FR). */
const SYMBOLS_AFTER: Pick<LocalePatterns, 'percent' | 'currency'> = {
    percent: '#,##0 %',
    currency: '#,##0.00 ¤',
};

const PATTERNS: Record<string, LocalePatterns> = {
    'en-US': US,
    'en-GB': GB,
    'de-DE': {
        ...GB,
        shortDate: 'dd.MM.yyyy',
        mediumDate: 'dd.MM.yyyy',
        longDate: 'd. MMMM yyyy',
        ...SYMBOLS_AFTER,
    },
    'fr-FR': { ...GB, ...SYMBOLS_AFTER },
    'ja-JP': {
        ...US,
        shortDate: 'yyyy/MM/dd',
        mediumDate: 'yyyy/MM/dd',
        longDate: 'yyyy年M月d日',
        shortTime: 'H:mm',
        mediumTime: 'H:mm:ss',
    },
};

function numberPart(locale: string, type: Intl.NumberFormatPartTypes, options: Intl.NumberFormatOptions = {}): string {
    const parts = new Intl.NumberFormat(locale, options).formatToParts(type === 'minusSign' ? -12345.6 : 12345.6);
    return parts.find((part) => part.type === type)?.value ?? '';
}

type WeekInfoLocale = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };

/** Salesforce counts days from Sunday = 1 (java.util.Calendar); Intl's weekInfo counts from Monday = 1. */
function firstDayOfWeek(locale: string): number {
    const intl = new Intl.Locale(locale) as WeekInfoLocale;
    // Browsers have getWeekInfo(); Node 20's V8 still has the older weekInfo getter.
    const info = intl.getWeekInfo?.() ?? intl.weekInfo;
    const firstDay = info?.firstDay ?? 7;
    return firstDay === 7 ? 1 : firstDay + 1;
}

/** `@salesforce/i18n/<key>` values the preview computes; other keys keep lightning-base-components' defaults. */
export function i18nValues(locale: string, currency: string, timeZone: string): Record<string, string | number> {
    const patterns = PATTERNS[locale] ?? US;
    const language = new Intl.Locale(locale).language;
    return {
        lang: language,
        locale,
        currency,
        timeZone,
        dir: ['ar', 'he', 'fa', 'ur'].includes(language) ? 'rtl' : 'ltr',
        firstDayOfWeek: firstDayOfWeek(locale),
        'dateTime.shortDateFormat': patterns.shortDate,
        'dateTime.mediumDateFormat': patterns.mediumDate,
        'dateTime.longDateFormat': patterns.longDate,
        'dateTime.shortTimeFormat': patterns.shortTime,
        'dateTime.mediumTimeFormat': patterns.mediumTime,
        'dateTime.shortDateTimeFormat': `${patterns.shortDate} ${patterns.shortTime}`,
        'dateTime.mediumDateTimeFormat': `${patterns.mediumDate} ${patterns.mediumTime}`,
        'dateTime.longDateTimeFormat': `${patterns.longDate} ${patterns.mediumTime}`,
        'number.numberFormat': patterns.number,
        'number.percentFormat': patterns.percent,
        'number.currencyFormat': patterns.currency,
        'number.decimalSeparator': numberPart(locale, 'decimal'),
        'number.groupingSeparator': numberPart(locale, 'group'),
        'number.minusSign': numberPart(locale, 'minusSign'),
        'number.percentSign': numberPart(locale, 'percentSign', { style: 'percent' }) || '%',
        'number.currencySymbol': numberPart(locale, 'currency', { style: 'currency', currency }),
    };
}

/** The keys above; the build routes exactly these imports to the preview. */
export const PREVIEW_I18N_KEYS = Object.keys(i18nValues('en-US', 'USD', 'UTC'));

let values: Record<string, string | number> | undefined;

export function i18nValue(key: string): string | number {
    if (!values) {
        const { locale, currency, timeZone } = previewContext().selection;
        values = i18nValues(locale, currency, timeZone);
    }
    return values[key];
}
