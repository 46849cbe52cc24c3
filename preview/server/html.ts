/** The HTML shell of every preview page: SLDS, the page context as JSON, the bundle. */
import { CONTEXT_ELEMENT_ID, type PreviewContext } from '../client/context';

/** JSON safe inside a <script> element: no `</script>` or HTML comment can be formed. */
export function scriptJson(value: unknown): string {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (text: string): string =>
    text.replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
    );

export function renderShell(context: PreviewContext): string {
    const title = `${context.page.label} | Lightning KPI Kit preview`;
    return `<!doctype html>
<html lang="${escapeHtml(context.selection.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<script type="application/json" id="${CONTEXT_ELEMENT_ID}">${scriptJson(context)}</script>
</head>
<body>
<div id="kpi-preview-root"></div>
<script src="/preview/app.js"></script>
</body>
</html>
`;
}
