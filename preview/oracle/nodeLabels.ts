/**
 * Lets Node load the KPI core outside the platform: `@salesforce/label/c.<name>` resolves to the label's value from
 * CustomLabels.labels-meta.xml, as the preview build does. Import it before any module that imports labels.
 */
import Module from 'node:module';
import { labelsFile } from '../../scripts/lib/paths';
import { readLabels } from '../server/metadata';

const LABEL = /^@salesforce\/label\/c\.(\w+)$/;
const labels = readLabels(labelsFile);
const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const load = loader._load;

loader._load = function (request: string, parent: unknown, isMain: boolean): unknown {
    const match = LABEL.exec(request);
    if (!match) return load.call(this, request, parent, isMain);
    const value = labels.get(match[1]);
    if (value === undefined) throw new Error(`${request}: no label ${match[1]} in ${labelsFile}`);
    return { __esModule: true, default: value };
};
