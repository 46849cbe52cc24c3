import type { loadScript as LoadScript } from 'lightning/platformResourceLoader';
import type { LightningElement } from 'lwc';
import type { loadChartJs as LoadChartJs } from 'c/kpiChartLoader';

const component = {} as LightningElement;

class FakeChart {}

let loadChartJs: typeof LoadChartJs;
let mockedLoadScript: jest.MockedFunction<typeof LoadScript>;

// A fresh module registry per test: the page-wide cache starts empty, with its own loadScript stub.
function freshLoader(): void {
    jest.isolateModules(() => {
        /* eslint-disable @typescript-eslint/no-require-imports */
        loadChartJs = require('c/kpiChartLoader').loadChartJs;
        mockedLoadScript = require('lightning/platformResourceLoader').loadScript;
        /* eslint-enable @typescript-eslint/no-require-imports */
    });
    mockedLoadScript.mockReset();
    mockedLoadScript.mockResolvedValue(undefined);
}

describe('loadChartJs', () => {
    beforeEach(() => {
        freshLoader();
        (window as unknown as { Chart?: unknown }).Chart = FakeChart;
    });

    afterEach(() => {
        delete (window as unknown as { Chart?: unknown }).Chart;
    });

    it('loads the kpiChartJs resource once for every caller', async () => {
        const results = await Promise.all([loadChartJs(component), loadChartJs(component), loadChartJs(component)]);
        await loadChartJs(component);
        expect(results).toEqual([FakeChart, FakeChart, FakeChart]);
        expect(mockedLoadScript).toHaveBeenCalledTimes(1);
        expect(mockedLoadScript).toHaveBeenCalledWith(component, 'kpiChartJs');
    });

    it('rejects and forgets a failed load so a retry loads again', async () => {
        const failure = new Error('script blocked');
        mockedLoadScript.mockRejectedValueOnce(failure);
        await expect(loadChartJs(component)).rejects.toBe(failure);
        await expect(loadChartJs(component)).resolves.toBe(FakeChart);
        expect(mockedLoadScript).toHaveBeenCalledTimes(2);
    });

    it('rejects with a labelled error when the resource does not define window.Chart', async () => {
        delete (window as unknown as { Chart?: unknown }).Chart;
        await expect(loadChartJs(component)).rejects.toThrow('c.kpiChartLibraryMissing');
        (window as unknown as { Chart?: unknown }).Chart = FakeChart;
        await expect(loadChartJs(component)).resolves.toBe(FakeChart);
    });
});
