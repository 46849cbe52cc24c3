import { LightningElement, api } from 'lwc';
import type { Choice, PreviewContext, PreviewUser } from '../../../context';

const KIND_LABELS: Record<PreviewUser['kind'], string> = {
    rep: 'Sales reps',
    salesManager: 'Sales managers',
    serviceAgent: 'Service agents',
    serviceManager: 'Service managers',
    admin: 'Administrators',
    other: 'Other users',
};

/** The preview bar: who is running the page and with which locale, currency, time zone and dataset. */
export default class Bar extends LightningElement {
    @api context: PreviewContext | undefined;

    get userGroups() {
        if (!this.context) return [];
        const { users, selection } = this.context;
        return (Object.keys(KIND_LABELS) as PreviewUser['kind'][])
            .map((kind) => ({
                kind,
                label: KIND_LABELS[kind],
                users: users
                    .filter((user) => user.kind === kind)
                    .map((user) => ({
                        ...user,
                        label: `${user.name}${user.role ? ` (${user.role})` : ''}${user.isActive ? '' : ' – inactive'}`,
                        selected: user.id === selection.userId,
                    })),
            }))
            .filter((group) => group.users.length > 0);
    }

    /** The selects after the running user, in bar order; each `name` is the URL parameter a change sets. */
    get settings() {
        if (!this.context) return [];
        const { choices, selection } = this.context;
        const setting = (name: string, label: string, options: Choice[], selected: string, title?: string) => ({
            name,
            label,
            title,
            choices: options.map((choice) => ({ ...choice, selected: choice.value === selected })),
        });
        return [
            setting('locale', 'Locale', choices.locales, selection.locale),
            setting(
                'currency',
                'Org currency',
                choices.currencies,
                selection.currency,
                "The sample org is single-currency: this is the org's currency and every user's",
            ),
            setting('tz', 'Time zone', choices.timeZones, selection.timeZone),
            setting('size', 'Sample org size', choices.datasets, selection.dataset),
        ];
    }

    /** Like changing the user's settings in Salesforce, a change reloads the page with the new context. */
    handleChange(event: Event): void {
        const select = event.target as HTMLSelectElement;
        const url = new URL(location.href);
        url.searchParams.set(select.name, select.value);
        location.assign(url.toString());
    }
}
