/**
 * The worker's side of a `timeline` request: the request (checked by the protocol schema) to the
 * shard's ShardTimeline. Frames are rebuilt here, off the host's main thread; a fork or a reopen
 * is answered with the shard's view after it (the host's status follows from it).
 */
import { ok, type Result } from '../../shared/result'
import type { TimelineRequest } from './protocol'
import type { Shard } from './shard'

export async function answerTimeline(shard: Shard, request: TimelineRequest): Promise<Result<unknown>> {
  const timeline = shard.timeline
  switch (request.op) {
    case 'status':
      return timeline.status()
    case 'frame':
      return timeline.frame(request.tick)
    case 'fork': {
      const forked = await timeline.fork(request.tick)
      return forked.ok ? ok(shard.view()) : forked
    }
    case 'reopen': {
      const reopened = await timeline.reopen(request.branch)
      return reopened.ok ? ok(shard.view()) : reopened
    }
    case 'bookmark':
      return timeline.bookmark(request.tick, request.label)
  }
}
