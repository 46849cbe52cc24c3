import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveChoices, timeZoneLabel } from '../choices';
import { scriptJson } from '../html';
import { parseComponentMeta, readLabels } from '../metadata';
import { MetricsLog } from '../metrics';
import { resolveUnder } from '../static';
import { classifyUser, previewUsers } from '../users';

test('choices come from the query, then the cookie, then the defaults; unknown values are reported', () => {
    const { selection, problems } = resolveChoices(new URLSearchParams('locale=ja-JP&tz=Mars%2FOlympus'), {
        currency: 'EUR',
        dataset: '1k',
        userId: '005x',
    });
    assert.deepEqual(selection, {
        locale: 'ja-JP',
        currency: 'EUR',
        timeZone: 'America/Los_Angeles',
        dataset: '1k',
        userId: '005x',
    });
    assert.deepEqual(problems, ['tz=Mars/Olympus is not offered by the preview; using America/Los_Angeles']);
});

test('time zone labels show the offset, including the +14 and −12 extremes', () => {
    const at = new Date('2026-01-15T00:00:00Z');
    assert.equal(timeZoneLabel('Pacific/Kiritimati', at), '(GMT+14:00) Pacific/Kiritimati');
    assert.equal(timeZoneLabel('Etc/GMT+12', at), '(GMT-12:00) Etc/GMT+12');
    assert.equal(timeZoneLabel('UTC', at), '(GMT+00:00) UTC');
});

test('page context JSON cannot close its script element', () => {
    const text = scriptJson({ name: '</script><script>alert(1)</script>', line: '\u2028' });
    assert.ok(!text.includes('</script>') && !text.includes('<'));
    assert.deepEqual(JSON.parse(text), { name: '</script><script>alert(1)</script>', line: '\u2028' });
});

test('reads labels and reports an entry without a value', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-labels-'));
    const file = path.join(dir, 'CustomLabels.labels-meta.xml');
    fs.writeFileSync(
        file,
        '<CustomLabels><labels><fullName>kpiA</fullName><value>12 &amp; more</value></labels><labels><fullName>kpiB</fullName><value>007</value></labels></CustomLabels>',
    );
    assert.deepEqual(
        [...readLabels(file)],
        [
            ['kpiA', '12 & more'],
            ['kpiB', '007'],
        ],
    );
    fs.writeFileSync(file, '<CustomLabels><labels><fullName>kpiC</fullName></labels></CustomLabels>');
    assert.throws(() => readLabels(file), /label kpiC has no <value>/);
    assert.equal(readLabels(path.join(dir, 'missing.xml')).size, 0);
});

test('parses a .js-meta.xml into targets and App Builder properties', () => {
    const meta = parseComponentMeta(
        `<?xml version="1.0" encoding="UTF-8"?>
        <LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
            <apiVersion>65.0</apiVersion>
            <isExposed>true</isExposed>
            <masterLabel>KPI</masterLabel>
            <targets><target>lightning__RecordPage</target></targets>
            <targetConfigs>
                <targetConfig targets="lightning__RecordPage">
                    <objects><object>Account</object></objects>
                    <property name="top" type="Integer" label="Top" min="1" max="50" default="10" required="true"/>
                    <property name="mode" type="String" label="Mode" datasource="a, b"/>
                    <property name="source" type="String" label="Source" datasource="apex://KpiSource"/>
                </targetConfig>
            </targetConfigs>
        </LightningComponentBundle>`,
        'kpi.js-meta.xml',
    );
    assert.equal(meta.exposed, true);
    assert.deepEqual(meta.targets, ['lightning__RecordPage']);
    const [config] = meta.targetConfigs;
    assert.deepEqual(config.objects, ['Account']);
    assert.deepEqual(config.properties[0], {
        name: 'top',
        type: 'Integer',
        label: 'Top',
        description: undefined,
        default: '10',
        required: true,
        min: 1,
        max: 50,
        datasource: undefined,
        placeholder: undefined,
    });
    assert.deepEqual(config.properties[1].datasource, ['a', 'b']);
    assert.equal(config.properties[2].datasource, undefined);
    assert.throws(
        () => parseComponentMeta('<Other/>', 'x.js-meta.xml'),
        /x.js-meta.xml: expected a <LightningComponentBundle>/,
    );
    assert.throws(
        () =>
            parseComponentMeta(
                '<LightningComponentBundle><targetConfigs><targetConfig targets="t"><property name="n" type="Integer" min="one"/></targetConfig></targetConfigs></LightningComponentBundle>',
                'y.js-meta.xml',
            ),
        /y.js-meta.xml: property n has a non-numeric min="one"/,
    );
});

test('classifies users by role and the admin profile, and lists them by kind', () => {
    assert.equal(classifyUser(undefined, 'System Administrator'), 'admin');
    assert.equal(classifyUser('Sales Rep West', 'Custom: Sales Profile'), 'rep');
    assert.equal(classifyUser('VP Sales', 'Standard User'), 'salesManager');
    assert.equal(classifyUser('Support Agent', 'Custom: Support Profile'), 'serviceAgent');
    assert.equal(classifyUser('VP Customer Support', 'Standard User'), 'serviceManager');
    assert.equal(classifyUser('Marketing Manager', 'Custom: Marketing Profile'), 'other');
    const users = previewUsers({
        User: [
            { Id: '005a', Name: 'Zoe', UserRoleId: '00Ea', ProfileId: '00ea', IsActive: true },
            { Id: '005b', Name: 'Al', UserRoleId: null, ProfileId: '00eb', IsActive: true },
            { Id: '005c', Name: 'Bo', UserRoleId: '00Ea', ProfileId: '00ea', IsActive: false },
        ],
        UserRole: [{ Id: '00Ea', Name: 'Sales Rep East' }],
        Profile: [
            { Id: '00ea', Name: 'Custom: Sales Profile' },
            { Id: '00eb', Name: 'System Administrator' },
        ],
    });
    assert.deepEqual(
        users.map((u) => [u.name, u.kind, u.isActive]),
        [
            ['Zoe', 'rep', true],
            ['Bo', 'rep', false],
            ['Al', 'admin', true],
        ],
    );
});

test('metrics keep totals since the last reset and a bounded list', () => {
    const log = new MetricsLog(2);
    const entry = {
        bytes: 10,
        subqueries: 1,
        rowsScanned: 5,
        ms: 1,
        totalMs: 2,
        userId: 'u',
        dataset: '1k',
        errors: 0,
    };
    log.record(entry);
    log.record(entry);
    log.record({ ...entry, bytes: 30 });
    const summary = log.summary();
    assert.equal(summary.count, 3);
    assert.equal(summary.totals.bytes, 50);
    assert.equal(summary.requests.length, 2);
    assert.equal(summary.requests[1].seq, 3);
    log.reset();
    assert.equal(log.summary().count, 0);
});

test('static files resolve only under their root', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-static-'));
    fs.mkdirSync(path.join(root, 'icons'));
    fs.writeFileSync(path.join(root, 'icons', 'a.svg'), '<svg/>');
    assert.equal(resolveUnder(root, 'icons/a.svg'), path.join(root, 'icons', 'a.svg'));
    assert.equal(resolveUnder(root, '../etc/passwd'), undefined);
    assert.equal(resolveUnder(root, '..%2f..%2fetc%2fpasswd'), undefined);
    assert.equal(resolveUnder(root, 'icons'), undefined);
    assert.equal(resolveUnder(root, '%E0%A4%A'), undefined);
});
