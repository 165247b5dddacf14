import { z } from 'zod'

/**
 * Which policy drives the agents (main/policy/runtime). `scripted` is the engine's controller;
 * `onnx` runs a model file with onnxruntime-node in the shard worker, one batch per tick. The
 * anneal ratio is the chance that an agent's decision comes from the model rather than the
 * scripted controller (drawn from the `policy` stream); a schedule changes it at given ticks.
 */
const ratio = z.number().min(0, 'an anneal ratio is a probability: use a value from 0 to 1').max(1, 'an anneal ratio is a probability: use a value from 0 to 1')

export const AnnealStepSchema = z.object({ tick: z.number().int().min(0), ratio }).strict()

export const PolicySectionSchema = z
  .object({
    backend: z.enum(['scripted', 'onnx']).default('scripted'),
    /** The ONNX model, relative to the config file (needed when backend is onnx). */
    model: z.string().min(1).optional(),
    /** Execution provider: cuda falls back to cpu with a notice when it is not available. */
    provider: z.enum(['cpu', 'cuda']).default('cpu'),
    anneal: z
      .object({
        ratio: ratio.default(1),
        /** Ratio changes at given ticks, in tick order. */
        schedule: z.array(AnnealStepSchema).max(1000).default([])
      })
      .strict()
      .default({ ratio: 1, schedule: [] })
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.backend === 'onnx' && p.model === undefined) {
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'backend "onnx" needs a model: set policy.model to an .onnx file (e.g. ../policies/release.onnx), or use backend "scripted"' })
    }
    for (let i = 1; i < p.anneal.schedule.length; i++) {
      if (p.anneal.schedule[i]!.tick <= p.anneal.schedule[i - 1]!.tick) {
        ctx.addIssue({ code: 'custom', path: ['anneal', 'schedule', i, 'tick'], message: `schedule ticks must increase: ${p.anneal.schedule[i]!.tick} follows ${p.anneal.schedule[i - 1]!.tick}` })
      }
    }
  })

export type PolicySection = z.infer<typeof PolicySectionSchema>
