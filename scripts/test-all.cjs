#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, unit tests, build, e2e — in that order, each streaming its own
 * output. Typecheck, lint and build failures stop the run (what follows would only repeat them);
 * unit failures do not, so one run shows everything that is wrong.
 *
 * CI reads only the very last line: `N passed, N failed[, N skipped]`, summed from the vitest and
 * Playwright JSON reports. The exit code is non-zero on any failure or when no test ran at all.
 */
'use strict'

const { spawn } = require('node:child_process')
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs')
const { join } = require('node:path')

const ROOT = join(__dirname, '..')
const REPORTS = join(ROOT, 'reports')
const VITEST_JSON = join(REPORTS, 'vitest.json')
const PLAYWRIGHT_JSON = join(REPORTS, 'playwright.json')
const bin = (name) => join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

let current = null
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) current.kill(signal)
    process.exit(130)
  })
}

/** Runs one step with inherited stdio; resolves with its exit code and duration. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    current = child
    child.once('error', (e) => {
      console.error(`[test-all] could not run ${command}: ${e.message}`)
      current = null
      resolve({ code: 1, ms: Date.now() - started })
    })
    child.once('exit', (code, signal) => {
      current = null
      resolve({ code: code ?? (signal ? 1 : 0), ms: Date.now() - started })
    })
  })
}

/** passed/failed/skipped from vitest's jest-style JSON; a file that failed to load counts as one failure. */
function vitestCounts() {
  if (!existsSync(VITEST_JSON)) return null
  const r = JSON.parse(readFileSync(VITEST_JSON, 'utf8'))
  const counts = {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  }
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'))
  counts.failed += brokenFiles.length
  for (const f of brokenFiles) console.error(`[test-all] vitest: ${f.name} failed outside its tests: ${String(f.message ?? '').split('\n')[0]}`)
  return counts
}

/** passed/failed/skipped from Playwright's JSON stats; setup errors (no test ran) count as failures. */
function playwrightCounts() {
  if (!existsSync(PLAYWRIGHT_JSON)) return null
  const r = JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8'))
  const s = r.stats ?? {}
  const counts = { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 }
  const errors = r.errors ?? []
  for (const e of errors) console.error(`[test-all] playwright: ${String(e.message ?? '').split('\n')[0]}`)
  counts.failed += errors.length
  return counts
}

function chromiumProblem() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (existsSync(path)) return null
  return (
    `Chromium not found at ${path}: the e2e tests drive a real Chromium and never download one. ` +
    'Install it with `sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH ' +
    'to a Chromium or Chrome executable.'
  )
}

async function main() {
  rmSync(VITEST_JSON, { force: true })
  rmSync(PLAYWRIGHT_JSON, { force: true })
  mkdirSync(REPORTS, { recursive: true })

  const total = { passed: 0, failed: 0, skipped: 0 }
  const timings = []
  const problems = []

  const step = async (name, command, args, env) => {
    console.log(`\n[test-all] ── ${name}: ${[command, ...args].map((a) => a.replace(ROOT + '/', '')).join(' ')}`)
    const r = await run(command, args, env)
    timings.push(`${name} ${(r.ms / 1000).toFixed(1)} s${r.code === 0 ? '' : ` (exit ${r.code})`}`)
    if (r.code !== 0) problems.push(`${name} failed (exit ${r.code})`)
    return r.code === 0
  }

  const add = (name, counts, ran) => {
    if (!ran) return
    if (!counts) {
      problems.push(`${name} wrote no JSON report`)
      total.failed += 1
      return
    }
    total.passed += counts.passed
    total.failed += counts.failed
    total.skipped += counts.skipped
  }

  const gates = async () => {
    if (!(await step('typecheck', npm, ['run', '--silent', 'typecheck']))) return false
    if (!(await step('lint', npm, ['run', '--silent', 'lint']))) return false
    await step('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_JSON}`])
    add('vitest', vitestCounts(), true)
    if (!(await step('build', bin('electron-vite'), ['build']))) return false
    const missing = chromiumProblem()
    if (missing) {
      console.error(`[test-all] ${missing}`)
      problems.push('e2e not run: Chromium missing')
      total.failed += 1
      return false
    }
    await step('e2e', bin('playwright'), ['test'], { TOWNLET_E2E_SKIP_BUILD: '1' })
    add('playwright', playwrightCounts(), true)
    return true
  }

  await gates()

  console.log(`\n[test-all] ${timings.join(' · ')}`)
  for (const p of problems) console.log(`[test-all] ${p}`)
  const noTests = total.passed + total.failed === 0
  if (noTests) console.log('[test-all] no test ran')
  // Steps that fail without a test failing (typecheck, lint, build) still make the run fail.
  if (problems.length > 0 && total.failed === 0) total.failed = problems.length
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : ''
  console.log(`${total.passed} passed, ${total.failed} failed${skipped}`)
  process.exitCode = total.failed > 0 || noTests ? 1 : 0
}

main().catch((e) => {
  console.error(`[test-all] ${e && e.stack ? e.stack : e}`)
  console.log('0 passed, 1 failed')
  process.exitCode = 1
})
