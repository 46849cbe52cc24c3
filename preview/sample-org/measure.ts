/**
 * Time and memory of the sample-org generator: `npx tsx preview/sample-org/measure.ts [size ...]` (default 20000
 * and 1000000). Each size runs twice in this process; the second run shows the time once the code is compiled.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { generateSampleOrg } from '.';

// Expose a collector without requiring --expose-gc, so retained heap is measured after a full collection.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MB`;
const sizes = process.argv.slice(2).map(Number);
const now = new Date('2026-11-27T18:30:00Z');

/** One generation; the org stays referenced only inside, so the next run starts from a clean heap. */
function measure(size: number, run: string): void {
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const org = generateSampleOrg({ size, now });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    collect();
    const retained = process.memoryUsage().heapUsed - heapBefore;
    const records = Object.values(org.records).reduce((total, list) => total + list.length, 0);
    console.log(
        `size ${size} (${run} run): ${records} records, ${org.records.User.length} users, ` +
            `${wallMs.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ` +
            `${mb(retained)} heap retained, ${mb(process.memoryUsage().rss)} RSS`,
    );
}

for (const size of sizes.length > 0 ? sizes : [20_000, 1_000_000]) {
    measure(size, 'first');
    measure(size, 'second');
}
