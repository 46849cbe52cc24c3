import { LightningElement, api } from 'lwc';
import kpiSparklineDefaultLabel from '@salesforce/label/c.kpiSparklineDefaultLabel';
import { sparklineGeometry } from './kpiSparklineGeometry';
import type { SparklineGeometry } from './kpiSparklineGeometry';

const WIDTH = 120;
const HEIGHT = 32;

/** A trend of the last periods as inline SVG (no chart library), with its values as the text alternative. */
export default class KpiSparkline extends LightningElement {
    /** Oldest first; `value` null where a period has none. */
    @api points: readonly { value: number | null }[] = [];
    /** What the trend says, values included, for screen readers. */
    @api label?: string;

    readonly viewBox = `0 0 ${WIDTH} ${HEIGHT}`;

    get geometry(): SparklineGeometry {
        const values = Array.isArray(this.points) ? this.points.map((point) => point?.value) : [];
        return sparklineGeometry(values, WIDTH, HEIGHT);
    }

    get accessibleName(): string {
        return this.label || kpiSparklineDefaultLabel;
    }
}
