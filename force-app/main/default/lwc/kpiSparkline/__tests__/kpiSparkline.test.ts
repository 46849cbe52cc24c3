import { LABELS } from '../../kpiConfig/__tests__/kpiLabels';
import KpiSparkline from 'c/kpiSparkline';
import { sparklineGeometry } from '../kpiSparklineGeometry';
import { cleanUp, mount, shadow, shadowAll } from '../../../../../test/jest/kpiTestUtils';

describe('sparklineGeometry', () => {
    it('spaces the periods evenly and puts higher values higher', () => {
        const { segments, dots } = sparklineGeometry([0, 5, 10], 104, 24, 2);
        expect(segments).toEqual([{ key: 's0', points: '2,22 52,12 102,2' }]);
        expect(dots).toEqual([{ key: 'd2', x: 102, y: 2 }]);
    });

    it('breaks the line where a period has no value and marks lone values with a dot', () => {
        const { segments, dots } = sparklineGeometry([1, 2, null, 3, undefined, 2, 1], 100, 20);
        expect(segments.map((s) => s.points.split(' ').length)).toEqual([2, 2]);
        expect(dots.map((d) => d.key)).toEqual(['d3', 'd6']);
    });

    it('draws a flat series in the middle and a single value as a centred dot', () => {
        expect(sparklineGeometry([4, 4], 100, 20).segments[0].points).toBe('2,10 98,10');
        expect(sparklineGeometry([4], 100, 20)).toEqual({ segments: [], dots: [{ key: 'd0', x: 50, y: 10 }] });
        expect(sparklineGeometry([null, NaN], 100, 20)).toEqual({ segments: [], dots: [] });
    });
});

describe('c-kpi-sparkline', () => {
    afterEach(cleanUp);

    const create = (props: Record<string, unknown>) => mount('c-kpi-sparkline', KpiSparkline, props);

    it('is an image whose text alternative carries the values', async () => {
        const element = create({
            points: [{ value: 1 }, { value: 3 }, { value: null }, { value: 2 }],
            label: 'Trend: 1, 3, none, 2',
        });
        const svg = shadow(element, 'svg')!;
        expect(svg.getAttribute('role')).toBe('img');
        expect(svg.getAttribute('aria-label')).toBe('Trend: 1, 3, none, 2');
        expect(shadowAll(element, 'polyline')).toHaveLength(1);
        expect(shadowAll(element, 'circle')).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('falls back to a generic name and draws nothing for missing points', () => {
        const element = create({ points: undefined });
        expect(shadow(element, 'svg')!.getAttribute('aria-label')).toBe(LABELS.kpiSparklineDefaultLabel);
        expect(shadowAll(element, 'polyline, circle')).toHaveLength(0);
    });
});
