/**
 * A small seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's "small fast chaotic" 32-bit design), seeded
 * through splitmix32. Plain 32-bit integer arithmetic, so the same seed gives the same stream on every machine.
 */
export class Random {
    private a: number;
    private b: number;
    private c: number;
    private d: number;

    /** `stream` separates independent sequences drawn from one seed (one per generation phase). */
    constructor(seed: number, stream = 0) {
        let state = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
        const splitmix = (): number => {
            state = (state + 0x9e3779b9) | 0;
            let z = state;
            z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
            z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
            return (z ^ (z >>> 16)) >>> 0;
        };
        this.a = splitmix();
        this.b = splitmix();
        this.c = splitmix();
        this.d = splitmix();
        // The first outputs of a freshly seeded sfc32 are still correlated with the seed.
        for (let i = 0; i < 12; i++) this.next();
    }

    /** Uniform in [0, 1). */
    next(): number {
        const t = (((this.a + this.b) | 0) + this.d) | 0;
        this.d = (this.d + 1) | 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) | 0;
        this.c = (this.c << 21) | (this.c >>> 11);
        this.c = (this.c + t) | 0;
        return (t >>> 0) / 4294967296;
    }

    /** Integer in [min, max], both included. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    /** Real number in [min, max). */
    between(min: number, max: number): number {
        return min + this.next() * (max - min);
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }

    /** Standard normal variate (Box-Muller). */
    normal(): number {
        const u = 1 - this.next();
        const v = this.next();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Log-normal variate with the given median; `sigma` is the spread of its logarithm. */
    logNormal(median: number, sigma: number): number {
        return median * Math.exp(sigma * this.normal());
    }
}

/** Picks indices in proportion to fixed weights, by binary search over the cumulative sums. */
export class WeightedPicker {
    private readonly cumulative: Float64Array;
    readonly total: number;

    constructor(weights: ArrayLike<number>) {
        this.cumulative = new Float64Array(weights.length);
        let sum = 0;
        for (let i = 0; i < weights.length; i++) {
            sum += Math.max(0, weights[i]);
            this.cumulative[i] = sum;
        }
        if (!(sum > 0)) throw new RangeError('WeightedPicker: weights must contain at least one positive value');
        this.total = sum;
    }

    pick(random: Random): number {
        const target = random.next() * this.total;
        let low = 0;
        let high = this.cumulative.length - 1;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (this.cumulative[middle] > target) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}

/** A weighted choice among fixed values, e.g. picklist values with their frequencies. */
export class WeightedValues<T> {
    private readonly picker: WeightedPicker;

    constructor(private readonly entries: readonly (readonly [T, number])[]) {
        this.picker = new WeightedPicker(entries.map(([, weight]) => weight));
    }

    pick(random: Random): T {
        return this.entries[this.picker.pick(random)][0];
    }
}
