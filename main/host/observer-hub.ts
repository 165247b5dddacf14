/**
 * The host's side of the observer stream: a mirror of the town built from the worker's frames, so
 * a client that subscribes late (or lost a diff) gets a full frame at once, without asking the
 * worker. Frames are renumbered here: `seq` counts what clients have seen in this host session,
 * so a worker restart does not reset it, and each diff names the frame it applies to.
 *
 * The worker sends columns keyed by its engine slots; the mirror decodes them into rows by id
 * (slow clients' diffs are folded by id, observer-diff-merge.ts) and encodes what it sends with
 * slots of its own (ObserverRowsEncoder), the same for every client.
 */
import type { AgentRow, ObjectRow, ObserverDiff, ObserverDiffRows, ObserverFrame, ObserverFrameRows, ObserverFull, ObserverFullRows } from '../../shared/contract/dto/observer'
import { decodeObserverFrame, type DecoderState } from '../../shared/contract/dto/observer-decode'
import { ObserverRowsEncoder } from '../../shared/contract/dto/observer-encode'

export class ObserverHub {
  private base: Omit<ObserverFullRows, 'agents' | 'objects'> | undefined
  private readonly agents = new Map<string, AgentRow>()
  private readonly objects = new Map<string, ObjectRow>()
  private seq = -1
  private decoder: DecoderState | null = null
  private readonly encoder = new ObserverRowsEncoder()
  private cachedFull: ObserverFull | undefined
  /** Why the last worker frame could not be read (undefined when it could). */
  lastError: string | undefined

  /** Take a frame from the worker; returns it as rows, renumbered, or undefined when it cannot apply. */
  receive(frame: ObserverFrame): ObserverFrameRows | undefined {
    // A diff before any full frame (a worker started mid-way) has nothing to apply to.
    if (frame.kind === 'diff' && !this.base) return undefined
    const decoded = decodeObserverFrame(this.decoder, frame)
    if (!decoded.ok) {
      // A frame the mirror cannot read: wait for the next full one rather than mirror a wrong town.
      this.lastError = decoded.error
      this.base = undefined
      this.decoder = null
      return undefined
    }
    this.lastError = undefined
    this.decoder = decoded.state
    this.cachedFull = undefined
    const rows = decoded.frame
    if (rows.kind === 'full') {
      this.agents.clear()
      this.objects.clear()
      for (const a of rows.agents) this.agents.set(a.id, a)
      for (const o of rows.objects) this.objects.set(o.id, o)
      this.encoder.reset(frame.kind === 'full' ? frame.names : decoded.state.names)
      const { agents: _agents, objects: _objects, ...base } = rows
      this.seq += 1
      this.base = { ...base, seq: this.seq }
      return { ...rows, seq: this.seq }
    }
    for (const a of rows.agents) this.agents.set(a.id, a)
    for (const id of rows.removed) this.agents.delete(id)
    for (const o of rows.objects) this.objects.set(o.id, o)
    this.seq += 1
    this.base = { ...this.base!, seq: this.seq, tick: rows.tick, day: rows.day, clock: rows.clock, economy: rows.economy, society: rows.society, events: [] }
    return { ...rows, seq: this.seq, base_seq: this.seq - 1 }
  }

  /** The whole town as of the last frame, as rows, or undefined before the first one. */
  fullRows(): ObserverFullRows | undefined {
    if (!this.base) return undefined
    return { ...this.base, agents: [...this.agents.values()], objects: [...this.objects.values()] }
  }

  /** The whole town as of the last frame, encoded for a client, or undefined before the first one. */
  full(): ObserverFull | undefined {
    const rows = this.fullRows()
    if (!rows) return undefined
    this.cachedFull ??= this.encoder.full(rows)
    return this.cachedFull
  }

  /** A diff of this mirror's rows (folded for one client) encoded with the mirror's slots. */
  encode(diff: ObserverDiffRows): ObserverDiff {
    return this.encoder.diff(diff)
  }
}
