/**
 * The one `lightning/navigation` of the component tests (jest.config.js maps the module here instead of
 * sfdx-lwc-jest's stub, whose Navigate does nothing). Navigate records each page reference; GenerateUrl answers the
 * URL Lightning Experience gives the reference. Read them through kpiTestUtils (lastNavigation, navigations,
 * generateUrl); kpiTestUtils' cleanUp resets them after each test.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';
import type { PageReference } from 'lightning/navigation';

/** Lightning Experience's URL of an object, record or named page reference. */
export function urlOf(reference: PageReference): string {
    const attributes = (reference.attributes ?? {}) as Record<string, string | undefined>;
    const { objectApiName, recordId, actionName = 'view', apiName } = attributes;
    const query = new URLSearchParams(
        Object.entries(reference.state ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    const base =
        reference.type === 'standard__objectPage'
            ? `/lightning/o/${objectApiName}/${actionName}`
            : reference.type === 'standard__recordPage'
              ? `/lightning/r/${objectApiName}/${recordId}/${actionName}`
              : `/lightning/n/${apiName}`;
    return query ? `${base}?${query}` : base;
}

/** Every `[NavigationMixin.Navigate](reference, replace)` call of every component. */
export const navigate = jest.fn<void, [PageReference, boolean?]>();
/** Every `[NavigationMixin.GenerateUrl](reference)` call; mockImplementationOnce to fail one. */
export const generateUrl = jest.fn<Promise<string>, [PageReference]>();

/** Back to no calls and URLs from urlOf. */
export function resetNavigation(): void {
    navigate.mockReset();
    generateUrl.mockReset();
    generateUrl.mockImplementation((reference) => Promise.resolve(urlOf(reference)));
}
resetNavigation();

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

type Constructor = new (...args: any[]) => object; // eslint-disable-line @typescript-eslint/no-explicit-any

export function NavigationMixin<T extends Constructor>(Base: T) {
    return class extends Base {
        [Navigate](...args: [PageReference, boolean?]): void {
            navigate(...args);
        }
        [GenerateUrl](reference: PageReference): Promise<string> {
            return generateUrl(reference);
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
