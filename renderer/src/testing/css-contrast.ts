/**
 * Reads colours out of the stylesheets and measures text contrast the WCAG 2 way, so the
 * contrast test can check every `color` the theme sets against the background it sits on.
 * Pure (text in, numbers out): the test reads the files; this module only parses them.
 */

/** Red, green, blue in 0–255 and alpha in 0–1. */
export interface Rgba {
  r: number
  g: number
  b: number
  a: number
}

/** One rule's selector and its declarations (property → value, last one wins). */
export interface CssRule {
  selector: string
  declarations: Map<string, string>
  /** Which file it came from, for the failure message. */
  file: string
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i
const RGB = /^rgba?\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*(?:,\s*(\d*(?:\.\d+)?)\s*)?\)$/i
const NAMED: Record<string, Rgba> = {
  white: { r: 255, g: 255, b: 255, a: 1 },
  black: { r: 0, g: 0, b: 0, a: 1 }
}

/** `#rgb`, `#rrggbb`, `rgb()`, `rgba()`, white or black; null for anything else (a var, currentColor). */
export function parseColor(text: string): Rgba | null {
  const value = text.trim().toLowerCase()
  const named = NAMED[value]
  if (named) return named
  const hex = HEX.exec(value)
  if (hex?.[1]) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1]
    return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16), a: 1 }
  }
  const rgb = RGB.exec(value)
  if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: rgb[4] === undefined || rgb[4] === '' ? 1 : Number(rgb[4]) }
  return null
}

/** A translucent colour painted over an opaque one. */
export function composite(top: Rgba, under: Rgba): Rgba {
  const mix = (t: number, u: number) => t * top.a + u * (1 - top.a)
  return { r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b), a: 1 }
}

/** WCAG 2 relative luminance of an opaque colour. */
export function relativeLuminance(color: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '')
}

/** Every innermost `selector { … }` block, inside @media too. */
export function parseRules(css: string, file: string): CssRule[] {
  const rules: CssRule[] = []
  for (const match of stripComments(css).matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = new Map<string, string>()
    for (const part of (match[2] ?? '').split(';')) {
      const colon = part.indexOf(':')
      if (colon < 0) continue
      declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim())
    }
    rules.push({ selector: (match[1] ?? '').trim(), declarations, file })
  }
  return rules
}

/** The custom properties declared on `:root`, by name (with the dashes). */
export function parseTokens(rules: readonly CssRule[]): Map<string, string> {
  const tokens = new Map<string, string>()
  for (const rule of rules) {
    if (rule.selector !== ':root') continue
    for (const [name, value] of rule.declarations) if (name.startsWith('--')) tokens.set(name, value)
  }
  return tokens
}

/**
 * A value to a colour: a literal, or `var(--x)` / `var(--x, fallback)` followed through the
 * tokens (a token may name another). Null when it is not a colour (currentColor, a gradient).
 */
export function resolveColor(value: string, tokens: ReadonlyMap<string, string>, depth = 0): Rgba | null {
  const v = value.trim()
  const ref = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)$/.exec(v)
  if (ref?.[1]) {
    if (depth > 8) return null
    const token = tokens.get(ref[1])
    if (token !== undefined) return resolveColor(token, tokens, depth + 1)
    return ref[2] ? resolveColor(ref[2], tokens, depth + 1) : null
  }
  return parseColor(v)
}

/** The background colour a rule sets itself (`background` shorthand or `background-color`), unresolved. */
export function ownBackground(rule: CssRule): string | null {
  return rule.declarations.get('background-color') ?? rule.declarations.get('background') ?? null
}
