// https://developer.salesforce.com/docs/platform/lwc/guide/reference-lightning-navigation.html
declare module 'lightning/navigation' {
    import type { LightningElement, WireAdapterConstructor } from 'lwc';

    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, string | undefined>;
    }

    type Constructor<T = object> = new (...args: any[]) => T;

    export interface NavigationMixinMethods {
        [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
    }

    export const NavigationMixin: {
        <T extends Constructor<LightningElement>>(base: T): T & Constructor<NavigationMixinMethods>;
        readonly Navigate: unique symbol;
        readonly GenerateUrl: unique symbol;
    };

    export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
}
