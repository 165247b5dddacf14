/**
 * What the legacy document says about its random streams. None of it carries over: the original
 * drew from Python's Mersenne Twister (MT19937) and we draw from xoroshiro128+, so even a fully
 * readable state would continue a different sequence. The import reseeds from the target
 * config's seed and reports, per stream, what the document held:
 * - `mt19937_json`: the 1.6 encoding, a JSON string `{"v": 3, "s": [625 ints], "g": null|float}`;
 * - `pickle_base64`: the older base64 pickle, which cannot be read at all (and is never unpickled);
 * - `seed`: `context_seed`, a decimal seed for the world context's RNG manager;
 * - `unreadable`: anything else.
 */
import type { LegacyState } from './legacy-schema'

export type LegacyRngEncoding = 'mt19937_json' | 'pickle_base64' | 'seed' | 'unreadable'

export interface LegacyRngStream {
  name: string
  encoding: LegacyRngEncoding
}

/** CPython's getstate(): version 3, 624 words plus the index, and the cached gauss value. */
function isMtState(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const { v: version, s, g } = v as Record<string, unknown>
  if (typeof version !== 'number' || !Array.isArray(s) || s.length !== 625) return false
  if (!(g === null || g === undefined || typeof g === 'number')) return false
  return s.every((w) => Number.isInteger(w) && (w as number) >= 0 && (w as number) <= 0xffffffff)
}

const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}\s*$/

/** A pickle starts with the PROTO opcode (0x80) from protocol 2 on, or an opcode letter before that. */
function isPickleBase64(text: string): boolean {
  if (text.length < 8 || !BASE64.test(text)) return false
  try {
    const head = atob(text.replace(/\s/g, '').slice(0, 8))
    const first = head.charCodeAt(0)
    return first === 0x80 || head.startsWith('(') || head.startsWith('c')
  } catch {
    return false
  }
}

export function classifyRngText(name: string, text: string): LegacyRngEncoding {
  if (name === 'context_seed') return /^-?\d{1,40}$/.test(text.trim()) ? 'seed' : 'unreadable'
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    try {
      return isMtState(JSON.parse(trimmed)) ? 'mt19937_json' : 'unreadable'
    } catch {
      return 'unreadable'
    }
  }
  return isPickleBase64(trimmed) ? 'pickle_base64' : 'unreadable'
}

/**
 * Every stream the document names: `rng_streams` entries, and `rng_state` (the legacy alias of
 * the world stream) when it is there; an empty list when the document holds no RNG state.
 */
export function legacyRngStreams(state: LegacyState): LegacyRngStream[] {
  const out: LegacyRngStream[] = []
  for (const [name, text] of Object.entries(state.rng_streams ?? {})) {
    if (typeof text === 'string' && text.length > 0) out.push({ name, encoding: classifyRngText(name, text) })
  }
  if (typeof state.rng_state === 'string' && state.rng_state.length > 0) out.push({ name: 'rng_state', encoding: classifyRngText('rng_state', state.rng_state) })
  return out
}
