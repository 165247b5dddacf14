/**
 * `policy_status` and `policy_swap`: the running policy as the console sees it, and swapping
 * the model (or back to the scripted controller) without stopping the shard. Loading a model
 * reads and checks a file and starts an inference session, which takes a moment, so a swap is
 * answered `queued` and its final result follows; on any failure the current policy stays.
 */
import { z } from 'zod'
import { defineCommand, later, now, refuse } from '../command'

export const policyStatusCommand = defineCommand({
  name: 'policy_status',
  role: 'viewer',
  destructive: false,
  help: 'The running policy: backend, model hash, execution provider, observation variant, anneal ratio and schedule, possessed agents, inference latency, embedding allocator.',
  args: z.object({}).strict(),
  run({ policy }) {
    if (!policy) return refuse('shard.not_ready', 'no policy runtime is attached to this world (it runs inside a shard)')
    return now(policy.status())
  }
})

export const policySwapCommand = defineCommand({
  name: 'policy_swap',
  role: 'admin',
  destructive: false,
  help: 'Swap the policy from the next tick: an .onnx model file (checked against the observation variant and option set first) or "scripted". The current policy stays if the model is refused.',
  args: z
    .object({
      model: z
        .string()
        .min(1)
        .max(1024)
        .refine((m) => m === 'scripted' || m.toLowerCase().endsWith('.onnx'), 'give a path to an .onnx model file (e.g. configs/policies/release.onnx) or "scripted"')
        .describe('path of an .onnx model (relative to the working folder), or "scripted"')
    })
    .strict(),
  run({ policy }, { model }) {
    if (!policy) return refuse('shard.not_ready', 'no policy runtime is attached to this world (it runs inside a shard)')
    return later(policy.swap(model))
  }
})
