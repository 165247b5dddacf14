/**
 * The host's side of the observer stream: a mirror of the town built from the worker's frames, so
 * a client that subscribes late (or lost a diff) gets a full frame at once, without asking the
 * worker. Frames are renumbered here: `seq` counts what clients have seen in this host session,
 * so a worker restart does not reset it, and each diff names the frame it applies to.
 */
import type { AgentRow, ObjectRow, ObserverDiff, ObserverFrame, ObserverFull } from '../../shared/contract/dto/observer'

export class ObserverHub {
  private base: Omit<ObserverFull, 'agents' | 'objects'> | undefined
  private readonly agents = new Map<string, AgentRow>()
  private readonly objects = new Map<string, ObjectRow>()
  private seq = -1

  /** Take a frame from the worker; returns the frame to broadcast, or undefined when it cannot apply. */
  receive(frame: ObserverFrame): ObserverFrame | undefined {
    if (frame.kind === 'full') {
      this.agents.clear()
      this.objects.clear()
      for (const a of frame.agents) this.agents.set(a.id, a)
      for (const o of frame.objects) this.objects.set(o.id, o)
      const { agents: _agents, objects: _objects, ...base } = frame
      this.base = base
      this.seq += 1
      return { ...frame, seq: this.seq }
    }
    // A diff before any full frame (a worker started mid-way) has nothing to apply to.
    if (!this.base) return undefined
    for (const a of frame.agents) this.agents.set(a.id, a)
    for (const id of frame.removed) this.agents.delete(id)
    for (const o of frame.objects) this.objects.set(o.id, o)
    this.base = { ...this.base, tick: frame.tick, day: frame.day, clock: frame.clock, economy: frame.economy, society: frame.society, events: [] }
    this.seq += 1
    const diff: ObserverDiff = { ...frame, seq: this.seq, base_seq: this.seq - 1 }
    return diff
  }

  /** The whole town as of the last frame, or undefined before the first one. */
  full(): ObserverFull | undefined {
    if (!this.base) return undefined
    return { ...this.base, seq: this.seq, agents: [...this.agents.values()], objects: [...this.objects.values()] }
  }
}
