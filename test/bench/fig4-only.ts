import { measurePushLatency } from './figures/push-latency';
import { FULL_SIZES } from './bench-sizes';
import { loadavg } from 'node:os';
const l0 = loadavg()[0];
void measurePushLatency(FULL_SIZES.push).then((f) => { console.log(JSON.stringify({ load: [l0, loadavg()[0]], ...f })); process.exit(0); });
