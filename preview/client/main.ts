// Synthetic shadow first: lightning-base-components are styled by the global SLDS stylesheet, as on the platform.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from './lwc/preview/app/app';

const root = document.getElementById('kpi-preview-root');
if (!root) throw new Error('preview: #kpi-preview-root is missing from the page');
root.appendChild(createElement('preview-app', { is: App }));
