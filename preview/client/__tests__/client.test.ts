import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultValues, isPlaceable, parsePropertyValue, type ComponentMeta, type MetaProperty } from '../appBuilder';
import { i18nValues } from '../i18n';
import { gql } from '../shims/graphql';
import { urlForPageReference } from '../shims/navigation';

const integer: MetaProperty = { name: 'top', type: 'Integer', label: 'Top', required: true, min: 1, max: 50 };
const picklist: MetaProperty = { name: 'mode', type: 'String', label: 'Mode', required: false, datasource: ['a', 'b'] };
const flag: MetaProperty = { name: 'compact', type: 'Boolean', label: 'Compact', required: false, default: 'true' };

test('App Builder values are parsed per type, with messages naming the property', () => {
    assert.deepEqual(parsePropertyValue(integer, '12'), { ok: true, value: 12 });
    assert.deepEqual(parsePropertyValue(integer, 7), { ok: true, value: 7 });
    assert.deepEqual(parsePropertyValue(integer, '51'), { ok: false, message: 'Top (top): must be at most 50' });
    assert.deepEqual(parsePropertyValue(integer, '0'), { ok: false, message: 'Top (top): must be at least 1' });
    assert.deepEqual(parsePropertyValue(integer, '1.5'), {
        ok: false,
        message: 'Top (top): expects a whole number, got "1.5"',
    });
    assert.deepEqual(parsePropertyValue(integer, ''), { ok: false, message: 'Top (top): is required' });
    assert.deepEqual(parsePropertyValue(picklist, ''), { ok: true, value: undefined });
    assert.deepEqual(parsePropertyValue(picklist, 'c'), {
        ok: false,
        message: 'Mode (mode): must be one of a, b; got "c"',
    });
    assert.deepEqual(parsePropertyValue(flag, 'false'), { ok: true, value: false });
    assert.equal(parsePropertyValue(flag, 'yes').ok, false);
    assert.equal(parsePropertyValue({ ...flag, type: 'Date' }, 'x').ok, false);
    assert.deepEqual(defaultValues([integer, picklist, flag]), { compact: true });
});

test('a component is placeable only where its metadata exposes it', () => {
    const meta: ComponentMeta = {
        exposed: true,
        targets: ['lightning__RecordPage'],
        targetConfigs: [{ targets: ['lightning__RecordPage'], objects: ['Account'], properties: [] }],
    };
    assert.equal(isPlaceable(meta, 'lightning__RecordPage', 'Account'), true);
    assert.equal(isPlaceable(meta, 'lightning__RecordPage', 'Case'), false);
    assert.equal(isPlaceable(meta, 'lightning__HomePage'), false);
    assert.equal(isPlaceable({ ...meta, exposed: false }, 'lightning__RecordPage', 'Account'), false);
});

test('page references become Lightning Experience URLs', () => {
    const url = (type: string, attributes: Record<string, unknown>, state?: Record<string, string>) =>
        urlForPageReference({ type, attributes, state });
    assert.equal(url('standard__namedPage', { pageName: 'home' }), '/lightning/page/home');
    assert.equal(url('standard__navItemPage', { apiName: 'KPI_Sales_Team' }), '/lightning/n/KPI_Sales_Team');
    assert.equal(
        url('standard__recordPage', { recordId: '001A', objectApiName: 'Account', actionName: 'view' }),
        '/lightning/r/Account/001A/view',
    );
    assert.equal(url('standard__recordPage', { recordId: '001A' }), '/lightning/r/001A/view');
    assert.equal(
        url('standard__objectPage', { objectApiName: 'Case', actionName: 'list' }, { filterName: 'Recent' }),
        '/lightning/o/Case/list?filterName=Recent',
    );
    assert.throws(
        () => url('standard__recordPage', {}),
        /standard__recordPage page reference needs attributes\.recordId/,
    );
    assert.throws(() => url('comm__namedPage', { name: 'x' }), /"comm__namedPage" is not supported by the preview/);
});

test('@salesforce/i18n values follow the locale, currency and time zone', () => {
    const us = i18nValues('en-US', 'USD', 'America/Los_Angeles');
    assert.equal(us.firstDayOfWeek, 1);
    assert.equal(us['number.groupingSeparator'], ',');
    assert.equal(us['number.currencySymbol'], '$');
    assert.equal(us['dateTime.shortDateFormat'], 'M/d/yyyy');
    const de = i18nValues('de-DE', 'EUR', 'Pacific/Kiritimati');
    assert.equal(de.firstDayOfWeek, 2);
    assert.equal(de['number.decimalSeparator'], ',');
    assert.equal(de['number.groupingSeparator'], '.');
    assert.equal(de['number.currencySymbol'], '€');
    assert.equal(de.timeZone, 'Pacific/Kiritimati');
    assert.equal(de.lang, 'de');
    const ja = i18nValues('ja-JP', 'JPY', 'Asia/Tokyo');
    assert.equal(ja['number.currencySymbol'], '￥');
    assert.equal(ja['dateTime.longDateFormat'], 'yyyy年M月d日');
});

test('gql keeps the document text and inlines interpolated documents', () => {
    const fragment = gql`
        fragment F on Account {
            Name {
                value
            }
        }
    `;
    const document = gql`
        query q {
            uiapi {
                query {
                    Account {
                        edges {
                            node {
                                ...F
                            }
                        }
                    }
                }
            }
        }
        ${fragment}
    `;
    assert.equal(document.kind, 'Document');
    assert.match(
        document.source.replace(/\s+/g, ' '),
        /\.\.\.F \} \} \} \} \} \} fragment F on Account \{ Name \{ value \} \}/,
    );
    assert.ok(Object.isFrozen(document));
});
