/**
 * The host's side of the observer stream: the worker's frames go into a mirror of the town
 * (ObserverHub) and out to each client at the pace it asks (ObserverPacer). It also knows when a
 * command's frame is still on its way (the worker sends a command's reply before the frame its
 * change causes), so a full frame asked for meanwhile waits for it instead of answering a town one
 * change behind.
 */
import type { ObserverFrame, ObserverFull } from '../../shared/contract/dto/observer'
import { ObserverHub } from './observer-hub'
import { ObserverPacer } from './observer-pacer'

/** How long `full()` waits for a just-started shard's first frame, or a command's frame. */
const NEXT_FRAME_WAIT_MS = 5_000
/** The pacer session the relay itself uses to wait for the next frame (no client is called this). */
const RELAY_SESSION = '(host: next frame)'

export class ObserverRelay {
  private readonly hub = new ObserverHub()
  private readonly pacer = new ObserverPacer(this.hub)
  /** A command changed the shard and its observer frame has not arrived yet. */
  private behind = false

  /** A frame from the worker. */
  receive(frame: ObserverFrame): void {
    const out = this.hub.receive(frame)
    this.behind = false
    if (out) this.pacer.publish(out)
  }

  /** The worker said the frame for a change follows its reply. */
  frameFollows(): void {
    this.behind = true
  }

  /** The whole town now, or once the next frame came (before the first, or while one is on its way). */
  async full(): Promise<ObserverFull | undefined> {
    if (!this.behind && this.hub.full()) return this.hub.full()
    // Placed at the mirror's newest frame (or none), the relay's own session waits for the next.
    const placed = await this.pacer.next(RELAY_SESSION, null, 0)
    await this.pacer.next(RELAY_SESSION, placed?.seq ?? null, NEXT_FRAME_WAIT_MS)
    this.pacer.forget(RELAY_SESSION)
    this.behind = false
    return this.hub.full()
  }

  /** The next frame for a session, at its own pace (see ObserverPacer). */
  next(session: string, after: number | null, waitMs: number): Promise<ObserverFrame | null> {
    return this.pacer.next(session, after, waitMs)
  }

  /** Hold a session's frames while its clock command is on its way; returns the release. */
  hold(session: string): () => void {
    return this.pacer.hold(session)
  }

  forget(session: string): void {
    this.pacer.forget(session)
  }

  dispose(): void {
    this.pacer.dispose()
  }
}
