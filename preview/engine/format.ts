/**
 * Locale- and currency-aware display strings for field values, with cached Intl formatters (one per locale and
 * style, so formatting 2000 rows does not build 2000 formatters).
 */
import type { FieldType } from '../../schema/types';
import { cachedIn } from './memo';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

const numberFormat = (key: string, make: () => Intl.NumberFormat): Intl.NumberFormat => cachedIn(cache, key, make);
const dateFormat = (key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat => cachedIn(cache, key, make);

export interface FormatContext {
    locale: string;
    timeZone: string;
}

export function formatCurrency(value: number, currency: string, ctx: FormatContext): string {
    return numberFormat(`c|${ctx.locale}|${currency}`, () =>
        Intl.NumberFormat(ctx.locale, { style: 'currency', currency }),
    ).format(value);
}

export function formatNumber(value: number, ctx: FormatContext, maxFractionDigits = 2): string {
    return numberFormat(`n|${ctx.locale}|${maxFractionDigits}`, () =>
        Intl.NumberFormat(ctx.locale, { maximumFractionDigits: maxFractionDigits }),
    ).format(value);
}

/** Salesforce percent fields hold 45 for 45 %. */
export function formatPercent(value: number, ctx: FormatContext): string {
    return numberFormat(`p|${ctx.locale}`, () =>
        Intl.NumberFormat(ctx.locale, { style: 'percent', maximumFractionDigits: 2 }),
    ).format(value / 100);
}

/** A `YYYY-MM-DD` date in the viewer's short date format (a date has no time zone). */
export function formatDate(iso: string, ctx: FormatContext): string {
    const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(ms)) return iso;
    return dateFormat(`d|${ctx.locale}`, () =>
        Intl.DateTimeFormat(ctx.locale, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' }),
    ).format(ms);
}

/** An ISO instant in the viewer's time zone, short date and time. */
export function formatDateTime(iso: string, ctx: FormatContext): string {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return iso;
    return dateFormat(`t|${ctx.locale}|${ctx.timeZone}`, () =>
        Intl.DateTimeFormat(ctx.locale, {
            timeZone: ctx.timeZone,
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
        }),
    ).format(ms);
}

/** The `format` (and `displayValue`) string of a value of this field type, or null when it has none. */
export function formatValue(
    type: FieldType,
    value: string | number | boolean | null | undefined,
    ctx: FormatContext,
    currency: string,
): string | null {
    if (value === null || value === undefined) return null;
    switch (type) {
        case 'Currency':
            return typeof value === 'number' ? formatCurrency(value, currency, ctx) : null;
        case 'Int':
            return typeof value === 'number' ? formatNumber(value, ctx, 0) : null;
        case 'Double':
            return typeof value === 'number' ? formatNumber(value, ctx) : null;
        case 'Percent':
            return typeof value === 'number' ? formatPercent(value, ctx) : null;
        case 'Date':
            return typeof value === 'string' ? formatDate(value, ctx) : null;
        case 'DateTime':
            return typeof value === 'string' ? formatDateTime(value, ctx) : null;
        default:
            return null;
    }
}
