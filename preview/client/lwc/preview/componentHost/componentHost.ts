import { LightningElement, api, createElement } from 'lwc';
import { components } from 'kpi-preview:registry';
import { defaultValues, propertiesFor, type PageTarget } from '../../../appBuilder';

/**
 * Places one component on the page the way Lightning does: created by tag, given its App Builder property values
 * (defaults from the `.js-meta.xml`, then the page's), and on record pages `recordId`/`objectApiName` if it declares them.
 */
export default class ComponentHost extends LightningElement {
    @api tag = '';
    @api properties: Record<string, unknown> = {};
    @api pageTarget: PageTarget = 'lightning__AppPage';
    @api recordId: string | undefined;
    @api objectApiName: string | undefined;

    problem = '';
    private element: (HTMLElement & Record<string, unknown>) | undefined;

    /** Sets one property on the placed component, as saving App Builder's property panel does. */
    @api
    setProperty(name: string, value: unknown): void {
        if (this.element) this.element[name] = value;
    }

    override renderedCallback(): void {
        if (this.element || this.problem) return;
        const registered = components[this.tag];
        if (!registered) {
            this.problem = `Component ${this.tag} is not in the preview bundle (rebuild with npm start).`;
            return;
        }
        const element = createElement(this.tag, { is: registered.ctor }) as HTMLElement & Record<string, unknown>;
        const values = {
            ...(registered.meta ? defaultValues(propertiesFor(registered.meta, this.pageTarget)) : {}),
            ...this.properties,
        };
        for (const [name, value] of Object.entries(values)) element[name] = value;
        if (this.pageTarget === 'lightning__RecordPage') {
            // The platform sets these only on components that declare them as public properties.
            if ('recordId' in element) element.recordId = this.recordId;
            if ('objectApiName' in element) element.objectApiName = this.objectApiName;
        }
        element.dataset.kpiComponent = this.tag;
        this.element = element;
        this.template?.querySelector('.slot')?.appendChild(element);
    }
}
