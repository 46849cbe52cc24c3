/**
 * `lightning/navigation` for the preview: page references become Lightning Experience URLs, which the preview
 * server serves (a page, a record view or a list view), so navigation lands somewhere visible.
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type.html
 */
import type { LightningElement } from 'lwc';
import { previewContext, type PageReference } from '../context';

export const NOTICE_EVENT = 'kpipreviewnotice';

export interface PreviewNotice {
    title: string;
    message: string;
    variant: 'info' | 'warning' | 'error';
}

export function showNotice(notice: PreviewNotice): void {
    window.dispatchEvent(new CustomEvent<PreviewNotice>(NOTICE_EVENT, { detail: notice }));
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The URL Lightning Experience uses for a page reference, or an error naming what is missing. */
export function urlForPageReference(reference: PageReference): string {
    const attributes = reference.attributes ?? {};
    const required = (name: string): string => {
        const value = text(attributes[name]);
        if (!value) throw new Error(`${reference.type} page reference needs attributes.${name}`);
        return encodeURIComponent(value);
    };
    let url: string;
    switch (reference.type) {
        case 'standard__namedPage':
            url = `/lightning/page/${required('pageName')}`;
            break;
        case 'standard__navItemPage':
            url = `/lightning/n/${required('apiName')}`;
            break;
        case 'standard__recordPage': {
            const objectApiName = text(attributes.objectApiName);
            const action = text(attributes.actionName) ?? 'view';
            const recordId = required('recordId');
            url = objectApiName
                ? `/lightning/r/${encodeURIComponent(objectApiName)}/${recordId}/${action}`
                : `/lightning/r/${recordId}/${action}`;
            break;
        }
        case 'standard__recordRelationshipPage':
            url = `/lightning/r/${required('recordId')}/related/${required('relationshipApiName')}/view`;
            break;
        case 'standard__objectPage':
            url = `/lightning/o/${required('objectApiName')}/${text(attributes.actionName) ?? 'home'}`;
            break;
        case 'standard__webPage':
            return String(attributes.url ?? '');
        default:
            throw new Error(`page reference type ${JSON.stringify(reference.type)} is not supported by the preview`);
    }
    const state = Object.entries(reference.state ?? {}).filter(([, value]) => value !== undefined) as [
        string,
        string,
    ][];
    return state.length > 0 ? `${url}?${new URLSearchParams(state).toString()}` : url;
}

const Navigate: unique symbol = Symbol('Navigate');
const GenerateUrl: unique symbol = Symbol('GenerateUrl');

// TypeScript requires a mixin's base constructor to take `any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

function navigate(reference: PageReference, replace?: boolean): void {
    let url: string;
    try {
        url = urlForPageReference(reference);
    } catch (error) {
        showNotice({ title: 'Navigation not possible', message: (error as Error).message, variant: 'error' });
        return;
    }
    if (reference.type === 'standard__webPage' && /^https?:/i.test(url) && new URL(url).origin !== location.origin) {
        // The preview works offline: show where an external link would go instead of leaving.
        showNotice({ title: 'External page', message: `Salesforce would open ${url}`, variant: 'info' });
        return;
    }
    if (replace) location.replace(url);
    else location.assign(url);
}

function mixin<T extends Constructor<LightningElement>>(Base: T) {
    return class extends Base {
        [Navigate](reference: PageReference, replace?: boolean): void {
            navigate(reference, replace);
        }

        [GenerateUrl](reference: PageReference): Promise<string> {
            try {
                return Promise.resolve(urlForPageReference(reference));
            } catch (error) {
                return Promise.reject(error);
            }
        }
    };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

/** Wire adapter: the page reference of the page being shown. */
export class CurrentPageReference {
    constructor(private readonly emit: (value: PageReference) => void) {}

    update(): void {}

    connect(): void {
        this.emit(structuredClone(previewContext().pageReference));
    }

    disconnect(): void {}
}
