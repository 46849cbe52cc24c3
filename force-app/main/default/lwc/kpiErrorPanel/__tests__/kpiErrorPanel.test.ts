import KpiErrorPanel from 'c/kpiErrorPanel';
import { cleanUp, flush, mount, shadow as query, shadowAll } from '../../../../../test/jest/kpiTestUtils';

type PanelElement = HTMLElement & { errors: unknown; friendlyMessage?: string };

const createPanel = (props: Partial<Pick<PanelElement, 'errors' | 'friendlyMessage'>>) =>
    mount<PanelElement>('c-kpi-error-panel', KpiErrorPanel, props);

const noAccess = [
    {
        message:
            "Validation error of type FieldUndefined: Field 'Secret__c' in type 'Opportunity' is undefined @ 'uiapi/query/Opportunity/edges/node/Secret__c'",
        extensions: { ErrorType: 'ValidationError' },
    },
];

describe('c-kpi-error-panel', () => {
    afterEach(cleanUp);

    it('renders nothing without errors or message', () => {
        const element = createPanel({ errors: undefined });
        expect(query(element, '[role="alert"]')).toBeNull();
    });

    it.each([
        ['[null]', [null]],
        ['[]', []],
    ])('is never blank for errors that say nothing: %s', async (_name, errors) => {
        const element = createPanel({ errors });
        await flush();
        expect(query(element, '[role="alert"]')).not.toBeNull();
        expect(query(element, '.kpi-error-panel__summary')!.textContent).not.toBe('');
        expect(element.shadowRoot!.textContent).toContain('c.kpiErrorUndescribed');
    });

    it('summarises by kind and keeps the details collapsed behind a button', async () => {
        const element = createPanel({ errors: noAccess });
        await flush();
        expect(query(element, '[role="alert"]')).not.toBeNull();
        expect(query(element, '.kpi-error-panel__summary')!.textContent).toBe('c.kpiErrorNoAccess');
        const toggle = query<HTMLButtonElement>(element, 'button')!;
        const details = query<HTMLUListElement>(element, 'ul')!;
        expect(toggle.textContent!.trim()).toBe('c.kpiErrorShowDetails');
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(toggle.getAttribute('aria-controls')).toBe(details.id);
        expect(details.hidden).toBe(true);
        expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
            "Field 'Secret__c' in type 'Opportunity' is undefined",
        ]);
        await expect(element).toBeAccessible();
    });

    it('expands and collapses the details with the button', async () => {
        const element = createPanel({ errors: noAccess });
        await flush();
        const toggle = query<HTMLButtonElement>(element, 'button')!;
        toggle.click();
        await flush();
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        expect(toggle.textContent!.trim()).toBe('c.kpiErrorHideDetails');
        expect(query<HTMLUListElement>(element, 'ul')!.hidden).toBe(false);
        await expect(element).toBeAccessible();
        toggle.click();
        await flush();
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(query<HTMLUListElement>(element, 'ul')!.hidden).toBe(true);
    });

    it('prefers the friendly message and lists every distinct error', async () => {
        const element = createPanel({
            errors: [new TypeError('Failed to fetch'), 'Second', 'Second'],
            friendlyMessage: 'Custom summary',
        });
        await flush();
        expect(query(element, '.kpi-error-panel__summary')!.textContent).toBe('Custom summary');
        expect(shadowAll(element, 'li').map((li) => li.textContent)).toEqual(['Failed to fetch', 'Second']);
    });

    it('shows only the summary when the only detail would repeat it', async () => {
        const element = createPanel({ errors: { unexpected: true } });
        await flush();
        expect(query(element, '.kpi-error-panel__summary')!.textContent).toBe('c.kpiErrorUnknown');
        expect(query(element, 'button')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows a friendly message without errors', async () => {
        const element = createPanel({ friendlyMessage: 'Only this' });
        await flush();
        expect(query(element, '.kpi-error-panel__summary')!.textContent).toBe('Only this');
        expect(query(element, 'button')).toBeNull();
    });

    it('follows new errors', async () => {
        const element = createPanel({ errors: 'First' });
        await flush();
        element.errors = [new TypeError('Failed to fetch')];
        await flush();
        expect(query(element, '.kpi-error-panel__summary')!.textContent).toBe('c.kpiErrorNetwork');
    });
});
