import { LightningElement, api } from 'lwc';

const SIZES = ['xx-small', 'x-small', 'small', 'medium', 'large'];
const TEXT_VARIANTS: Record<string, string> = {
    error: 'slds-icon-text-error',
    warning: 'slds-icon-text-warning',
    success: 'slds-icon-text-success',
};

/**
 * The preview's `lightning-primitive-icon`: draws base components' icons from the SLDS sprites the preview server
 * serves (`/assets/icons/<category>-sprite/svg/symbols.svg`), instead of bundling lightning-base-components'
 * inline SVG templates for every icon (about 5 MB). Same public properties as the one it replaces.
 * https://www.lightningdesignsystem.com/components/icons/
 */
export default class PrimitiveIcon extends LightningElement {
    @api src?: string;
    @api svgClass?: string;
    @api size = 'medium';
    @api variant = '';
    @api iconName?: string;

    private get parts(): [string, string] | undefined {
        const match = /^([a-z]+):([\w-]+)$/.exec(this.iconName ?? '');
        return match ? [match[1], match[2]] : undefined;
    }

    get href(): string {
        if (this.src) return this.src;
        const parts = this.parts;
        return parts ? `/assets/icons/${parts[0]}-sprite/svg/symbols.svg#${parts[1]}` : '';
    }

    get name(): string {
        return this.parts?.[1] ?? '';
    }

    get computedClass(): string {
        const classes = this.svgClass ? this.svgClass.split(/\s+/).filter(Boolean) : [];
        if (this.variant !== 'bare') classes.push('slds-icon');
        const textVariant = TEXT_VARIANTS[this.variant];
        if (textVariant) classes.push(textVariant);
        else if (!['inverse', 'bare'].includes(this.variant) && !this.src) classes.push('slds-icon-text-default');
        const size = SIZES.includes(this.size) ? this.size : 'medium';
        if (size !== 'medium') classes.push(`slds-icon_${size}`);
        return classes.join(' ');
    }
}
