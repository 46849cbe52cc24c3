import { LightningElement, api } from 'lwc';

export interface FilterOption {
    label: string;
    value: string;
}

export interface Filter {
    /** Names the filter in `filterchange` and in the combobox's `data-name`. */
    name: string;
    /** Shown above the combobox and read by screen readers. */
    label: string;
    value: string;
    options: FilterOption[];
    disabled?: boolean;
}

export interface FilterChangeDetail {
    name: string;
    value: string;
}

/**
 * A row of labelled SLDS comboboxes. It holds no choice of its own: the parent passes each filter's value and
 * options, hears `filterchange` ({ name, value }) and passes the new value back.
 */
export default class KpiFilterBar extends LightningElement {
    @api filters: Filter[] = [];

    get items(): Filter[] {
        return this.filters ?? [];
    }

    handleChange(event: CustomEvent<{ value?: string }>): void {
        // lightning-combobox's change bubbles and is composed: one event per choice leaves this component.
        event.stopPropagation();
        const name = (event.currentTarget as HTMLElement).dataset.name ?? '';
        const detail: FilterChangeDetail = { name, value: event.detail?.value ?? '' };
        this.dispatchEvent(new CustomEvent('filterchange', { detail, bubbles: false }));
    }
}
