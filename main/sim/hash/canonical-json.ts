/**
 * Canonical JSON: object keys sorted at every level, no whitespace. Two equal states always give
 * the same text, so its sha256 is the determinism oracle. Refuses what JSON cannot carry exactly
 * (NaN, ±Infinity, undefined inside arrays, typed arrays, class instances) instead of bending it.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = []
  write(value, out, '$')
  return out.join('')
}

function write(value: unknown, out: string[], at: string): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    out.push(JSON.stringify(value))
    return
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${at} is ${value}, which JSON cannot carry`)
    out.push(Object.is(value, -0) ? '0' : JSON.stringify(value))
    return
  }
  if (Array.isArray(value)) {
    out.push('[')
    value.forEach((item, i) => {
      if (i > 0) out.push(',')
      write(item, out, `${at}[${i}]`)
    })
    out.push(']')
    return
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
    out.push('{')
    keys.forEach((k, i) => {
      if (i > 0) out.push(',')
      out.push(JSON.stringify(k), ':')
      write((value as Record<string, unknown>)[k], out, `${at}.${k}`)
    })
    out.push('}')
    return
  }
  throw new Error(`canonicalJson: ${at} is ${Object.prototype.toString.call(value)}, not plain JSON: convert it first`)
}
