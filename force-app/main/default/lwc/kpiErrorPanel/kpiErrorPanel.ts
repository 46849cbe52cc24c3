import { LightningElement, api } from 'lwc';
import kpiErrorHideDetails from '@salesforce/label/c.kpiErrorHideDetails';
import kpiErrorIcon from '@salesforce/label/c.kpiErrorIcon';
import kpiErrorShowDetails from '@salesforce/label/c.kpiErrorShowDetails';
import kpiErrorUndescribed from '@salesforce/label/c.kpiErrorUndescribed';
import { reduceErrors, summarizeErrors } from 'c/kpiErrors';

/** Inline error: one friendly line, and the platform's messages behind a details button. */
export default class KpiErrorPanel extends LightningElement {
    /** Any error value: GraphQL `errors`, a wire or fetch error, an Error, a string, or a list of these. */
    @api errors: unknown;
    /** Replaces the summary worked out from the errors, e.g. "The chart couldn't be loaded." */
    @api friendlyMessage?: string;

    expanded = false;
    readonly labels = { icon: kpiErrorIcon };

    get reduced() {
        return reduceErrors(this.errors);
    }

    /** Never blank once there is an error value: one that reduces to no message (`[]`) is an undescribed error. */
    get summary(): string {
        const given = this.errors !== undefined && this.errors !== null;
        return this.friendlyMessage || summarizeErrors(this.reduced) || (given ? kpiErrorUndescribed : '');
    }

    get details() {
        const summary = this.summary;
        return this.reduced
            .filter((entry) => entry.message !== summary)
            .map((entry, index) => ({ key: `detail-${index}`, message: entry.message }));
    }

    get hasContent(): boolean {
        return Boolean(this.summary) || this.details.length > 0;
    }

    get hasDetails(): boolean {
        return this.details.length > 0;
    }

    get detailsHidden(): boolean {
        return !this.expanded;
    }

    get expandedState(): string {
        return String(this.expanded);
    }

    get toggleLabel(): string {
        return this.expanded ? kpiErrorHideDetails : kpiErrorShowDetails;
    }

    handleToggleDetails(): void {
        this.expanded = !this.expanded;
    }
}
