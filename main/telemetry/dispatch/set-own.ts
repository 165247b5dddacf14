/**
 * Writing a key from a payload into a fresh object: a JSON payload may carry `__proto__` as an
 * ordinary key (JSON.parse makes it an own property), and a plain `out[key] = value` would set
 * the copy's prototype instead of copying the field.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}
