import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { customFields as schemaCustomFields } from '../../../schema';
import { generateSampleOrg, LOSS_REASONS } from '..';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const sampleApp = path.join(repoRoot, 'sample-app', 'main', 'default');
const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => ['value', 'fieldPermissions'].includes(name),
});

const org = generateSampleOrg({ size: 1000, now: new Date('2026-11-27T18:30:00Z') });
/** Custom fields the generator fills, as Object.Field, with every value it wrote. */
const customFields = new Map<string, unknown[]>();
for (const [objectName, records] of Object.entries(org.records)) {
    for (const field of Object.keys(records[0]).filter((name) => name.endsWith('__c'))) {
        customFields.set(
            `${objectName}.${field}`,
            records.map((record) => record[field]),
        );
    }
}

type FieldXml = Record<string, unknown> & { fullName: string; type: string; label: string; description: string };

function readField(qualified: string): FieldXml {
    const [objectName, field] = qualified.split('.');
    const file = path.join(sampleApp, 'objects', objectName, 'fields', `${field}.field-meta.xml`);
    assert.ok(fs.existsSync(file), `missing ${path.relative(repoRoot, file)}`);
    return parser.parse(fs.readFileSync(file, 'utf8')).CustomField as FieldXml;
}

describe('sample-app custom fields', () => {
    it('has one field-meta.xml per custom field the generator fills, and no other', () => {
        // The generator fills exactly the fields schema/objects marks custom (schema/__tests__ lists them).
        assert.deepEqual(
            [...customFields.keys()].sort(),
            schemaCustomFields()
                .map(({ object, field }) => `${object.apiName}.${field.name}`)
                .sort(),
        );
        const onDisk = fs
            .readdirSync(path.join(sampleApp, 'objects'))
            .flatMap((objectName) =>
                fs
                    .readdirSync(path.join(sampleApp, 'objects', objectName, 'fields'))
                    .map((file) => `${objectName}.${file.replace('.field-meta.xml', '')}`),
            );
        assert.deepEqual(onDisk.sort(), [...customFields.keys()].sort());
    });

    it('defines each field with a type, label and description that fit the generated values', () => {
        for (const [qualified, values] of customFields) {
            const field = readField(qualified);
            assert.equal(field.fullName, qualified.split('.')[1]);
            assert.ok(field.label && field.description, `${qualified} needs a label and a description`);
            const present = values.filter((value) => value !== null);
            assert.ok(present.length > 0, `${qualified} is never filled`);
            switch (field.type) {
                case 'Number':
                case 'Currency': {
                    const precision = Number(field.precision);
                    const scale = Number(field.scale);
                    assert.ok(
                        precision >= 1 && precision <= 18 && scale >= 0 && scale <= precision,
                        `${qualified} precision/scale`,
                    );
                    for (const value of present as number[]) {
                        assert.ok(Math.abs(value) < 10 ** (precision - scale), `${qualified} cannot hold ${value}`);
                        assert.equal(
                            Math.round(value * 10 ** scale) / 10 ** scale,
                            value,
                            `${qualified} has more than ${scale} decimals: ${value}`,
                        );
                    }
                    break;
                }
                case 'Checkbox':
                    assert.equal(field.defaultValue, 'false');
                    assert.ok(
                        present.every((value) => typeof value === 'boolean'),
                        `${qualified} holds booleans`,
                    );
                    break;
                case 'Picklist': {
                    const valueSet = field.valueSet as {
                        restricted: string;
                        valueSetDefinition: { value: { fullName: string; label: string }[] };
                    };
                    assert.equal(valueSet.restricted, 'true');
                    const names = valueSet.valueSetDefinition.value.map((value) => value.fullName);
                    assert.deepEqual([...names], [...LOSS_REASONS]);
                    assert.ok(
                        present.every((value) => names.includes(String(value))),
                        `${qualified} holds a value outside its picklist`,
                    );
                    break;
                }
                default:
                    assert.fail(`${qualified} has unexpected type ${field.type}`);
            }
        }
        assert.equal(readField('User.Sales_Quota__c').type, 'Currency');
        assert.equal(readField('Case.CSAT__c').type, 'Number');
        assert.equal(readField('Case.First_Contact_Resolution__c').type, 'Checkbox');
    });

    it('grants read (and edit, for the data import) on every field in the kpiSampleFields permission set', () => {
        const file = path.join(sampleApp, 'permissionsets', 'kpiSampleFields.permissionset-meta.xml');
        const permissionSet = parser.parse(fs.readFileSync(file, 'utf8')).PermissionSet as {
            label: string;
            fieldPermissions: { field: string; readable: string; editable: string }[];
        };
        assert.ok(permissionSet.label, 'the permission set needs a label');
        assert.deepEqual(
            permissionSet.fieldPermissions.map((permission) => permission.field).sort(),
            [...customFields.keys()].sort(),
        );
        for (const permission of permissionSet.fieldPermissions) {
            assert.equal(permission.readable, 'true', permission.field);
            assert.equal(permission.editable, 'true', permission.field);
        }
    });

    it('lives in a package directory of its own, outside the installable force-app', () => {
        const project = JSON.parse(fs.readFileSync(path.join(repoRoot, 'sfdx-project.json'), 'utf8')) as {
            packageDirectories: { path: string; default?: boolean }[];
        };
        const sampleDirectory = project.packageDirectories.find((directory) => directory.path === 'sample-app');
        assert.ok(sampleDirectory, 'sfdx-project.json does not list sample-app');
        assert.notEqual(sampleDirectory.default, true);
        for (const qualified of customFields.keys()) {
            const [objectName, field] = qualified.split('.');
            const inPackage = path.join(
                repoRoot,
                'force-app',
                'main',
                'default',
                'objects',
                objectName,
                'fields',
                `${field}.field-meta.xml`,
            );
            assert.ok(!fs.existsSync(inPackage), `${qualified} must not be part of force-app`);
        }
    });
});
