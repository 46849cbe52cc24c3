/**
 * `{ value, displayValue, format, label, convertCurrency }` objects for record fields, as UI API returns them:
 * developer.salesforce.com/docs/platform/graphql/guide/query-record-objects.html. Values stay as stored (dates
 * `YYYY-MM-DD`, date-times ISO UTC); display strings follow the viewer's locale, time zone and currency.
 */
import type { FieldDescription } from '../../schema/types';
import { formatCurrency, formatValue, type FormatContext } from './format';
import type { FieldScalar } from './org';

export interface CurrencyContext {
    /** Currency every stored amount is in (the org's corporate currency unless the record has CurrencyIsoCode). */
    corporate: string;
    /** The viewer's currency. */
    viewer: string;
    /** Units of each currency per one unit of the corporate currency (multi-currency orgs only). */
    rates?: Record<string, number>;
}

/** The amount in the viewer's currency, or null when the org cannot convert (single-currency org, other currency). */
export function convertAmount(value: number, from: string, money: CurrencyContext): number | null {
    if (from === money.viewer) return value;
    const rates = money.rates;
    const fromRate = from === money.corporate ? 1 : rates?.[from];
    const toRate = money.viewer === money.corporate ? 1 : rates?.[money.viewer];
    if (!fromRate || !toRate) return null;
    return Math.round((value / fromRate) * toRate * 100) / 100;
}

export interface ValueContext {
    fmt: FormatContext;
    money: CurrencyContext;
}

/**
 * The display string: formatted numbers and dates, picklist labels; a lookup's display value (the parent's name) is
 * passed in by the caller. In a multi-currency org a currency shows the viewer's currency in parentheses.
 */
export function displayValueOf(
    field: FieldDescription,
    value: FieldScalar | undefined,
    ctx: ValueContext,
    recordCurrency: string,
): string | null {
    if (value === null || value === undefined) return null;
    if (field.type === 'Picklist' || field.type === 'MultiPicklist') return String(value);
    const formatted = formatValue(field.type, value, ctx.fmt, recordCurrency);
    if (field.type === 'Currency' && formatted !== null && recordCurrency !== ctx.money.viewer) {
        const converted = convertAmount(value as number, recordCurrency, ctx.money);
        if (converted !== null) return `${formatted} (${formatCurrency(converted, ctx.money.viewer, ctx.fmt)})`;
    }
    return formatted;
}

/** One sub-field of a `*Value` object. */
export function valueSubfield(
    sub: string,
    field: FieldDescription,
    value: FieldScalar | undefined,
    ctx: ValueContext,
    recordCurrency: string,
    lookupDisplay?: string | null,
): unknown {
    const v = value === undefined ? null : value;
    switch (sub) {
        case 'value':
            return v;
        case 'displayValue':
            if (field.type === 'Reference') return lookupDisplay ?? null;
            return displayValueOf(field, v, ctx, recordCurrency);
        case 'format':
            return formatValue(field.type, v, ctx.fmt, recordCurrency);
        case 'label':
            return field.type === 'Picklist' || field.type === 'MultiPicklist' ? v : null;
        case 'convertCurrency':
            return typeof v === 'number' ? convertAmount(v, recordCurrency, ctx.money) : null;
        default:
            return null;
    }
}
