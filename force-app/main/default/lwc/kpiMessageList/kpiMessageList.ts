import { LightningElement, api } from 'lwc';

/** One message: its key in the list and its words. */
export interface MessageLine {
    key: string;
    text: string;
}

/**
 * A heading over a dotted list of messages: the configuration problems and warnings of a tile or a board. The
 * container (its role, its place) stays with the component that shows it.
 */
export default class KpiMessageList extends LightningElement {
    @api heading = '';
    @api lines: readonly MessageLine[] = [];
}
