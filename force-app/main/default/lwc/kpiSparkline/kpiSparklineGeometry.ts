/** Points of an inline SVG sparkline: evenly spaced, scaled to the values' range; a missing value breaks the line. */

export interface SparklineSegment {
    key: string;
    /** `x,y x,y …` for a polyline. */
    points: string;
}

export interface SparklineDot {
    key: string;
    x: number;
    y: number;
}

export interface SparklineGeometry {
    segments: SparklineSegment[];
    /** Values with no neighbour to join, and the latest value, drawn as dots. */
    dots: SparklineDot[];
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function sparklineGeometry(
    values: readonly (number | null | undefined)[],
    width: number,
    height: number,
    padding = 2,
): SparklineGeometry {
    const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    if (finite.length === 0) return { segments: [], dots: [] };
    const min = Math.min(...finite);
    const max = Math.max(...finite);
    const step = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
    const x = (index: number) => round(values.length > 1 ? padding + index * step : width / 2);
    // Higher values sit higher; a flat series sits in the middle.
    const y = (value: number) =>
        round(max === min ? height / 2 : height - padding - ((value - min) / (max - min)) * (height - 2 * padding));

    const runs: { index: number; value: number }[][] = [];
    let run: { index: number; value: number }[] = [];
    values.forEach((value, index) => {
        if (typeof value === 'number' && Number.isFinite(value)) run.push({ index, value });
        else if (run.length > 0) {
            runs.push(run);
            run = [];
        }
    });
    if (run.length > 0) runs.push(run);

    const segments = runs
        .filter((points) => points.length > 1)
        .map((points, index) => ({
            key: `s${index}`,
            points: points.map((point) => `${x(point.index)},${y(point.value)}`).join(' '),
        }));
    const dots = runs
        .filter((points) => points.length === 1)
        .map((points) => points[0])
        .concat(runs[runs.length - 1].length > 1 ? [runs[runs.length - 1][runs[runs.length - 1].length - 1]] : [])
        .map((point) => ({ key: `d${point.index}`, x: x(point.index), y: y(point.value) }));
    return { segments, dots };
}
