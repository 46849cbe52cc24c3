import kpiChartLibraryMissing from '@salesforce/label/c.kpiChartLibraryMissing';
import kpiChartJsUrl from '@salesforce/resourceUrl/kpiChartJs';
import { loadScript } from 'lightning/platformResourceLoader';
import type { LightningElement } from 'lwc';
import type { KpiChartConfig } from 'c/kpiChartData';

/** The part of a Chart.js chart instance the kpi components use. */
export interface KpiChartInstance {
    readonly canvas: HTMLCanvasElement | null;
    data: KpiChartConfig['data'];
    options: KpiChartConfig['options'];
    update(mode?: 'none'): void;
    destroy(): void;
}

export type KpiChartConstructor = new (canvas: HTMLCanvasElement, config: KpiChartConfig) => KpiChartInstance;

// One load per page however many charts it shows; cleared on failure so a retry loads again.
let chartJs: Promise<KpiChartConstructor> | undefined;

/**
 * Loads the kpiChartJs static resource once and resolves to its Chart constructor.
 * https://developer.salesforce.com/docs/platform/lwc/guide/js-third-party-library.html
 */
export function loadChartJs(component: LightningElement): Promise<KpiChartConstructor> {
    if (!chartJs) {
        const loading = loadScript(component, kpiChartJsUrl).then(() => {
            // The resource's classic script assigns window.Chart (scripts/chartjs-entry.ts).
            const constructor = (window as unknown as { Chart?: unknown }).Chart;
            if (typeof constructor !== 'function') throw new Error(kpiChartLibraryMissing);
            return constructor as KpiChartConstructor;
        });
        chartJs = loading;
        loading.catch(() => {
            if (chartJs === loading) chartJs = undefined;
        });
    }
    return chartJs;
}
