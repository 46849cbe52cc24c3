// @salesforce/* scoped modules that @salesforce/lightning-types does not type.
// https://developer.salesforce.com/docs/platform/lwc/guide/create-labels.html
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

// https://developer.salesforce.com/docs/platform/lwc/guide/create-resources.html
declare module '@salesforce/resourceUrl/*' {
    const url: string;
    export default url;
}

// https://developer.salesforce.com/docs/platform/lwc/guide/create-i18n.html
declare module '@salesforce/i18n/lang' {
    const value: string;
    export default value;
}
declare module '@salesforce/i18n/locale' {
    const value: string;
    export default value;
}
declare module '@salesforce/i18n/currency' {
    const value: string;
    export default value;
}
declare module '@salesforce/i18n/timeZone' {
    const value: string;
    export default value;
}
declare module '@salesforce/i18n/dir' {
    const value: 'ltr' | 'rtl';
    export default value;
}
declare module '@salesforce/i18n/firstDayOfWeek' {
    const value: number;
    export default value;
}
declare module '@salesforce/i18n/number.decimalSeparator' {
    const value: string;
    export default value;
}
declare module '@salesforce/i18n/number.groupingSeparator' {
    const value: string;
    export default value;
}
declare module '@salesforce/i18n/number.currencySymbol' {
    const value: string;
    export default value;
}
declare module '@salesforce/i18n/dateTime.shortDateFormat' {
    const value: string;
    export default value;
}
