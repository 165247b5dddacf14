/**
 * For the host's observer tests: a worker side that encodes rows as the shard would send them
 * (its own slots), and a client side that decodes what the host sends, frame after frame.
 */
import type { AgentRow, ObserverDiff, ObserverFrame, ObserverFrameRows, ObserverFull, ObserverFullRows } from '../../shared/contract/dto/observer'
import { ObserverFrameSchema } from '../../shared/contract/dto/observer'
import { decodeObserverFrame, type DecoderState } from '../../shared/contract/dto/observer-decode'
import { namesFromRows, ObserverRowsEncoder } from '../../shared/contract/dto/observer-encode'
import { SAMPLE_AFFORDANCES, sampleObserverFullRows } from '../../shared/testing/contract-samples'

export class FakeWorker {
  private readonly encoder = new ObserverRowsEncoder()
  private seq = -1

  full(agents: AgentRow[]): ObserverFull {
    const rows: ObserverFullRows = sampleObserverFullRows(++this.seq, agents)
    this.encoder.reset(namesFromRows(rows, SAMPLE_AFFORDANCES))
    return this.encoder.full(rows)
  }

  diff(tick: number, agents: AgentRow[], removed: string[] = []): ObserverDiff {
    const { map: _m, config_id: _c, kind: _k, agents: _a, objects: _o, ...common } = sampleObserverFullRows(0)
    const seq = ++this.seq
    return this.encoder.diff({ ...common, kind: 'diff', seq, base_seq: seq - 1, tick, agents, removed, objects: [], events: [{ type: 'tick', tick }] })
  }
}

/** A client that reads frames in order (each checked by the contract schema first). */
export class FakeClient {
  private state: DecoderState | null = null

  read(frame: ObserverFrame): ObserverFrameRows {
    const decoded = decodeObserverFrame(this.state, ObserverFrameSchema.parse(frame))
    if (!decoded.ok) throw new Error(decoded.error)
    this.state = decoded.state
    return decoded.frame
  }
}

/** A full frame's rows (no state needed). */
export function readFull(frame: ObserverFrame): ObserverFrameRows {
  return new FakeClient().read(frame)
}
