/**
 * `policy_status` and `policy_swap`: the running policy as the console sees it, and swapping
 * the model (or back to the scripted controller) without stopping the shard. Loading a model
 * reads and checks a file and starts an inference session, which takes a moment, so a swap is
 * answered `queued` and its final result follows; on any failure the current policy stays.
 */
import { later, now, refuse, type CommandRun } from '../command'

export const policyStatusRun: CommandRun<'policy_status'> = ({ policy }) => {
  if (!policy) return refuse('shard.not_ready', 'no policy runtime is attached to this world (it runs inside a shard)')
  return now(policy.status())
}

export const policySwapRun: CommandRun<'policy_swap'> = ({ policy }, { model }) => {
  if (!policy) return refuse('shard.not_ready', 'no policy runtime is attached to this world (it runs inside a shard)')
  return later(policy.swap(model))
}
