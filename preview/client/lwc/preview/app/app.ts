import { LightningElement } from 'lwc';
import { components } from 'kpi-preview:registry';
import { isPlaceable, propertiesFor, defaultValues, type MetaProperty, type PageTarget } from '../../../appBuilder';
import { previewContext, type PreviewContext } from '../../../context';
import { executeGraphQL } from '../../../shims/graphql';
import { NOTICE_EVENT, type PreviewNotice } from '../../../shims/navigation';
import { SHOW_TOAST_EVENT, type ToastDetail } from '../../../shims/platformShowToastEvent';
import type { PageType } from '../../../../pages/types';

const TARGETS: Record<PageType, PageTarget> = {
    home: 'lightning__HomePage',
    app: 'lightning__AppPage',
    record: 'lightning__RecordPage',
};

const REGION_CLASSES: Record<string, string> = {
    main: 'slds-col slds-size_1-of-1 slds-large-size_2-of-3',
    sidebar: 'slds-col slds-size_1-of-1 slds-large-size_1-of-3',
    left: 'slds-col slds-size_1-of-1 slds-large-size_1-of-2',
    right: 'slds-col slds-size_1-of-1 slds-large-size_1-of-2',
};

/** Fields Lightning shows as a record's name where `Name` does not exist. */
const NAME_FIELDS: Record<string, string> = { Case: 'CaseNumber', Task: 'Subject', Event: 'Subject' };

const OBJECT_ICONS: Record<string, string> = {
    Account: 'standard:account',
    Opportunity: 'standard:opportunity',
    Case: 'standard:case',
    Contact: 'standard:contact',
    Lead: 'standard:lead',
    Campaign: 'standard:campaign',
    Task: 'standard:task',
    User: 'standard:user',
};

interface Notice extends PreviewNotice {
    key: number;
    className: string;
}

export interface PanelInstance {
    key: string;
    tag: string;
    label: string;
    properties: MetaProperty[];
    values: Record<string, unknown>;
}

export default class App extends LightningElement {
    context: PreviewContext = previewContext();
    notices: Notice[] = [];
    showProperties = false;
    recordName = '';
    private noticeCount = 0;

    private readonly onNotice = (event: Event): void => this.addNotice((event as CustomEvent<PreviewNotice>).detail);

    override connectedCallback(): void {
        window.addEventListener(NOTICE_EVENT, this.onNotice);
        this.addEventListener(SHOW_TOAST_EVENT, this.handleToast);
        document.title = `${this.pageTitle} | Lightning KPI Kit preview`;
        for (const problem of this.context.problems) console.warn(`preview: ${problem}`);
        if (this.context.recordId && this.context.objectApiName) void this.loadRecordName();
    }

    override disconnectedCallback(): void {
        window.removeEventListener(NOTICE_EVENT, this.onNotice);
    }

    get page() {
        return this.context.page;
    }

    get pageTarget(): PageTarget {
        return TARGETS[this.page.type];
    }

    get isRecordPage(): boolean {
        return this.page.type === 'record';
    }

    get pageTitle(): string {
        return this.isRecordPage ? this.recordName || this.context.recordId || this.page.label : this.page.label;
    }

    get objectLabel(): string {
        return this.context.objectApiName ?? '';
    }

    get pageIcon(): string {
        if (this.context.objectApiName) return OBJECT_ICONS[this.context.objectApiName] ?? 'standard:record';
        return this.page.type === 'home' ? 'standard:home' : 'standard:dashboard';
    }

    get runningUser(): string {
        const { user } = this.context;
        return `${user.name} · ${user.profile}${user.role ? ` · ${user.role}` : ''}`;
    }

    get tabs() {
        return this.context.tabs.map((tab) => ({
            ...tab,
            className: `slds-context-bar__item${tab.active ? ' slds-is-active' : ''}`,
            ariaCurrent: tab.active ? 'page' : undefined,
        }));
    }

    get hasProblems(): boolean {
        return this.context.problems.length > 0;
    }

    regions = this.context.page.regions.map((region) => ({
        name: region.name,
        // A region alone in its row (the header, or the only region of "One Region") takes the full width.
        className:
            this.context.page.template === 'oneRegion'
                ? 'slds-col slds-size_1-of-1'
                : (REGION_CLASSES[region.name] ?? 'slds-col slds-size_1-of-1'),
        label: `${region.name} region`,
        instances: region.components.map((instance, index) => ({
            key: `${region.name}-${index}`,
            tag: instance.component,
            properties: instance.properties ?? {},
        })),
    }));

    /** Components the property panel can edit: placeable on this page type, with properties to set. */
    panelInstances: PanelInstance[] = this.computePanelInstances();

    private computePanelInstances(): PanelInstance[] {
        const result: PanelInstance[] = [];
        for (const region of this.regions) {
            for (const instance of region.instances) {
                const meta = components[instance.tag]?.meta;
                if (!meta || !isPlaceable(meta, this.pageTarget, this.context.objectApiName)) continue;
                const properties = propertiesFor(meta, this.pageTarget);
                if (properties.length === 0) continue;
                result.push({
                    key: instance.key,
                    tag: instance.tag,
                    label: meta.masterLabel ?? instance.tag,
                    properties,
                    values: { ...defaultValues(properties), ...instance.properties },
                });
            }
        }
        return result;
    }

    get hasPanelInstances(): boolean {
        return this.panelInstances.length > 0;
    }

    get propertiesButtonLabel(): string {
        return this.showProperties ? 'Hide properties' : 'Edit properties';
    }

    get bodyClass(): string {
        return this.showProperties ? 'slds-col slds-size_1-of-1 slds-large-size_3-of-4' : 'slds-col slds-size_1-of-1';
    }

    handleToggleProperties(): void {
        this.showProperties = !this.showProperties;
    }

    handlePropertyChange(event: CustomEvent<{ key: string; name: string; value: unknown }>): void {
        const { key, name, value } = event.detail;
        const host = this.template?.querySelector(`preview-component-host[data-key="${key}"]`) as
            (HTMLElement & { setProperty(name: string, value: unknown): void }) | null;
        host?.setProperty(name, value);
    }

    private readonly handleToast = (event: Event): void => {
        const detail = (event as CustomEvent<ToastDetail>).detail ?? {};
        const variant = detail.variant === 'success' ? 'info' : (detail.variant ?? 'info');
        this.addNotice({ title: detail.title ?? '', message: detail.message ?? '', variant });
    };

    handleCloseNotice(event: Event): void {
        const key = Number((event.currentTarget as HTMLElement).dataset.key);
        this.notices = this.notices.filter((notice) => notice.key !== key);
    }

    private addNotice(notice: PreviewNotice): void {
        const className = `slds-notify slds-notify_toast slds-theme_${notice.variant}`;
        this.notices = [...this.notices, { ...notice, key: ++this.noticeCount, className }];
    }

    /** The record page header shows the record's name, read as the viewer like everything else. */
    private async loadRecordName(): Promise<void> {
        const objectApiName = this.context.objectApiName as string;
        const field = NAME_FIELDS[objectApiName] ?? 'Name';
        const query = `query recordName($id: ID) { uiapi { query { ${objectApiName}(where: { Id: { eq: $id } }, first: 1) { edges { node { Id ${field} { value } } } } } } }`;
        const result = await executeGraphQL({
            query,
            variables: { id: this.context.recordId },
            operationName: 'recordName',
        });
        // Read defensively: the browser tests fail the endpoint in every way (`{}`, `data: null`, `errors: [null]`).
        const data = result.data as
            | {
                  uiapi?: {
                      query?: Record<string, { edges?: ({ node?: Record<string, { value: string }> } | null)[] }>;
                  };
              }
            | null
            | undefined;
        const node = data?.uiapi?.query?.[objectApiName]?.edges?.[0]?.node;
        this.recordName = node?.[field]?.value ?? '';
        if (result.errors) {
            this.addNotice({
                title: 'Record header',
                message: result.errors.map((e) => e?.message || 'an error without a message').join('; '),
                variant: 'warning',
            });
        } else if (!node) {
            this.addNotice({
                title: 'Record not visible',
                message: `The running user cannot see record ${this.context.recordId}.`,
                variant: 'warning',
            });
        }
        document.title = `${this.pageTitle} | Lightning KPI Kit preview`;
    }
}
