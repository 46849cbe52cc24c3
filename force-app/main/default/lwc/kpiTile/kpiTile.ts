import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import currency from '@salesforce/i18n/currency';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import kpiConfigHeading from '@salesforce/label/c.kpiConfigHeading';
import kpiConfigWarnings from '@salesforce/label/c.kpiConfigWarnings';
import kpiTileProgressLabel from '@salesforce/label/c.kpiTileProgressLabel';
import { buildTileView } from 'c/kpiTileModel';
import type { TileInput, TileView } from 'c/kpiTileModel';
import { AnswerWait } from 'c/kpiWaiting';

const LOADING: TileInput = { key: '', kpi: '', target: null, amber: 80, green: 100, problems: [] };

/**
 * One KPI: its number, change, target, trend and sample, or why it has none. Presentation only: kpiMetric and
 * kpiBoard fetch; the tile formats (kpiTileModel) and leads to the records behind the number.
 */
export default class KpiTile extends NavigationMixin(LightningElement) {
    /** The tile's setup and, once answered, its result (kpiTileModel TileInput). */
    @api
    get tile(): TileInput | undefined {
        return this.tileValue;
    }
    set tile(value: TileInput | undefined) {
        this.tileValue = value;
        this.updateDrillUrl();
    }

    /** On a board, the board's refresh button serves every tile. */
    @api hideRefresh = false;
    /** The title's heading level: 2 for a tile of its own, 3 under a board's heading. */
    @api headingLevel = 2;
    /** While the component refreshes the button waits and the numbers stay. */
    @api refreshing = false;

    /** The list view's URL, so the link also opens in a new tab; navigation itself goes through the mixin. */
    drillUrl = '';
    readonly labels = {
        configHeading: kpiConfigHeading,
        warnings: kpiConfigWarnings,
        progress: kpiTileProgressLabel,
    };
    /** The answer (or the refresh) has not come for ANSWER_TIMEOUT_MS: a message and a retry instead of a spinner. */
    takingLong = false;

    private tileValue?: TileInput;
    private connected = false;
    private drillKey = '';
    // Template expressions call the getter once per use; one composition per input is enough.
    private readonly memo: { input?: TileInput; view?: TileView } = {};
    private readonly wait = new AnswerWait((takingLong) => {
        this.takingLong = takingLong;
    });

    override connectedCallback(): void {
        this.connected = true;
        this.updateDrillUrl();
        this.wait.track(this.waitKey);
    }

    override renderedCallback(): void {
        this.wait.track(this.waitKey);
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.wait.stop();
    }

    /** What the tile waits for: its first answer, or the refresh in progress; nothing once it has both. */
    get waitKey(): string | undefined {
        const loading = this.view.isLoading;
        if (!loading && !this.refreshing) return undefined;
        return JSON.stringify([this.tileValue?.key ?? '', loading, this.refreshing]);
    }

    /** Why the comparison is unavailable when its own subquery failed (the value stands): the server's words. */
    get comparisonReason(): string {
        const error = this.tileValue?.result?.comparisonError;
        return error && this.view.noComparisonText ? error.messages.filter(Boolean).join(' ') : '';
    }

    get showSpinner(): boolean {
        return !this.takingLong;
    }

    get view(): TileView {
        const input = this.tileValue ?? LOADING;
        if (this.memo.input !== input || !this.memo.view) {
            this.memo.input = input;
            this.memo.view = buildTileView(input, { locale, currency, timeZone, now: new Date() });
        }
        return this.memo.view;
    }

    get showRefresh(): boolean {
        return !this.hideRefresh && !this.view.isConfig;
    }

    get busy(): string {
        return String(this.view.isLoading || this.refreshing);
    }

    get hasWarnings(): boolean {
        return this.view.warnings.length > 0;
    }

    get drillHref(): string {
        return this.drillUrl || '#';
    }

    handleDrillDown(event: MouseEvent): void {
        const reference = this.view.drillDown;
        // A modified click opens the generated URL in a new tab or window, as links do.
        if (!reference || (this.drillUrl && (event.ctrlKey || event.metaKey || event.shiftKey))) return;
        event.preventDefault();
        this[NavigationMixin.Navigate](reference);
    }

    handleRefresh(): void {
        this.dispatchEvent(new CustomEvent('kpirefresh'));
    }

    /** Asks again through the component that fetches (kpiTileHost listens on its template), and waits afresh. */
    handleRetry(): void {
        this.wait.restart();
        this.dispatchEvent(new CustomEvent('kpiretry', { bubbles: true }));
    }

    private updateDrillUrl(): void {
        const reference = this.connected ? this.view.drillDown : null;
        const key = reference ? JSON.stringify(reference) : '';
        if (key === this.drillKey) return;
        this.drillKey = key;
        this.drillUrl = '';
        if (!reference) return;
        this[NavigationMixin.GenerateUrl](reference)
            .then((url) => {
                if (this.drillKey === key) this.drillUrl = url;
            })
            .catch(() => {
                // Without a URL the link still navigates on click through the mixin.
            });
    }
}
