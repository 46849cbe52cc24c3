/** Sample orgs by size, generated on first use and kept, each with its engine and the bar's user list. */
import type { DatasetSize, PreviewUser } from '../client/context';
import { createEngine, defaultAccessModel, type AccessModel, type PreviewEngine } from '../engine';
import { generateSampleOrg } from '../sample-org';
import { DATASET_SIZES } from './choices';
import { previewUsers } from './users';

export type SampleOrg = ReturnType<typeof generateSampleOrg>;

export interface Dataset {
    size: DatasetSize;
    sample: SampleOrg;
    engine: PreviewEngine;
    users: PreviewUser[];
    /** Key prefix (first three characters of an Id) → object API name, for `/lightning/r/<id>/view`. */
    prefixes: Map<string, string>;
    generateMs: number;
    records: number;
    /** The same records under public sharing (SHARING_COOKIE), made on first use. */
    publicEngine?: PreviewEngine;
}

/**
 * The preview's engine switch for sharing: `private` (the default, the sample org's org-wide defaults: a rep sees their
 * own records, a manager their hierarchy's) or `public` (Public Read Only for the sales and service objects, as many
 * orgs set Opportunity), chosen by the `kpiSharing` cookie, so a test can prove a component both ways.
 */
export type Sharing = 'private' | 'public';
export const SHARING_COOKIE = 'kpiSharing';
export const PUBLIC_SHARING: AccessModel = {
    ...defaultAccessModel,
    publicObjects: [...defaultAccessModel.publicObjects, 'Opportunity', 'Lead', 'Task', 'Event', 'Case'],
};

export interface DatasetOptions {
    seed: number;
    now: Date;
    fiscalYearStartMonth?: number;
}

export class Datasets {
    private readonly cache = new Map<DatasetSize, Dataset>();

    constructor(private readonly options: DatasetOptions) {}

    loaded(): DatasetSize[] {
        return [...this.cache.keys()];
    }

    /** The dataset's engine under the chosen sharing. */
    engine(size: DatasetSize, sharing: Sharing): PreviewEngine {
        const dataset = this.get(size);
        if (sharing === 'private') return dataset.engine;
        return (dataset.publicEngine ??= createEngine(dataset.sample, { access: PUBLIC_SHARING }));
    }

    /** Synchronous on purpose: generation takes seconds at most and the preview serves one developer. */
    get(size: DatasetSize): Dataset {
        let dataset = this.cache.get(size);
        if (!dataset) {
            const started = Date.now();
            const sample = generateSampleOrg({
                seed: this.options.seed,
                size: DATASET_SIZES[size],
                now: this.options.now,
                fiscalYearStartMonth: this.options.fiscalYearStartMonth,
            });
            const engine = createEngine(sample);
            const prefixes = new Map<string, string>();
            let records = 0;
            for (const [object, list] of Object.entries(sample.records)) {
                records += list.length;
                if (list[0]) prefixes.set(list[0].Id.slice(0, 3), object);
            }
            dataset = {
                size,
                sample,
                engine,
                users: previewUsers(sample.records),
                prefixes,
                generateMs: Date.now() - started,
                records,
            };
            this.cache.set(size, dataset);
        }
        return dataset;
    }
}
