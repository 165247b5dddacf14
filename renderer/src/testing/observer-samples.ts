/**
 * Observer frames for renderer tests, built on the shared samples: a diff naming its base, and a
 * town of many agents for the table and map tests.
 */
import { OBSERVER_SCHEMA_VERSION } from '../../../shared/contract/dto/observer'
import type { AgentRow, ObjectRow, ObserverDiff, ObserverDiffRows, ObserverFullRows } from '../../../shared/contract/dto/observer'
import { namesFromRows, ObserverRowsEncoder } from '../../../shared/contract/dto/observer-encode'
import { SAMPLE_AFFORDANCES, sampleAgentRow, sampleEconomy, sampleObserverFullRows, sampleSociety } from '../../../shared/testing/contract-samples'

/**
 * A diff on top of `base` (what a client that applied it knows), as the wire carries it: the
 * rows' agents keep the slots `base` gave them, new ones are named. The default base is the
 * sample town (alice) with the agents the diff removes after her, in order.
 */
export function sampleDiff(
  seq: number,
  baseSeq: number,
  parts: Partial<Pick<ObserverDiffRows, 'agents' | 'removed' | 'objects' | 'events' | 'tick'>> = {},
  base: ObserverFullRows = sampleObserverFullRows(baseSeq, [sampleAgentRow(), ...(parts.removed ?? []).filter((id) => id !== 'alice').map((id) => sampleAgentRow({ id }))])
): ObserverDiff {
  const encoder = new ObserverRowsEncoder()
  encoder.reset(namesFromRows(base, SAMPLE_AFFORDANCES))
  encoder.full({ ...base, seq: baseSeq })
  return encoder.diff(sampleDiffRows(seq, baseSeq, parts))
}

/** The same diff as a client decodes it. */
export function sampleDiffRows(seq: number, baseSeq: number, parts: Partial<Pick<ObserverDiffRows, 'agents' | 'removed' | 'objects' | 'events' | 'tick'>> = {}): ObserverDiffRows {
  return {
    schema_version: OBSERVER_SCHEMA_VERSION,
    kind: 'diff',
    seq,
    base_seq: baseSeq,
    tick: parts.tick ?? seq,
    day: 0,
    clock: '06:00',
    economy: sampleEconomy(),
    events: parts.events ?? [],
    society: sampleSociety(),
    agents: parts.agents ?? [],
    removed: parts.removed ?? [],
    objects: parts.objects ?? []
  }
}

/** `n` agents named a000, a001 … with needs and wallets that vary by index. */
export function manyAgents(n: number): AgentRow[] {
  return Array.from({ length: n }, (_, i) =>
    sampleAgentRow({
      id: `a${String(i).padStart(3, '0')}`,
      x: 1 + (i % 3),
      y: 1,
      hunger: (i % 10) / 10,
      hygiene: ((i + 3) % 10) / 10,
      energy: ((i + 6) % 10) / 10,
      wallet: i,
      option: (['idle', 'eat', 'sleep', 'work'] as const)[i % 4],
      job: i % 2 === 0 ? 'grocer' : null
    })
  )
}

export function sampleObject(overrides: Partial<ObjectRow> = {}): ObjectRow {
  return { id: 'fridge_1', type: 'fridge', x: 3, y: 1, home: 'house', workplace: null, holder: null, queue: [], running: null, remaining: 0, stock: { meals: 4 }, ...overrides }
}
