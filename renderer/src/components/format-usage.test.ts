/**
 * Panels format numbers through format.ts only (issue 12, finding 4): an ad-hoc `toFixed` or
 * `toLocaleString` in a feature is how "5.00" came to sit beside "27.7". This walks every feature
 * source and names the lines that still do it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const FEATURES = join(import.meta.dirname, '..', 'features')
const AD_HOC = /\.(toFixed|toLocaleString|toPrecision)\(/

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('number formatting in features', () => {
  it('finds the feature sources to check', () => {
    expect(sources(FEATURES).length).toBeGreaterThan(20)
  })

  it('goes through components/format.ts, never toFixed or toLocaleString directly', () => {
    const offenders = sources(FEATURES).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (AD_HOC.test(line) ? [`${relative(FEATURES, path)}:${i + 1}: ${line.trim()}`] : []))
    )
    expect(offenders).toEqual([])
  })
})
