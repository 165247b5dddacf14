/** Short intervals and a settable tick, so transport tests run in milliseconds. */
import type { QueuedOptions } from '../queued-transport'

export interface TestClock {
  tick: number | null
}

export function fastOptions(clock: TestClock, buffer: Partial<QueuedOptions['buffer']> = {}, retry: Partial<QueuedOptions['retry']> = {}): QueuedOptions {
  return {
    buffer: { max_buffer_bytes: 1024 * 1024, batch_size: 16, flush_interval_ms: 2, ...buffer },
    retry: { base_ms: 5, max_ms: 25, max_retries: null, ...retry },
    ticks: () => clock.tick,
    random: () => 0.5
  }
}
