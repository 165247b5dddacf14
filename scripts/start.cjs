#!/usr/bin/env node
/**
 * `npm start`: build, then open the Electron app; where no Electron binary can be had, serve the
 * same UI in browser mode (`townlet serve`, which prints its URL with the token).
 *
 * The binary is looked up, never loaded through the electron package: that downloads the binary on
 * first use, which fails offline. Extra arguments pass through: `npm start -- --config F`.
 */
'use strict'

const { spawn, spawnSync } = require('node:child_process')
const { constants } = require('node:os')
const { join } = require('node:path')
const { findElectronBinary } = require('./electron-binary.cjs')

const ROOT = join(__dirname, '..')

/** Runs the child with our terminal, passes our signals on, and exits with its code. */
function runForwarding(command, args) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' })
  const forward = (signal) => () => child.kill(signal)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal))
  child.once('error', (e) => {
    console.error(`could not start ${command}: ${e.message}`)
    process.exit(1)
  })
  // A child ended by a signal exits like a shell reports it: 128 + the signal's number.
  child.once('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)))
}

function main() {
  const extra = process.argv.slice(2)
  const vite = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
  const build = spawnSync(vite, ['build'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) {
    console.error(`electron-vite build failed (exit ${build.status ?? build.error?.message}); fix the errors above and run npm start again.`)
    process.exit(build.status || 1)
  }

  const electron = findElectronBinary()
  if (electron) {
    // The package's "main" is out/main/index.js, so "." is the app.
    runForwarding(electron, ['.', ...extra])
    return
  }
  console.log('Electron binary not found (set ELECTRON_EXEC_PATH); serving the same UI in browser mode instead.')
  runForwarding(process.execPath, [join(ROOT, 'out', 'main', 'cli.js'), 'serve', ...extra])
}

main()
