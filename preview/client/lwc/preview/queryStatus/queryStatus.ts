import { LightningElement, api } from 'lwc';
import type { GraphQLError } from 'lightning/graphql';

/** What a preview view shows while its query runs and when it fails: "Loading…", then the kit's error panel. */
export default class QueryStatus extends LightningElement {
    @api loading = false;
    @api errors?: readonly GraphQLError[];
}
