/**
 * The outside of the router (the host, the CLI drill) sees two kinds of answers: immediate ones
 * from `submit`, and final results of queued commands later. This pairs them so each submitted
 * command produces exactly one final outcome, together with the args it was sent with (for the
 * audit log): refused or answered at once → final now; queued → final when its result arrives;
 * a replay answered `queued` → final now too, as the original's own result is already on its way.
 */
import type { ConsoleResult } from '../../shared/contract/dto/console'

export type FinalListener = (result: ConsoleResult, args: unknown) => void

interface Waiting {
  queued: ConsoleResult
  args: unknown
}

/** Results that arrived before their `queued` answer was seen (different ports can reorder), kept briefly. */
const EARLY_LIMIT = 256

export class OutcomeTracker {
  private readonly waiting = new Map<string, Waiting>()
  private readonly early = new Map<string, ConsoleResult>()

  constructor(private readonly onFinal: FinalListener) {}

  /** Commands queued whose final result has not arrived. */
  get waitingCount(): number {
    return this.waiting.size
  }

  /** The immediate answer to a submitted command with the args it carried. */
  submitted(result: ConsoleResult, args: unknown): void {
    if (result.status !== 'queued' || result.replayed) return this.onFinal(result, args)
    const early = this.early.get(result.cmd_id)
    if (early) {
      this.early.delete(result.cmd_id)
      return this.onFinal(early, args)
    }
    this.waiting.set(result.cmd_id, { queued: result, args })
  }

  /** A final result of a queued command. */
  applied(result: ConsoleResult): void {
    const waiting = this.waiting.get(result.cmd_id)
    if (!waiting) {
      this.early.set(result.cmd_id, result)
      if (this.early.size > EARLY_LIMIT) this.early.delete(this.early.keys().next().value as string)
      return
    }
    this.waiting.delete(result.cmd_id)
    this.onFinal(result, waiting.args)
  }

  /** The commands still waiting will never get a result (the worker died): finalise each with this error. */
  abandon(code: string, message: string, tick?: number): void {
    for (const [cmdId, waiting] of this.waiting) {
      this.waiting.delete(cmdId)
      this.onFinal({ ...waiting.queued, status: 'error', tick: tick ?? waiting.queued.tick, error: { code, message } }, waiting.args)
    }
  }
}
