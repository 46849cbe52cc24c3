import KpiFilterBar from 'c/kpiFilterBar';
import type { Filter } from 'c/kpiFilterBar';
import { cleanUp, flush, mount, shadow, shadowAll } from '../../../../../test/jest/kpiTestUtils';

type FilterBarElement = HTMLElement & { filters: Filter[] };
interface ComboboxStub extends HTMLElement {
    label: string;
    name: string;
    value: string;
    options: { label: string; value: string }[];
    disabled?: boolean;
}

const filters: Filter[] = [
    {
        name: 'period',
        label: 'Period',
        value: 'thisMonth',
        options: [
            { label: 'This month', value: 'thisMonth' },
            { label: 'Last month', value: 'lastMonth' },
        ],
    },
    {
        name: 'type',
        label: 'Type',
        value: '',
        options: [{ label: 'All', value: '' }],
        disabled: true,
    },
];

const create = (value: Filter[] = filters) =>
    mount<FilterBarElement>('c-kpi-filter-bar', KpiFilterBar, { filters: value });

const comboboxes = (element: HTMLElement) => shadowAll<ComboboxStub>(element, 'lightning-combobox');
const combobox = (element: HTMLElement, name: string) =>
    shadow<ComboboxStub>(element, `lightning-combobox[data-name="${name}"]`)!;

describe('c-kpi-filter-bar', () => {
    afterEach(cleanUp);

    it('renders one labelled combobox per filter, in order, with its options, value and state', async () => {
        const element = create();
        await flush();
        expect(comboboxes(element).map((c) => [c.dataset.name, c.name, c.label, c.value, Boolean(c.disabled)])).toEqual(
            [
                ['period', 'period', 'Period', 'thisMonth', false],
                ['type', 'type', 'Type', '', true],
            ],
        );
        expect(combobox(element, 'period').options).toEqual(filters[0].options);
        await expect(element).toBeAccessible();
    });

    it('dispatches one non-bubbling filterchange with the name and value, and swallows the inner change', async () => {
        const element = create();
        await flush();
        const heard: unknown[] = [];
        const bubbled = jest.fn();
        const leaked = jest.fn();
        element.addEventListener('filterchange', (event) => {
            heard.push({ detail: (event as CustomEvent).detail, bubbles: event.bubbles, composed: event.composed });
        });
        document.body.addEventListener('filterchange', bubbled);
        element.addEventListener('change', leaked);
        combobox(element, 'period').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'lastMonth' }, bubbles: true, composed: true }),
        );
        expect(heard).toEqual([{ detail: { name: 'period', value: 'lastMonth' }, bubbles: false, composed: false }]);
        expect(bubbled).not.toHaveBeenCalled();
        expect(leaked).not.toHaveBeenCalled();
        document.body.removeEventListener('filterchange', bubbled);
    });

    it('reports a cleared combobox as the empty value', async () => {
        const element = create();
        await flush();
        const handler = jest.fn();
        element.addEventListener('filterchange', handler);
        combobox(element, 'type').dispatchEvent(new CustomEvent('change', { detail: {} }));
        expect(handler.mock.calls[0][0].detail).toEqual({ name: 'type', value: '' });
    });

    it('follows new filters from the parent and renders nothing without any', async () => {
        const element = create();
        await flush();
        element.filters = [{ ...filters[0], value: 'lastMonth' }];
        await flush();
        expect(comboboxes(element).map((c) => c.value)).toEqual(['lastMonth']);
        element.filters = undefined as unknown as Filter[];
        await flush();
        expect(comboboxes(element)).toHaveLength(0);
    });
});
