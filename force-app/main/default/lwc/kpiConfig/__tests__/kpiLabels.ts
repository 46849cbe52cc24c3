/**
 * Import first in a test file: every `@salesforce/label/c.kpi…` import then resolves to its English text from the
 * labels file instead of Jest's `c.kpi…` placeholder, so tests can read the messages an admin or viewer sees.
 */
import fs from 'fs';
import path from 'path';

const file = path.join(__dirname, '..', '..', '..', 'labels', 'CustomLabels.labels-meta.xml');
const xml = fs.readFileSync(file, 'utf8');
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]);

export const LABELS: Record<string, string> = {};
for (const match of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    const name = /<fullName>([^<]+)<\/fullName>/.exec(match[1])?.[1];
    const value = /<value>([\s\S]*?)<\/value>/.exec(match[1])?.[1];
    if (name && value !== undefined) LABELS[name] = decode(value);
}
for (const [name, value] of Object.entries(LABELS)) {
    jest.doMock(`@salesforce/label/c.${name}`, () => ({ default: value }), { virtual: true });
}
