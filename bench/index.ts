/**
 * `npm run bench`: speed and memory figures for the journal. The search issue adds the real benchmark
 * (journal sizes S/M/L, index build, query latency); until then this says so and exits cleanly.
 */
const json = process.argv.includes('--json')
if (json) console.log(JSON.stringify({}))
else console.log('no benchmarks yet')
