/**
 * Bounds the past frames clients may ask for at once. A frame rebuilds a whole town on the
 * worker (up to K−1 replayed ticks, a hash and a full observer frame), so each session may have
 * one in flight and the host a few in all; more are refused at once (`ipc.busy`), never queued
 * without bound. The renderer asks for one at a time and heads for the latest target, so a
 * refusal only means a drag along the scrubber went faster than the worker.
 */
import { HostError } from './host-error'

/** Past frames in flight across every session. */
export const MAX_FRAMES_IN_FLIGHT = 4

export class TimelineFrameGate {
  private readonly busy = new Set<string>()

  constructor(private readonly limit = MAX_FRAMES_IN_FLIGHT) {}

  async run<T>(session: string, work: () => Promise<T>): Promise<T> {
    if (this.busy.has(session)) throw new HostError('ipc.busy', 'this client already waits for a past frame: wait for it, then ask for the next tick')
    if (this.busy.size >= this.limit) throw new HostError('ipc.busy', `${this.limit} past frames are being rebuilt for other clients: try again in a moment`)
    this.busy.add(session)
    try {
      return await work()
    } finally {
      this.busy.delete(session)
    }
  }
}
