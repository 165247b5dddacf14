/**
 * Text stays readable: every `color` the stylesheets set keeps a WCAG contrast ratio of at least
 * 4.5:1 against the background it is drawn on. A rule that paints its own background is measured
 * against that (a translucent tint over each page surface); any other text may land on any page
 * surface or banner, so it is measured against all of them. Changing a token, or a rule, so that
 * some text drops below the line fails here with the selector and the pair.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { composite, contrastRatio, ownBackground, parseRules, parseTokens, resolveColor } from '../testing/css-contrast'
import type { CssRule, Rgba } from '../testing/css-contrast'

const MIN_TEXT_CONTRAST = 4.5
/** The opaque surfaces panels, cards, tables and controls are built from. */
const PAGE_SURFACES = ['--bg', '--surface', '--surface-2', '--surface-3']
/** The tinted banner backgrounds text also sits on. */
const BANNER_SURFACES = ['--bg-error', '--bg-warn', '--bg-perturbation', '--bg-past']
/** The meanings the theme gives one colour each (issue 12, finding 15). */
const SEMANTIC_TEXT = ['--text', '--text-dim', '--ok', '--warn', '--error', '--waiting', '--late', '--role-admin', '--event-perturbation', '--past', '--accent']

const stylesDir = import.meta.dirname
const rules: CssRule[] = readdirSync(stylesDir)
  .filter((name) => name.endsWith('.css'))
  .flatMap((name) => parseRules(readFileSync(join(stylesDir, name), 'utf8'), name))
const tokens = parseTokens(rules)

function token(name: string): Rgba {
  const color = resolveColor(`var(${name})`, tokens)
  if (!color || color.a !== 1) throw new Error(`${name} is not an opaque colour in tokens.css`)
  return color
}

/** The opaque backgrounds a rule's text can be drawn on, by a name for the message. */
function backgroundsOf(rule: CssRule): Map<string, Rgba> {
  const surfaces = new Map(PAGE_SURFACES.map((name) => [name, token(name)]))
  const own = ownBackground(rule)
  const color = own === null ? null : resolveColor(own, tokens)
  if (color === null) return new Map([...surfaces, ...BANNER_SURFACES.map((name) => [name, token(name)] as const)])
  if (color.a === 1) return new Map([[own ?? '', color]])
  return new Map([...surfaces].map(([name, under]) => [`${own} over ${name}`, composite(color, under)]))
}

/** A rule that only applies to a disabled control: WCAG exempts inactive components. */
function onlyDisabled(rule: CssRule): boolean {
  return rule.selector.split(',').every((s) => /:disabled|\[disabled\]/.test(s))
}

describe('theme contrast', () => {
  it('declares every semantic text colour and background as an opaque colour', () => {
    for (const name of [...SEMANTIC_TEXT, ...PAGE_SURFACES, ...BANNER_SURFACES]) expect(() => token(name), name).not.toThrow()
  })

  it('keeps every semantic text colour at 4.5:1 or more on every page surface and banner', () => {
    const failures: string[] = []
    for (const text of SEMANTIC_TEXT) {
      for (const bg of [...PAGE_SURFACES, ...BANNER_SURFACES]) {
        const ratio = contrastRatio(token(text), token(bg))
        if (ratio < MIN_TEXT_CONTRAST) failures.push(`${text} on ${bg}: ${ratio.toFixed(2)}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('keeps the text of every rule at 4.5:1 or more on the background it is drawn on', () => {
    const failures: string[] = []
    let measured = 0
    for (const rule of rules) {
      const value = rule.declarations.get('color')
      if (value === undefined || onlyDisabled(rule)) continue
      const text = resolveColor(value, tokens)
      if (text === null) continue
      for (const [name, bg] of backgroundsOf(rule)) {
        measured += 1
        const ratio = contrastRatio(text.a === 1 ? text : composite(text, bg), bg)
        if (ratio < MIN_TEXT_CONTRAST) failures.push(`${rule.file} ${rule.selector}: ${value} on ${name} is ${ratio.toFixed(2)}`)
      }
    }
    // The test measures something: the theme sets text colours in many rules.
    expect(measured).toBeGreaterThan(100)
    expect(failures).toEqual([])
  })
})
