/**
 * Relationship ties: the original's `owner → other → {trust, familiarity, rivalry}` become our
 * bounded per-agent ledgers. Values clamp into our ranges (trust [−1, 1], familiarity [0, 1]:
 * the original let failed chats push it below 0, rivalry into society.rivalry's range); a ledger
 * keeps its `society.ties.max_per_agent` most salient ties, as ours would when full; ties the
 * engine would remove on the next tick (everything at or below the removal floor) are dropped.
 */
import { TIE_STRIDE } from '../../sim/society/society-state'
import { salience } from '../../sim/society/tie-ledger'
import { clamp, type ImportContext } from './import-context'

interface Candidate {
  other: number
  id: string
  trust: number
  familiarity: number
  rivalry: number
  clamped: boolean
}

export function importTies(ctx: ImportContext): void {
  const { world, report, state } = ctx
  const society = world.state.society
  const { ties: tieConfig, rivalry } = world.params.config.society
  const floor = tieConfig.removal_floor
  for (const [owner, ledger] of Object.entries(state.relationships ?? {})) {
    const o = ctx.slots.get(owner)
    const entries = Object.entries(ledger)
    if (o === undefined) {
      report.drop('relationships', 'the owner is not in the imported town', owner, entries.length)
      continue
    }
    const kept: Candidate[] = []
    for (const [otherId, tie] of entries) {
      const other = ctx.slots.get(otherId)
      if (other === undefined || other === o) {
        report.drop('relationships', other === o ? 'a tie to oneself' : 'the other agent is not in the imported town', `${owner}→${otherId}`)
        continue
      }
      const raw = { trust: tie.trust ?? 0, familiarity: tie.familiarity ?? 0, rivalry: tie.rivalry ?? 0 }
      const t = { trust: clamp(raw.trust, -1, 1), familiarity: clamp(raw.familiarity, 0, 1), rivalry: clamp(raw.rivalry, rivalry.min_value, rivalry.max_value) }
      if (Math.abs(t.trust) <= floor && t.familiarity <= floor && t.rivalry <= floor) {
        report.drop('relationships', 'at or below society.ties.removal_floor: the engine would remove it at the next tick', `${owner}→${otherId}`)
        continue
      }
      kept.push({ other, id: otherId, ...t, clamped: t.trust !== raw.trust || t.familiarity !== raw.familiarity || t.rivalry !== raw.rivalry })
    }
    // Strongest first; equal ones by slot, so the import is deterministic.
    kept.sort((a, b) => salience(b.trust, b.familiarity, b.rivalry) - salience(a.trust, a.familiarity, a.rivalry) || a.other - b.other)
    const room = tieConfig.max_per_agent
    for (const dropped of kept.slice(room)) report.drop('relationships', 'the ledger is full (society.ties.max_per_agent): the least salient ties give way', `${owner}→${dropped.id}`)
    const flat: number[] = []
    for (const t of kept.slice(0, room)) {
      flat.push(t.other, t.trust, t.familiarity, t.rivalry)
      report.map('relationships', 1, t.clamped ? 'clamped into our ranges (familiarity ≥ 0, rivalry within society.rivalry)' : 'trust, familiarity and rivalry as they were')
    }
    society.tieCount += (flat.length - society.ties[o]!.length) / TIE_STRIDE
    society.ties[o] = flat
  }
}
