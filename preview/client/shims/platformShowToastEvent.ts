/**
 * `lightning/platformShowToastEvent`: the event a component dispatches to show a toast; the preview shell listens
 * for it. https://developer.salesforce.com/docs/platform/lwc/guide/use-toast.html
 */
export interface ToastDetail {
    title?: string;
    message?: string;
    messageData?: unknown[];
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
}

export const SHOW_TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ToastDetail> {
    constructor(detail: ToastDetail) {
        super(SHOW_TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail });
    }
}
