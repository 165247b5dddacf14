/**
 * Observer frames go to each client at the pace it asks for them (`observer.next`), never faster:
 * a client asks for what came after the last frame it applied; the host answers with the next
 * frame at once if one is newer, or when the next one arrives (a long poll), folding every frame
 * the client did not get in between into one diff. A slow client (a big town in a busy page) then
 * gets fewer, larger diffs instead of a backlog of frames that delays everything behind it, a
 * Pause reply included. One waiting request per session; sessions are bounded.
 */
import type { ObserverDiff, ObserverDiffRows, ObserverFrame, ObserverFrameRows, ObserverFull } from '../../shared/contract/dto/observer'
import { PendingDiff } from './observer-diff-merge'

/** Sessions whose place in the stream is remembered (windows and sockets, with room to spare). */
const MAX_SESSIONS = 64

interface SessionState {
  /** seq of the last frame this session was given; null before its first. */
  sent: number | null
  /** Frames since `sent` it has not been given, folded; `full` after a new town (a full frame next). */
  pending: PendingDiff | 'full'
  waiter: ((frame: ObserverFrame | null) => void) | undefined
  timer: ReturnType<typeof setTimeout> | undefined
  /** Clock commands of this session in flight: its frames wait, so their reply is read first. */
  held: number
}

export class ObserverPacer {
  private readonly sessions = new Map<string, SessionState>()

  /**
   * `mirror.full()`: the whole town now (undefined before the first frame), encoded;
   * `mirror.encode`: a folded diff encoded for a client.
   */
  constructor(private readonly mirror: { full(): ObserverFull | undefined; encode(diff: ObserverDiffRows): ObserverDiff }) {}

  /** A new frame from the mirror (already applied to it, as rows), for every session. */
  publish(frame: ObserverFrameRows): void {
    for (const state of this.sessions.values()) {
      if (frame.kind === 'full') {
        state.pending = 'full'
      } else if (state.pending !== 'full') {
        state.pending.add(frame)
      }
      if (state.waiter && state.held === 0) this.answer(state)
    }
  }

  /**
   * Hold `session`'s frames while one of its clock commands (a Pause) is on its way: a big frame
   * sent meanwhile would reach the page first and delay the reply it is waiting for. The returned
   * function lets them go again.
   */
  hold(session: string): () => void {
    const state = this.stateOf(session)
    state.held += 1
    let released = false
    return () => {
      if (released) return
      released = true
      state.held -= 1
      if (state.held === 0 && state.waiter) this.answer(state)
    }
  }

  /**
   * The next frame for `session` after the one it applied (`after`; null when it has none, or lost
   * the thread): a full frame when it needs one, else a diff from `after`, waiting up to `waitMs`
   * for one to arrive (then null: nothing new, ask again).
   */
  next(session: string, after: number | null, waitMs: number): Promise<ObserverFrame | null> {
    const state = this.stateOf(session)
    // A second request from the same session replaces the first, which gets "nothing new".
    this.release(state, null)
    if (after === null || after !== state.sent) state.pending = 'full'
    const ready = state.held === 0 ? this.take(state) : undefined
    if (ready !== undefined || waitMs === 0) return Promise.resolve(ready ?? null)
    return new Promise((resolve) => {
      state.waiter = resolve
      state.timer = setTimeout(() => this.release(state, null), waitMs)
    })
  }

  /** The session ended: forget it (a waiting request gets null). */
  forget(session: string): void {
    const state = this.sessions.get(session)
    if (!state) return
    this.release(state, null)
    this.sessions.delete(session)
  }

  /** Answer every waiting request (the host is stopping). */
  dispose(): void {
    for (const state of this.sessions.values()) this.release(state, null)
    this.sessions.clear()
  }

  private stateOf(session: string): SessionState {
    let state = this.sessions.get(session)
    if (state) {
      // Most recently used last, so the oldest session is dropped first.
      this.sessions.delete(session)
    } else {
      state = { sent: null, pending: 'full', waiter: undefined, timer: undefined, held: 0 }
    }
    this.sessions.set(session, state)
    while (this.sessions.size > MAX_SESSIONS) this.forget(this.sessions.keys().next().value as string)
    return state
  }

  /** The frame this session should get now, if there is one (and it is now given). */
  private take(state: SessionState): ObserverFrame | undefined {
    let frame: ObserverFrame | undefined
    if (state.pending === 'full') frame = this.mirror.full()
    else if (state.sent !== null) {
      const rows = state.pending.toDiff(state.sent)
      frame = rows && this.mirror.encode(rows)
    }
    if (frame === undefined) return undefined
    state.sent = frame.seq
    state.pending = new PendingDiff()
    return frame
  }

  private answer(state: SessionState): void {
    const frame = this.take(state)
    if (frame !== undefined) this.release(state, frame)
  }

  private release(state: SessionState, frame: ObserverFrame | null): void {
    const waiter = state.waiter
    if (state.timer) clearTimeout(state.timer)
    state.waiter = undefined
    state.timer = undefined
    waiter?.(frame)
  }
}
