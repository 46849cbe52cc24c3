import { loadScript } from 'lightning/platformResourceLoader';
import { flush, shadow } from '../../../../../test/jest/kpiTestUtils';
import { ChartJsMock, createChart, useChartJsMock } from './kpiChartTestUtils';

// Its own file: the page-wide Chart.js promise starts empty here, so the first load can fail.
const mockedLoadScript = loadScript as jest.MockedFunction<typeof loadScript>;

const labels = ['Q1', 'Q2'];
const series = [{ label: 'Won', data: [1, 2] }];

describe('c-kpi-chart when Chart.js fails to load', () => {
    useChartJsMock();

    it('shows the error panel, keeps the table available, and draws after a retry', async () => {
        mockedLoadScript.mockRejectedValueOnce(new Error('Refused to load the script'));
        const element = createChart({ labels, series, title: 'Wins' });
        expect(shadow(element, 'lightning-spinner')).not.toBeNull();
        await flush();

        const panel = shadow(element, 'c-kpi-error-panel') as HTMLElement & {
            errors: unknown;
            friendlyMessage: string;
        };
        expect(panel.friendlyMessage).toBe('c.kpiChartLoadFailed');
        expect((panel.errors as Error).message).toBe('Refused to load the script');
        expect(shadow(element, 'lightning-spinner')).toBeNull();
        expect(shadow<HTMLElement>(element, '.kpi-chart__frame')!.hidden).toBe(true);
        expect(ChartJsMock.instances).toHaveLength(0);
        await expect(element).toBeAccessible();

        shadow<HTMLButtonElement>(element, '.kpi-chart__toggle')!.click();
        await flush();
        expect(shadow(element, 'table')).not.toBeNull();
        shadow<HTMLButtonElement>(element, '.kpi-chart__toggle')!.click();

        const retry = shadow<HTMLButtonElement>(element, '.kpi-chart__retry')!;
        expect(retry.textContent!.trim()).toBe('c.kpiChartRetry');
        retry.click();
        await flush();
        expect(mockedLoadScript).toHaveBeenCalledTimes(2);
        expect(shadow(element, 'c-kpi-error-panel')).toBeNull();
        expect(ChartJsMock.instances).toHaveLength(1);
        expect(ChartJsMock.instances[0].canvas).toBe(shadow(element, 'canvas'));
    });
});
