#!/usr/bin/env node
// The `townlet` command. The CLI is built with the rest of the app (npm install runs the build);
// say how to fix it instead of failing with a module error when the build is missing.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const entry = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(entry)) {
  process.stderr.write(`townlet: ${entry} is missing; build the app first with: npm run build\n`)
  process.exit(1)
}
require(entry)
