import { useMemo } from 'react'
import { useStores, useTimeline } from '../../app/session-context'
import { useSampled } from '../../components/use-sampled'
import { tickSpan } from '../../stores/timeline-state'
import type { TickSpan } from '../../stores/timeline-state'

/** How often the scrubber follows the live tick: frames come ~30 a second, the eye needs far fewer. */
export const LIVE_TICK_SAMPLE_MS = 250

/** The ticks the scrubber spans, the live end following the shard (sampled, so frames stay cheap). */
export function useTickSpan(): TickSpan {
  const stores = useStores()
  const status = useTimeline((s) => s.status)
  const shardTick = useSampled(stores.shard, (s) => s.status?.tick ?? 0, LIVE_TICK_SAMPLE_MS)
  return useMemo(() => tickSpan(status, shardTick), [status, shardTick])
}
