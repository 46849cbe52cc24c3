/** The custom labels kpiChart shows, imported in one place; kpiChartData's view model reads them from here. */
import kpiChartCategory from '@salesforce/label/c.kpiChartCategory';
import kpiChartDefaultSummary from '@salesforce/label/c.kpiChartDefaultSummary';
import kpiChartInvalidInput from '@salesforce/label/c.kpiChartInvalidInput';
import kpiChartInvalidLabels from '@salesforce/label/c.kpiChartInvalidLabels';
import kpiChartInvalidSeries from '@salesforce/label/c.kpiChartInvalidSeries';
import kpiChartInvalidType from '@salesforce/label/c.kpiChartInvalidType';
import kpiChartInvalidValue from '@salesforce/label/c.kpiChartInvalidValue';
import kpiChartLoadFailed from '@salesforce/label/c.kpiChartLoadFailed';
import kpiChartLoading from '@salesforce/label/c.kpiChartLoading';
import kpiChartNoData from '@salesforce/label/c.kpiChartNoData';
import kpiChartNoValue from '@salesforce/label/c.kpiChartNoValue';
import kpiChartRetry from '@salesforce/label/c.kpiChartRetry';
import kpiChartSeriesLength from '@salesforce/label/c.kpiChartSeriesLength';
import kpiChartShowChart from '@salesforce/label/c.kpiChartShowChart';
import kpiChartShowTable from '@salesforce/label/c.kpiChartShowTable';
import kpiChartTableCaption from '@salesforce/label/c.kpiChartTableCaption';

export const KPI_CHART_LABELS = {
    category: kpiChartCategory,
    defaultSummary: kpiChartDefaultSummary,
    invalidInput: kpiChartInvalidInput,
    invalidLabels: kpiChartInvalidLabels,
    invalidSeries: kpiChartInvalidSeries,
    invalidType: kpiChartInvalidType,
    invalidValue: kpiChartInvalidValue,
    loadFailed: kpiChartLoadFailed,
    loading: kpiChartLoading,
    noData: kpiChartNoData,
    noValue: kpiChartNoValue,
    retry: kpiChartRetry,
    seriesLength: kpiChartSeriesLength,
    showChart: kpiChartShowChart,
    showTable: kpiChartShowTable,
    tableCaption: kpiChartTableCaption,
} as const;
