import { LightningElement, api } from 'lwc';
import { parsePropertyValue, type MetaProperty } from '../../../appBuilder';
import type { PanelInstance } from '../app/app';

interface Field {
    id: string;
    helpId: string;
    describedBy?: string;
    name: string;
    label: string;
    help?: string;
    required: boolean;
    isPicklist: boolean;
    isBoolean: boolean;
    /** A text box: `number` (step 1, min/max) for Integer properties, `text` for String and Color ones. */
    isInput: boolean;
    inputType: 'number' | 'text';
    step?: string;
    value: string;
    checked: boolean;
    min?: number;
    max?: number;
    options: { value: string; label: string; selected: boolean }[];
    error: string;
    className: string;
}

/** App Builder's property panel for every component on the page, generated from the `.js-meta.xml` files. */
export default class PropertyPanel extends LightningElement {
    private current: PanelInstance[] = [];
    private errors: Record<string, string> = {};
    private edited: Record<string, unknown> = {};

    @api
    get instances(): PanelInstance[] {
        return this.current;
    }
    set instances(value: PanelInstance[]) {
        this.current = value ?? [];
    }

    get forms() {
        return this.current.map((instance) => ({
            key: instance.key,
            heading: `${instance.label} (${instance.tag})`,
            fields: instance.properties.map((property) => this.field(instance, property)),
        }));
    }

    private field(instance: PanelInstance, property: MetaProperty): Field {
        const id = `${instance.key}-${property.name}`;
        const raw = id in this.edited ? this.edited[id] : instance.values[property.name];
        const value = raw === undefined || raw === null ? '' : String(raw);
        const error = this.errors[id] ?? '';
        const isInteger = property.type === 'Integer';
        return {
            id,
            helpId: `${id}-help`,
            describedBy: property.description ? `${id}-help` : undefined,
            name: property.name,
            label: property.label,
            help: property.description,
            required: property.required,
            isPicklist: !!property.datasource && property.type === 'String',
            isBoolean: property.type === 'Boolean',
            isInput: isInteger || (!property.datasource && (property.type === 'String' || property.type === 'Color')),
            inputType: isInteger ? 'number' : 'text',
            step: isInteger ? '1' : undefined,
            value,
            checked: raw === true || raw === 'true',
            min: isInteger ? property.min : undefined,
            max: isInteger ? property.max : undefined,
            options: [
                ...(property.required ? [] : [{ value: '', label: '--None--', selected: value === '' }]),
                ...(property.datasource ?? []).map((option) => ({
                    value: option,
                    label: option,
                    selected: option === value,
                })),
            ],
            error,
            className: `slds-form-element slds-m-bottom_x-small${error ? ' slds-has-error' : ''}`,
        };
    }

    handleChange(event: Event): void {
        const input = event.target as HTMLInputElement | HTMLSelectElement;
        const { key, name } = input.dataset as { key: string; name: string };
        const instance = this.current.find((candidate) => candidate.key === key);
        const property = instance?.properties.find((candidate) => candidate.name === name);
        if (!instance || !property) return;
        const id = `${key}-${name}`;
        const inputValue = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
        this.edited = { ...this.edited, [id]: inputValue };
        const parsed = parsePropertyValue(property, inputValue);
        if (!parsed.ok) {
            // App Builder refuses to save an invalid value; the component keeps the last good one.
            this.errors = { ...this.errors, [id]: parsed.message };
            return;
        }
        this.errors = Object.fromEntries(Object.entries(this.errors).filter(([key]) => key !== id));
        this.dispatchEvent(new CustomEvent('propertychange', { detail: { key, name, value: parsed.value } }));
    }
}
