// Worker bootstrap for running from source (tests, bench): registers tsx so the shard worker runs from its TypeScript source.
// The app and the CLI load the built out/main/shard-worker.js instead.
require('tsx/cjs')
require('../shard/worker-entry.ts')
