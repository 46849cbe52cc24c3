import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { forceAppDir } from '../../lib/paths';
import {
    apiPropertyNames,
    baseComponentModule,
    checkBundleMeta,
    checkDrillDowns,
    checkLabelsFile,
    checkListView,
    checkMetadata,
    checkProperty,
    labelReferences,
    packagedDrillDowns,
    propertyNameProblem,
    resourceReferences,
    type DrillDownRef,
    type MetaProblem,
} from '../metadata';
import { tempDir } from '../../lib/tempDirs';
import { LIST_VIEW_CITATIONS } from '../listViewTokens';

const fixtures = path.join(__dirname, 'fixtures', 'metadata');

/** `relative/path: message` lines, as the CLI prints them. */
const lines = (problems: MetaProblem[], root: string): string[] =>
    problems.map((problem) => `${path.relative(root, problem.file)}: ${problem.message}`);

/** A metadata file: the XML declaration, then `<root>` in the Metadata API namespace holding `first`, then `body`. */
const metadataXml = (root: string, first: string, body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="http://soap.sforce.com/2006/04/metadata">
    ${first}
    ${body}
</${root}>`;

const bundleXml = (body: string, apiVersion = '65.0'): string =>
    metadataXml('LightningComponentBundle', `<apiVersion>${apiVersion}</apiVersion>`, body);

const exposed = (config: string): string =>
    bundleXml(`<isExposed>true</isExposed>
    <masterLabel>KPI</masterLabel>
    <description>A KPI.</description>
    <targets><target>lightning__AppPage</target><target>lightningCommunity__Default</target></targets>
    <targetConfigs>${config}</targetConfigs>`);

const propertyMessages = (attrs: Record<string, string>, targets = ['lightning__AppPage']): string[] =>
    checkProperty(attrs, { file: 'x', targets }).map((problem) => problem.message);

test('the well-formed fixture package has no problems', () => {
    const drillDown = { owner: 'KPI won', file: 'kpiCatalog.ts', object: 'Opportunity', listView: 'kpiWonDeals' };
    const report = checkMetadata([path.join(fixtures, 'good')], [drillDown]);
    assert.deepEqual(report.problems, []);
    assert.deepEqual([report.bundles, report.labels, report.resources, report.listViews], [1, 1, 1, 1]);
});

test('the broken fixture package reports each mistake once, naming the file', () => {
    const root = path.join(fixtures, 'bad', 'main', 'default');
    const found = lines(checkMetadata([path.join(fixtures, 'bad')]).problems, root);
    const expected = [
        'labels/CustomLabels.labels-meta.xml: label chartTitle: label name "chartTitle" must start with "kpi"',
        'labels/CustomLabels.labels-meta.xml: label kpiLocked: needs a <shortDescription>',
        'labels/CustomLabels.labels-meta.xml: label kpiLocked: <protected> must be false, not true',
        'staticresources/chartLib.resource-meta.xml: static resource name "chartLib" must start with "kpi"',
        'lwc/chartThing: bundle name "chartThing" must start with "kpi"',
        'lwc/kpiBare/kpiBare.js-meta.xml: apiVersion 58.0 is below 65.0 (lightning/graphql needs 65.0)',
        'lwc/kpiBare/kpiBare.js-meta.xml: an exposed component needs <masterLabel> (App Builder shows it)',
        'lwc/kpiBare/kpiBare.js-meta.xml: an exposed component needs <description> (App Builder shows it)',
        'lwc/kpiBare/kpiBare.js-meta.xml: an exposed component needs at least one <target>',
        "lwc/kpiBroken/kpiBroken.js-meta.xml: malformed XML at line 5, column 1: Expected closing tag 'LightningComponentBundle' (opened in line 2, col 1) instead of closing tag 'LightningComponentBundl'.",
        'lwc/kpiProps/kpiProps.js-meta.xml: targetConfig target lightning__RecordPage is not listed in <targets>',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "bare": needs a label (App Builder shows it to admins)',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "bare": needs a description (App Builder shows it to admins)',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "rowLimit": default 80 is above max 50',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "period": default "LAST_YEAR" is not one of the datasource values THIS_QUARTER, THIS_YEAR',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "showChart": default "yes" is not true or false',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "accent": type "Color" is not valid for target lightning__AppPage',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "accent": type "Color" is not valid for target lightning__RecordPage',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "dataSet": name must not start with "data" (data-* attributes, LWC1107)',
        'lwc/kpiProps/kpiProps.js-meta.xml: property "dataSet": has no matching @api property in the component',
        'lwc/kpiBare/kpiBare.ts: imports @salesforce/label/c.kpiMissingLabel, which is missing from labels/CustomLabels.labels-meta.xml',
        'lwc/kpiBare/kpiBare.ts: imports @salesforce/resourceUrl/kpiGone, but there is no staticresources/kpiGone.resource-meta.xml',
    ];
    assert.deepEqual(found, expected);
});

test('malformed XML names its line', () => {
    const [problem] = checkBundleMeta({
        file: 'f',
        text: '<LightningComponentBundle><apiVersion>65.0</LightningComponentBundle>',
    });
    assert.match(problem.message, /^malformed XML at line 1, column \d+: /);
});

test('apiVersion is required and at least 65.0', () => {
    const missing = checkBundleMeta({ file: 'f', text: bundleXml('').replace(/<apiVersion>.*<\/apiVersion>/, '') });
    assert.deepEqual(
        missing.map((problem) => problem.message),
        ['needs <apiVersion>'],
    );
    assert.deepEqual(checkBundleMeta({ file: 'f', text: bundleXml('<isExposed>false</isExposed>', '66.0') }), []);
    assert.equal(checkBundleMeta({ file: 'f', text: bundleXml('', 'abc') }).length, 1);
});

test('a property needs name, label, description and a type valid for every target of its config', () => {
    assert.deepEqual(propertyMessages({ type: 'String' }), [
        'a property without a name: needs a name',
        'a property without a name: needs a label (App Builder shows it to admins)',
        'a property without a name: needs a description (App Builder shows it to admins)',
    ]);
    const ok = { name: 'title', label: 'Title', description: 'The title.' };
    assert.deepEqual(propertyMessages({ ...ok }), ['property "title": needs a type']);
    assert.deepEqual(propertyMessages({ ...ok, type: 'Text' }), [
        'property "title": type "Text" is not valid for target lightning__AppPage',
    ]);
    assert.deepEqual(propertyMessages({ ...ok, type: 'Color' }, ['lightningCommunity__Default']), []);
    assert.deepEqual(propertyMessages({ ...ok, type: 'Date' }, ['lightning__FlowScreen']), []);
    assert.deepEqual(propertyMessages({ ...ok, type: 'Date' }, ['lightning__HomePage']), [
        'property "title": type "Date" is not valid for target lightning__HomePage',
    ]);
});

test('defaults must match their type, lie within min/max and be one of a static datasource', () => {
    const base = { name: 'rows', label: 'Rows', description: 'Rows.' };
    const integer = { ...base, type: 'Integer', min: '1', max: '10' };
    assert.deepEqual(propertyMessages({ ...integer, default: '10' }), []);
    assert.deepEqual(propertyMessages({ ...integer, default: '0' }), ['property "rows": default 0 is below min 1']);
    assert.deepEqual(propertyMessages({ ...integer, default: '11' }), ['property "rows": default 11 is above max 10']);
    assert.deepEqual(propertyMessages({ ...integer, default: '2.5' }), [
        'property "rows": default "2.5" is not an integer',
    ]);
    assert.deepEqual(propertyMessages({ ...integer, min: '20' }), ['property "rows": min 20 is above max 10']);
    assert.deepEqual(propertyMessages({ ...base, type: 'String', min: '1' }), [
        'property "rows": min is only valid for type Integer',
    ]);
    const picklist = { ...base, type: 'String', datasource: 'A,B, C' };
    assert.deepEqual(propertyMessages({ ...picklist, default: 'C' }), []);
    assert.deepEqual(propertyMessages({ ...picklist, default: 'D' }), [
        'property "rows": default "D" is not one of the datasource values A, B, C',
    ]);
    assert.deepEqual(propertyMessages({ ...base, type: 'String', datasource: 'apex://KpiPicklist', default: 'x' }), []);
    assert.deepEqual(propertyMessages({ ...base, type: 'Integer', datasource: 'A,B' }), [
        'property "rows": datasource is only valid for type String',
    ]);
    assert.deepEqual(propertyMessages({ ...base, type: 'Boolean', default: 'TRUE' }), [
        'property "rows": default "TRUE" is not true or false',
    ]);
});

test('property names the platform rejects', () => {
    assert.match(propertyNameProblem('dataFoo') ?? '', /LWC1107/);
    assert.match(propertyNameProblem('onchange') ?? '', /LWC1108/);
    assert.match(propertyNameProblem('ariaFoo') ?? '', /aria/);
    assert.match(propertyNameProblem('slot') ?? '', /LWC1110/);
    assert.match(propertyNameProblem('tabindex') ?? '', /tabIndex/);
    assert.equal(propertyNameProblem('data'), undefined);
    assert.equal(propertyNameProblem('recordLimit'), undefined);
});

test('a configured property must exist as @api in the component', () => {
    const source = `class X { @api title = ''; @api get period() { return 1; } @api\n    readonly rows: number = 1; other = 1; }`;
    assert.deepEqual([...apiPropertyNames(source)].sort(), ['period', 'rows', 'title']);
    const xml = exposed(`<targetConfig targets="lightning__AppPage">
        <property name="title" type="String" label="T" description="T."/>
        <property name="other" type="String" label="O" description="O."/>
    </targetConfig>`);
    assert.deepEqual(
        checkBundleMeta({ file: 'f', text: xml, source }).map((problem) => problem.message),
        ['property "other": has no matching @api property in the component'],
    );
});

test('an @api field inherited from a c/ base class does not count for js-meta.xml properties', () => {
    const base = `import { LightningElement, api } from 'lwc';
export default class KpiBase extends LightningElement { @api period?: string; }`;
    const source = `import { api } from 'lwc';
import KpiBase, { helper } from 'c/kpiBase';
export default class KpiChild extends KpiBase { @api scope?: string; }`;
    assert.equal(baseComponentModule(source), 'c/kpiBase');
    assert.equal(baseComponentModule(base), undefined);
    assert.equal(
        baseComponentModule(`import Other from 'c/kpiOther';\nexport default class X extends Base {}`),
        undefined,
    );
    const xml = exposed(`<targetConfig targets="lightning__AppPage">
        <property name="scope" type="String" label="S" description="S."/>
        <property name="period" type="String" label="P" description="P."/>
        <property name="nowhere" type="String" label="N" description="N."/>
    </targetConfig>`);
    const messages = checkBundleMeta({ file: 'f', text: xml, source }).map((problem) => problem.message);
    assert.equal(messages.length, 2);
    assert.match(
        messages[0],
        /^property "period": has no matching @api property in the component \(an @api field inherited from c\/kpiBase does not count.*forcedotcom\/cli#3339\)$/,
    );
    assert.match(messages[1], /^property "nowhere": has no matching @api property in the component/);
    assert.deepEqual(
        checkBundleMeta({ file: 'f', text: xml.replace(/<property name="(period|nowhere)"[^>]*\/>/g, ''), source }),
        [],
    );
});

test('{!$Label.c.X} in a property label must name an existing label', () => {
    const xml = exposed(`<targetConfig targets="lightning__AppPage">
        <property name="title" type="String" label="{!$Label.c.kpiNope}" description="{!$Label.c.kpiTitleHelp}"/>
    </targetConfig>`);
    assert.deepEqual(
        checkBundleMeta({ file: 'f', text: xml, labels: new Set(['kpiTitleHelp']) }).map((problem) => problem.message),
        ['property "title": label names custom label kpiNope, which does not exist'],
    );
});

test('labels file: each label complete, unprotected, kpi-prefixed and unique', () => {
    const label = (body: string): string => `<labels>${body}</labels>`;
    const full = (name: string): string =>
        `<fullName>${name}</fullName><language>en_US</language><protected>false</protected>` +
        `<shortDescription>d</shortDescription><value>v</value>`;
    const xml = `<CustomLabels>${label(full('kpiA'))}${label(full('kpiA'))}${label('<value>x</value>')}</CustomLabels>`;
    const result = checkLabelsFile('labels', xml);
    assert.deepEqual(
        result.problems.map((problem) => problem.message),
        [
            'label kpiA: is defined twice',
            'label #3: needs a <fullName>',
            'label #3: needs a <shortDescription>',
            'label #3: needs a <language>',
            'label #3: <protected> must be false, not missing',
        ],
    );
    assert.deepEqual([...result.names], ['kpiA']);
    const long = checkLabelsFile(
        'labels',
        `<CustomLabels>${label(full('kpiLong').replace('<value>v', `<value>${'x'.repeat(1001)}`))}</CustomLabels>`,
    );
    assert.deepEqual(
        long.problems.map((problem) => problem.message),
        ['label kpiLong: value is 1001 characters, above the 1,000 limit'],
    );
    assert.match(
        checkLabelsFile('labels', '<CustomLabels><labels></CustomLabels>').problems[0].message,
        /^malformed XML/,
    );
});

test('finds label and resource imports, including jest.mock strings', () => {
    const source = `import a from '@salesforce/label/c.kpiA';\njest.mock("@salesforce/label/c.kpiB", () => ({}));\nimport u from '@salesforce/resourceUrl/kpiChartJs';`;
    assert.deepEqual(labelReferences(source), ['kpiA', 'kpiB']);
    assert.deepEqual(resourceReferences(source), ['kpiChartJs']);
});

test('a bundle without its configuration file and a static resource without content are reported', () => {
    const root = tempDir('kpi-metadata-test-');
    const main = path.join(root, 'main', 'default');
    fs.mkdirSync(path.join(main, 'lwc', 'kpiLonely'), { recursive: true });
    fs.writeFileSync(path.join(main, 'lwc', 'kpiLonely', 'kpiLonely.ts'), 'export {};\n');
    fs.mkdirSync(path.join(main, 'staticresources'));
    fs.writeFileSync(
        path.join(main, 'staticresources', 'kpiChartJs.resource-meta.xml'),
        '<StaticResource><cacheControl>Public</cacheControl><contentType>application/javascript</contentType></StaticResource>',
    );
    assert.deepEqual(lines(checkMetadata([root]).problems, main), [
        'staticresources/kpiChartJs.resource-meta.xml: has no content file kpiChartJs.* beside it (built resources: npm run build)',
        'lwc/kpiLonely/kpiLonely.js-meta.xml: missing: every bundle needs its configuration file',
    ]);
});

test('zero bundles, labels and resources is a pass', () => {
    const root = tempDir('kpi-metadata-test-');
    const report = checkMetadata([root]);
    assert.deepEqual([report.problems.length, report.bundles, report.labels, report.resources], [0, 0, 0, 0]);
});

const listViewXml = (body: string, name = 'kpiOpenDeals'): string =>
    metadataXml('ListView', `<fullName>${name}</fullName>`, body);

const listViewMessages = (
    xml: string,
    file = 'objects/Opportunity/listViews/kpiOpenDeals.listView-meta.xml',
): string[] => checkListView(file, xml, 'Opportunity').map((problem) => problem.message);

test('a list view with confirmed tokens, a KPI label and its scope passes', () => {
    const xml = listViewXml(`<columns>OPPORTUNITY.NAME</columns><columns>CORE.USERS.ALIAS</columns>
        <filterScope>Everything</filterScope>
        <filters><field>OPPORTUNITY.CLOSED</field><operation>equals</operation><value>0</value></filters>
        <label>KPI: Open Deals</label>`);
    assert.deepEqual(listViewMessages(xml), []);
});

test('a list view must be kpi-prefixed, named as its file, labelled "KPI: …" and scoped', () => {
    const xml = listViewXml('<label>Open deals</label>', 'OpenDeals');
    assert.deepEqual(listViewMessages(xml, 'objects/Opportunity/listViews/OpenDeals.listView-meta.xml'), [
        'list view Opportunity.OpenDeals: list view name "OpenDeals" must start with "kpi"',
        'list view Opportunity.OpenDeals: label "Open deals" must start with "KPI: " and name the view',
        'list view Opportunity.OpenDeals: needs a <filterScope> (required)',
    ]);
    assert.deepEqual(
        listViewMessages(listViewXml('<filterScope>Mine</filterScope><label>KPI: </label>', 'kpiOther')),
        [
            '<fullName> is "kpiOther", expected "kpiOpenDeals"',
            'label "KPI:" must start with "KPI: " and name the view',
            'filterScope "Mine" has no citation (scripts/validate/listViewTokens.ts)',
        ].map((message) => `list view Opportunity.kpiOpenDeals: ${message}`),
    );
});

test('guessed column and filter names, unknown operations and dangling filter logic are caught', () => {
    const xml = listViewXml(`<booleanFilter>1 AND (2 OR 3)</booleanFilter>
        <columns>OPPORTUNITY.NAME</columns><columns>Amount</columns><columns>LEAD.COMPANY</columns>
        <filterScope>Everything</filterScope>
        <filters><field>OPPORTUNITY.IS_WON</field><operation>equals</operation><value>1</value></filters>
        <filters><field>OPPORTUNITY.CLOSED</field><operation>is</operation><value>1</value></filters>
        <label>KPI: Open Deals</label>`);
    assert.deepEqual(
        listViewMessages(xml),
        [
            'column "Amount" has no citation for Opportunity (scripts/validate/listViewTokens.ts)',
            'column "LEAD.COMPANY" has no citation for Opportunity (scripts/validate/listViewTokens.ts)',
            'filter 1 field "OPPORTUNITY.IS_WON" has no citation for Opportunity (scripts/validate/listViewTokens.ts)',
            'filter 2 operation "is"; one of equals, notEqual, lessThan, greaterThan, lessOrEqual, greaterOrEqual, contains, notContain, startsWith, includes, excludes, within',
            'booleanFilter "1 AND (2 OR 3)" names filter 3, but there are 2',
        ].map((message) => `list view Opportunity.kpiOpenDeals: ${message}`),
    );
});

test('a filter value needs a citation for the kind of field it filters: a checkbox value is no date literal', () => {
    const xml = listViewXml(`<columns>OPPORTUNITY.NAME</columns>
        <filterScope>Everything</filterScope>
        <filters><field>OPPORTUNITY.CLOSE_DATE</field><operation>equals</operation><value>THIS_FISCAL_QUARTER</value></filters>
        <filters><field>OPPORTUNITY.CLOSE_DATE</field><operation>equals</operation><value>1</value></filters>
        <filters><field>OPPORTUNITY.WON</field><operation>equals</operation><value>THIS_QUARTER</value></filters>
        <filters><field>OPPORTUNITY.CLOSED</field><operation>equals</operation></filters>
        <filters><field>OPPORTUNITY.CLOSE_DATE</field><operation>equals</operation><value>THIS_QUARTER</value></filters>
        <label>KPI: Open Deals</label>`);
    assert.deepEqual(
        listViewMessages(xml),
        [
            'filter 1 value "THIS_FISCAL_QUARTER" has no citation as a date filter value (scripts/validate/listViewTokens.ts)',
            'filter 2 value "1" has no citation as a date filter value (scripts/validate/listViewTokens.ts)',
            'filter 3 value "THIS_QUARTER" has no citation as a checkbox filter value (scripts/validate/listViewTokens.ts)',
            'filter 4 needs a <value>',
        ].map((message) => `list view Opportunity.kpiOpenDeals: ${message}`),
    );
});

test('every citation names its source exactly: a Salesforce page, or a retrieved list view at a commit', () => {
    const seen = new Set<string>();
    for (const entry of LIST_VIEW_CITATIONS) {
        const key = [entry.role, entry.object ?? '', entry.kind ?? '', entry.token].join(' ');
        assert.ok(!seen.has(key), `cited twice: ${key}`);
        seen.add(key);
        const scoped = entry.role === 'column' || entry.role === 'filterField';
        assert.equal(entry.object !== undefined, scoped, `${key}: an object for columns and filter fields only`);
        const kinded = entry.role === 'filterField' || entry.role === 'filterValue';
        assert.equal(entry.kind !== undefined, kinded, `${key}: a kind for filter fields and values only`);
        const { citation } = entry;
        if ('url' in citation) {
            assert.match(citation.url, /^https:\/\/(developer|help)\.salesforce\.com\//, `${key}: a Salesforce page`);
            assert.ok(citation.page.length > 0, `${key}: the page's title`);
        } else {
            assert.match(citation.repo, /^[\w.-]+\/[\w.-]+$/, `${key}: owner/name`);
            assert.match(citation.commit, /^[0-9a-f]{40}$/, `${key}: the commit read`);
            assert.match(
                citation.path,
                /\/objects\/\w+\/listViews\/\w+\.listView-meta\.xml$/,
                `${key}: a list view file`,
            );
            if (scoped)
                assert.ok(citation.path.includes(`/objects/${entry.object}/`), `${key}: a view of ${entry.object}`);
        }
    }
});

test("the package's list views pass; a copy with one uncited token fails, naming the file, the token and its role", () => {
    const views = path.join(forceAppDir, 'main', 'default', 'objects', 'Opportunity', 'listViews');
    const original = fs.readFileSync(path.join(views, 'kpiOpportunitiesWon.listView-meta.xml'), 'utf8');
    const clean = packageWithListViews({ 'Opportunity/listViews/kpiOpportunitiesWon.listView-meta.xml': original });
    assert.deepEqual(checkMetadata([clean.root]).problems, []);
    assert.deepEqual(
        checkMetadata().problems.filter((problem) => problem.file.endsWith('.listView-meta.xml')),
        [],
        'the packaged list views',
    );

    const madeUp = original.replace(
        '<columns>OPPORTUNITY.AMOUNT</columns>',
        '<columns>OPPORTUNITY.AMOUNT</columns>\n    <columns>OPPORTUNITY.MADE_UP</columns>',
    );
    const guessed = original.replace('<value>THIS_QUARTER</value>', '<value>THIS_FISCAL_QUARTER</value>');
    assert.notEqual(madeUp, original);
    assert.notEqual(guessed, original);
    const { root, objects } = packageWithListViews({
        'Opportunity/listViews/kpiOpportunitiesWon.listView-meta.xml': madeUp,
        'Opportunity/listViews/kpiOpportunitiesLost.listView-meta.xml': guessed.replaceAll(
            'kpiOpportunitiesWon',
            'kpiOpportunitiesLost',
        ),
        'Task/listViews/kpiEmailsSent.listView-meta.xml': listViewXml(
            `<columns>SUBJECT</columns><filterScope>Everything</filterScope>
            <filters><field>TASK_SUBTYPE</field><operation>equals</operation><value>Email</value></filters>
            <label>KPI: Emails Sent</label>`,
            'kpiEmailsSent',
        ),
    });
    assert.deepEqual(lines(checkMetadata([root]).problems, objects), [
        'Opportunity/listViews/kpiOpportunitiesLost.listView-meta.xml: list view Opportunity.kpiOpportunitiesLost: filter 3 value "THIS_FISCAL_QUARTER" has no citation as a date filter value (scripts/validate/listViewTokens.ts)',
        'Opportunity/listViews/kpiOpportunitiesWon.listView-meta.xml: list view Opportunity.kpiOpportunitiesWon: column "OPPORTUNITY.MADE_UP" has no citation for Opportunity (scripts/validate/listViewTokens.ts)',
        'Task/listViews/kpiEmailsSent.listView-meta.xml: list view Task.kpiEmailsSent: filter 1 field "TASK_SUBTYPE" has no citation for Task (scripts/validate/listViewTokens.ts)',
    ]);
});

test('a drill-down note must name a custom label that exists', () => {
    const { root } = packageWithListViews({ 'Opportunity/listViews/kpiWon.listView-meta.xml': wonView });
    const found = new Map([['Opportunity.kpiWon', path.join(root, 'kpiWon.listView-meta.xml')]]);
    const drillDowns: DrillDownRef[] = [
        { owner: 'KPI won', file: 'kpiCatalog.ts', object: 'Opportunity', listView: 'kpiWon', note: 'kpiNoSuchNote' },
        { owner: 'KPI lost', file: 'kpiCatalog.ts', object: 'Opportunity', listView: 'kpiWon', note: 'kpiWonNote' },
    ];
    assert.deepEqual(checkDrillDowns(drillDowns, found, new Set(['kpiWonNote'])), [
        {
            file: 'kpiCatalog.ts',
            message: 'KPI won: drill-down note names custom label kpiNoSuchNote, which does not exist',
        },
    ]);
    assert.ok(packagedDrillDowns().some((ref) => ref.owner === 'KPI emailsSent' && ref.note !== undefined));
});

/** A package directory holding the given list view files (`Object/listViews/name` → XML). */
function packageWithListViews(files: Record<string, string>): { root: string; objects: string } {
    const root = tempDir('kpi-metadata-test-');
    const objects = path.join(root, 'main', 'default', 'objects');
    for (const [rel, xml] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(objects, rel)), { recursive: true });
        fs.writeFileSync(path.join(objects, rel), xml);
    }
    return { root, objects };
}

const wonView = listViewXml('<filterScope>Everything</filterScope><label>KPI: Won</label>', 'kpiWon');

test('a drill-down to a list view without metadata, or under another object, is caught in the declaring file', () => {
    const { root } = packageWithListViews({ 'Lead/listViews/kpiWon.listView-meta.xml': wonView });
    const drillDowns: DrillDownRef[] = [
        { owner: 'KPI opportunitiesWon', file: 'kpiCatalog.ts', object: 'Opportunity', listView: 'kpiWon' },
        { owner: 'KPI campaignOpens', file: 'kpiCatalog.ts', object: 'CampaignMember', listView: 'kpiOpens' },
    ];
    assert.deepEqual(checkMetadata([root], drillDowns).problems, [
        {
            file: 'kpiCatalog.ts',
            message:
                'KPI opportunitiesWon: drill-down to Opportunity list view kpiWon, but it is packaged for Lead, not Opportunity (expected objects/Opportunity/listViews/kpiWon.listView-meta.xml)',
        },
        {
            file: 'kpiCatalog.ts',
            message:
                'KPI campaignOpens: drill-down to CampaignMember list view kpiOpens, but there is no objects/CampaignMember/listViews/kpiOpens.listView-meta.xml',
        },
    ]);
});

test('a list view outside objects/<Object>/listViews/ is reported', () => {
    const { root, objects } = packageWithListViews({ 'Opportunity/kpiWon.listView-meta.xml': wonView });
    assert.deepEqual(lines(checkMetadata([root]).problems, objects), [
        'Opportunity/kpiWon.listView-meta.xml: a list view belongs in objects/<Object>/listViews/',
    ]);
});

test('every drill-down of the catalog (the leaderboard ranks catalog KPIs only) has its list view in force-app', () => {
    const drillDowns = packagedDrillDowns();
    assert.ok(drillDowns.some((ref) => ref.owner === 'KPI newLogos' && ref.object === 'Account'));
    assert.ok(drillDowns.some((ref) => ref.owner === 'KPI winRate'));
    const objects = path.join(forceAppDir, 'main', 'default', 'objects');
    const found = new Map<string, string>();
    for (const object of fs.readdirSync(objects)) {
        const dir = path.join(objects, object, 'listViews');
        for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
            found.set(`${object}.${file.replace('.listView-meta.xml', '')}`, path.join(dir, file));
        }
    }
    assert.deepEqual(checkDrillDowns(drillDowns, found), []);
});
