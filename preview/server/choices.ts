/** What the preview bar offers, and how a request's choices are resolved against it. */
import type { Choice, DatasetSize, PreviewSelection } from '../client/context';

export const DATASET_SIZES: Record<DatasetSize, number> = {
    '1k': 1_000,
    '20k': 20_000,
    '100k': 100_000,
    '1m': 1_000_000,
};

export const LOCALES: Choice[] = [
    { value: 'en-US', label: 'English (United States)' },
    { value: 'en-GB', label: 'English (United Kingdom)' },
    { value: 'de-DE', label: 'Deutsch (Deutschland)' },
    { value: 'fr-FR', label: 'Français (France)' },
    { value: 'ja-JP', label: '日本語 (日本)' },
];

export const CURRENCIES: Choice[] = ['USD', 'EUR', 'JPY', 'GBP'].map((code) => ({ value: code, label: code }));

/** Includes the extremes of the offset range: +14 (Kiritimati) and −12 (Etc/GMT+12; the POSIX sign is inverted). */
export const TIME_ZONES = [
    'Pacific/Kiritimati',
    'Asia/Tokyo',
    'Australia/Sydney',
    'Europe/Berlin',
    'Europe/London',
    'UTC',
    'America/New_York',
    'America/Chicago',
    'America/Los_Angeles',
    'Pacific/Honolulu',
    'Etc/GMT+12',
];

/** "(GMT+14:00) Pacific/Kiritimati", like Salesforce's time zone picklist. */
export function timeZoneLabel(timeZone: string, at: Date): string {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value;
    const offset = !name || name === 'GMT' ? 'GMT+00:00' : name;
    return `(${offset}) ${timeZone}`;
}

export function choices(at: Date) {
    return {
        locales: LOCALES,
        currencies: CURRENCIES,
        timeZones: TIME_ZONES.map((value) => ({ value, label: timeZoneLabel(value, at) })),
        datasets: (Object.keys(DATASET_SIZES) as DatasetSize[]).map((value) => ({
            value,
            label: `about ${DATASET_SIZES[value].toLocaleString('en-US')} records`,
        })),
    };
}

export const DEFAULT_SELECTION: Omit<PreviewSelection, 'userId'> = {
    locale: 'en-US',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    dataset: '20k',
};

/** Query-parameter names of the bar's choices. */
export const PARAMS = {
    userId: 'user',
    locale: 'locale',
    currency: 'currency',
    timeZone: 'tz',
    dataset: 'size',
} as const;

export const isDataset = (value: unknown): value is DatasetSize =>
    typeof value === 'string' && Object.prototype.hasOwnProperty.call(DATASET_SIZES, value);

/**
 * Each choice from the query string, else the session cookie, else the default; a value the bar does not offer
 * falls back to the default with a message. The user is resolved later, against the dataset's users.
 */
export function resolveChoices(
    query: URLSearchParams,
    cookie: Partial<PreviewSelection>,
): { selection: Omit<PreviewSelection, 'userId'> & { userId?: string }; problems: string[] } {
    const problems: string[] = [];
    const pick = (key: keyof typeof DEFAULT_SELECTION, allowed: (value: string) => boolean): string => {
        const value = query.get(PARAMS[key]) ?? cookie[key];
        if (value === undefined || value === null || value === '') return DEFAULT_SELECTION[key];
        if (allowed(String(value))) return String(value);
        problems.push(`${PARAMS[key]}=${value} is not offered by the preview; using ${DEFAULT_SELECTION[key]}`);
        return DEFAULT_SELECTION[key];
    };
    const offered = (list: Choice[]) => (value: string) => list.some((choice) => choice.value === value);
    const selection = {
        locale: pick('locale', offered(LOCALES)),
        currency: pick('currency', offered(CURRENCIES)),
        timeZone: pick('timeZone', (value) => TIME_ZONES.includes(value)),
        dataset: pick('dataset', isDataset) as DatasetSize,
        userId: query.get(PARAMS.userId) ?? cookie.userId ?? undefined,
    };
    return { selection, problems };
}
