/**
 * Observer frames for renderer tests, built on the shared samples: a diff naming its base, and a
 * town of many agents for the table and map tests.
 */
import { OBSERVER_SCHEMA_VERSION } from '../../../shared/contract/dto/observer'
import type { AgentRow, ObjectRow, ObserverDiff } from '../../../shared/contract/dto/observer'
import { sampleAgentRow, sampleEconomy, sampleSociety } from '../../../shared/testing/contract-samples'

export function sampleDiff(seq: number, baseSeq: number, parts: Partial<Pick<ObserverDiff, 'agents' | 'removed' | 'objects' | 'events' | 'tick'>> = {}): ObserverDiff {
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
