/**
 * Privacy mode: every agent id that would leave the process becomes `a_` and 12 hex digits of
 * HMAC-SHA256(salt, id), the salt drawn per run and kept only in this object — the same agent
 * reads the same within a run, differently in the next, and no file holds the key to undo it.
 *
 * An agent's id is its name (generated towns call them alice, bob …), so hiding names means
 * hiding ids wherever they appear: as a whole string (`agent_id`, `targets[]`), as an object key
 * (per-agent maps), and as a word inside free text (a narration line, an alert message), where
 * words are runs of letters, digits and `_` — the characters ids are made of. Keys that carry a
 * display name (NAME_KEYS) are dropped outright. The structured fields stay, hashed, so a
 * consumer can still follow one agent through the stream.
 *
 * The walk copies only what it changes; the engine's event objects (shared with the hub and the
 * events file) are never touched.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { setOwn } from './set-own'

/** Keys whose value is a person's name rather than an id: dropped in privacy mode, wherever they are. */
export const NAME_KEYS: ReadonlySet<string> = new Set(['agent_name', 'display_name', 'first_name', 'last_name', 'full_name'])

/** Hex digits kept of the HMAC: 48 bits, so 10,000 agents collide with a chance under 1 in 10^6. */
const HASH_HEX = 12
/** Deeper than any DTO we send: anything below is dropped rather than walked (a guard, not a feature). */
const MAX_DEPTH = 32
const WORD = /[A-Za-z0-9_]+/g
const HAS_SEPARATOR = /[^A-Za-z0-9_]/

export class AgentPrivacy {
  private readonly salt: Buffer
  /** Known id → its hash (computed on first use), so each id costs one HMAC per run. */
  private readonly hashes = new Map<string, string | null>()
  private seenIds: readonly string[] | null = null
  private seenLength = 0

  /**
   * @param agentIds the town's ids by slot, every agent that ever lived in this run (slots are
   *   never reused, so the list only grows; a new list, after a restore, is read afresh)
   */
  constructor(
    private readonly agentIds: () => readonly string[],
    salt: Buffer = randomBytes(32)
  ) {
    this.salt = Buffer.from(salt)
  }

  /** Learn the ids added since the last call; cheap when none were. */
  refresh(): void {
    const ids = this.agentIds()
    if (ids !== this.seenIds) {
      this.seenIds = ids
      this.seenLength = 0
    }
    for (let i = this.seenLength; i < ids.length; i++) {
      const id = ids[i]
      if (id !== undefined && !this.hashes.has(id)) this.hashes.set(id, null)
    }
    this.seenLength = ids.length
  }

  /** How many ids this run knows. */
  get known(): number {
    return this.hashes.size
  }

  /** The hashed form of a known id; undefined for any other string. */
  hashOf(id: string): string | undefined {
    const cached = this.hashes.get(id)
    if (cached === undefined) return undefined
    if (cached !== null) return cached
    const hashed = `a_${createHmac('sha256', this.salt).update(id).digest('hex').slice(0, HASH_HEX)}`
    this.hashes.set(id, hashed)
    return hashed
  }

  /** `value` with every known id hashed and every name key dropped; the same object when nothing changed. */
  apply<T>(value: T): T {
    return this.walk(value, 0) as T
  }

  private walk(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.text(value)
    if (value === null || typeof value !== 'object') return value
    if (depth >= MAX_DEPTH) return null
    if (Array.isArray(value)) {
      let out: unknown[] | undefined
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i]
        // Tensors and other number arrays are most of an observation: skip them fast.
        if (typeof item === 'number') continue
        const next = this.walk(item, depth + 1)
        if (next !== item) (out ??= value.slice())[i] = next
      }
      return out ?? value
    }
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
    // Built only from the first change on, keys in their order (a hashed key keeps its place).
    let out: Record<string, unknown> | undefined
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!
      const item = record[key]
      const drop = NAME_KEYS.has(key)
      const hashedKey = drop ? undefined : this.hashOf(key)
      const next = drop ? undefined : this.walk(item, depth + 1)
      if (out === undefined) {
        if (!drop && hashedKey === undefined && next === item) continue
        out = {}
        for (let j = 0; j < k; j++) setOwn(out, keys[j]!, record[keys[j]!])
      }
      if (!drop) setOwn(out, hashedKey ?? key, next)
    }
    return out ?? value
  }

  /** A whole-string id, or ids as words inside text. */
  private text(value: string): string {
    const whole = this.hashOf(value)
    if (whole !== undefined) return whole
    // One word that is not an id cannot hold one: only text with separators needs the word scan.
    if (!HAS_SEPARATOR.test(value)) return value
    return value.replace(WORD, (word) => this.hashOf(word) ?? word)
  }
}
