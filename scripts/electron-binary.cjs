'use strict'
/**
 * Where the Electron binary is, without loading the electron package (that would try to download it):
 * `ELECTRON_EXEC_PATH`, else `node_modules/electron/path.txt` resolved inside its `dist/`.
 * Null when neither leads to an existing file. Used by `npm start` and the Electron e2e project.
 */
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

const ROOT = join(__dirname, '..')

/** @returns {string | null} */
function findElectronBinary() {
  const fromEnv = process.env.ELECTRON_EXEC_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathTxt = join(pkg, 'path.txt')
  if (!existsSync(pathTxt)) return null
  const rel = readFileSync(pathTxt, 'utf8').trim()
  if (!rel) return null
  const binary = join(pkg, 'dist', rel)
  return existsSync(binary) ? binary : null
}

module.exports = { findElectronBinary }
