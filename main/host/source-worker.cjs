// Worker bootstrap for running from source (tests, bench): registers tsx so the shard worker (or the
// config validator) runs from its TypeScript source. The app and the CLI load the built
// out/main/shard-worker.js instead, where Vite has inlined the `?raw` imports.
const Module = require('node:module')
const { readFileSync } = require('node:fs')
require('tsx/cjs')
// `import text from './x.yaml?raw'` (the embedded default config and registry): tsx resolves it to
// `x.yaml?raw=`; answer it with the file's text, as Vite's ?raw does.
Module._extensions['.yaml?raw='] = (module, filename) => {
  module.exports = readFileSync(filename.replace(/\?raw=?$/, ''), 'utf8')
}
require('../shard/worker-entry.ts')
