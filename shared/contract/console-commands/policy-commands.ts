/**
 * Commands an operator uses to see and steer the policy: `policy_status`, `policy_swap` (another
 * model, or back to the scripted controller, without stopping the shard), `anneal_set` (the
 * chance a decision comes from the model), `possess` / `release` (take an agent over from the
 * policy, give it back) and `operator_act` (tell a possessed agent what to do).
 */
import { z } from 'zod'
import { agentArg, coordArg, idArg } from './arg-types'
import { defineDescriptor } from './descriptor'

export const policyStatusDescriptor = defineDescriptor({
  name: 'policy_status',
  role: 'viewer',
  destructive: false,
  help: 'The running policy: backend, model hash, execution provider, observation variant, anneal ratio and schedule, possessed agents, inference latency, embedding allocator.',
  args: z.object({}).strict()
})

export const policySwapDescriptor = defineDescriptor({
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
    .strict()
})

export const annealSetDescriptor = defineDescriptor({
  name: 'anneal_set',
  role: 'admin',
  destructive: false,
  help: 'Set the anneal ratio from the next tick: the chance each decision comes from the model rather than the scripted controller (0 = all scripted, 1 = all model).',
  args: z.object({ ratio: z.number().min(0).max(1).describe('the chance, from 0 to 1') }).strict()
})

export const possessDescriptor = defineDescriptor({
  name: 'possess',
  role: 'admin',
  destructive: false,
  help: 'Take an agent over from the policy: it gets no more policy decisions and does what operator_act says until released.',
  args: z.object({ agent: agentArg() }).strict()
})

export const releaseDescriptor = defineDescriptor({
  name: 'release',
  role: 'admin',
  destructive: false,
  help: 'Give a possessed agent back to the policy.',
  args: z.object({ agent: agentArg() }).strict()
})

export const operatorActDescriptor = defineDescriptor({
  name: 'operator_act',
  role: 'admin',
  destructive: false,
  help: 'Make a possessed agent act: walk to a tile (x, y) and stand there, use an object (object), or seek someone out to chat (partner).',
  args: z
    .object({
      agent: agentArg(),
      action: z.enum(['walk', 'use', 'chat']).describe('walk: to tile x, y; use: the object; chat: with the partner'),
      x: coordArg('column of the tile to walk to (walk)').optional(),
      y: coordArg('row of the tile to walk to (walk)').optional(),
      object: idArg('the object to use, e.g. "fridge_1" (use)').optional(),
      partner: idArg('the agent to chat with, e.g. "bob" (chat)').optional()
    })
    .strict()
})
