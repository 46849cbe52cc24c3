import { LightningElement, api } from 'lwc';
import kpiTileRefresh from '@salesforce/label/c.kpiTileRefresh';
import { WAITING_LABELS } from 'c/kpiWaiting';

/**
 * A component's refresh button, or (`mode="takingLong"`) what it shows once an answer is taking long: the message in
 * a status region, read out when it appears, and a retry. Two places in a card, one markup: the component decides
 * where each goes and what `refresh` and `retry` (events of this element) do. Not exposed.
 */
export default class KpiRefresh extends LightningElement {
    /** button (the refresh button) or takingLong (the message and its retry). */
    @api mode: 'button' | 'takingLong' = 'button';
    /** The refresh button's look: border-filled in a card's header, bare among a tile's actions. */
    @api variant: 'border-filled' | 'bare' = 'border-filled';
    /** A refresh is out: the button waits. */
    @api refreshing = false;

    readonly labels = { ...WAITING_LABELS, refresh: kpiTileRefresh };

    get isTakingLong(): boolean {
        return this.mode === 'takingLong';
    }

    get buttonClass(): string {
        return `kpi-refresh__button kpi-refresh__button_${this.variant}`;
    }

    handleRefresh(): void {
        this.dispatchEvent(new CustomEvent('refresh'));
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
