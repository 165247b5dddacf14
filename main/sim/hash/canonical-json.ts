/**
 * Canonical JSON: object keys sorted at every level, no whitespace. Two equal states always give
 * the same text, so its sha256 is the determinism oracle. Refuses what JSON cannot carry exactly
 * (NaN, ±Infinity, undefined inside arrays, typed arrays, class instances) instead of bending it.
 */
export function canonicalJson(value: unknown): string {
  const text = quick(value)
  if (text === NATIVE) return JSON.stringify(value)
  if (text !== undefined) return text
  // Something JSON cannot carry exactly (or a sparse array): the careful walk names where.
  const out: string[] = []
  write(value, out, '$')
  return out.join('')
}

/** `quick`'s answer for a value whose JSON.stringify is already its canonical text. */
const NATIVE = 0

/**
 * The canonical text by a faster road that never disagrees with the careful walk: NATIVE for a
 * value JSON.stringify writes canonically (finite numbers, strings, and arrays and objects whose
 * keys already come in sorted order, all the way down: a town's columns, a document read back
 * from its canonical file), so the native writer does the bulk; the text built around those
 * where keys need sorting; undefined at anything the careful walk must look at.
 */
function quick(value: unknown): string | typeof NATIVE | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return NATIVE
    case 'number':
      // JSON writes a finite number as String() does, and -0 as 0.
      return Number.isFinite(value) ? NATIVE : undefined
    case 'object':
      break
    default:
      return undefined
  }
  if (value === null) return NATIVE
  if (Array.isArray(value)) return quickArray(value)
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  let sorted = true
  let built: (string | typeof NATIVE)[] | undefined
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) sorted = false
    const item = record[keys[i]!]
    if (item === undefined) continue
    const t = quick(item)
    if (t === undefined) return undefined
    if (t !== NATIVE) (built ??= [])[i] = t
  }
  // JSON.stringify writes keys in Object.keys order and leaves undefined members out, as we do.
  if (sorted && built === undefined) return NATIVE
  const order = keys.map((_, i) => i)
  if (!sorted) order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1))
  let text = '{'
  for (const i of order) {
    const item = record[keys[i]!]
    if (item === undefined) continue
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(keys[i])}:${built?.[i] ?? JSON.stringify(item)}`
  }
  return `${text}}`
}

function quickArray(items: unknown[]): string | typeof NATIVE | undefined {
  let built: string[] | undefined
  for (let i = 0; i < items.length; i++) {
    // A hole reads as undefined here: the careful walk keeps its own handling of it.
    const t = quick(items[i])
    if (t === undefined) return undefined
    if (t !== NATIVE) (built ??= [])[i] = t
  }
  if (built === undefined) return NATIVE
  let text = '['
  for (let i = 0; i < items.length; i++) text += `${i > 0 ? ',' : ''}${built[i] ?? JSON.stringify(items[i])}`
  return `${text}]`
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
