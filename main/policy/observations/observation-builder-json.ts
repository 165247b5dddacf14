/**
 * The observation builder's state between builds, as a snapshot carries it: its embedding
 * allocator and the context resets `track` noted for the next build. Checked on the way back in;
 * the allocator checks its own part (embedding-allocator-json.ts).
 */
import { z } from 'zod'
import { err, ok, type Result } from '../../../shared/result'
import { formatZodIssues } from '../../../shared/zod-issues'
import { EmbeddingAllocator, type EmbeddingAllocatorState } from './embedding-allocator'

export interface ObservationBuilderJson {
  allocator: EmbeddingAllocatorState
  /** Agent slots whose context reset waits for the next build, ascending. */
  pending_resets: number[]
}

const ShapeSchema = z
  .object({
    allocator: z.unknown(),
    pending_resets: z
      .array(z.number().int().min(0).max(1_000_000))
      .max(1_000_000)
      .refine((s) => s.every((v, k) => k === 0 || s[k - 1]! < v), 'agent slots must be listed once each, in ascending order')
  })
  .strict()

export interface ParsedObservationBuilder {
  allocator: EmbeddingAllocator
  pendingResets: number[]
}

/** A saved builder state, checked; `at` names where it sits in a document, for the error. */
export function parseObservationBuilderJson(json: unknown, at: string): Result<ParsedObservationBuilder> {
  const parsed = ShapeSchema.safeParse(json)
  if (!parsed.success) return err('snapshot.invalid', `the observation builder's state is not valid: ${formatZodIssues(parsed.error.issues.slice(0, 5).map((i) => ({ ...i, path: [at, ...i.path] })))}`)
  const allocator = EmbeddingAllocator.fromJSON(parsed.data.allocator, `${at}.allocator`)
  if (!allocator.ok) return allocator
  return ok({ allocator: allocator.value, pendingResets: parsed.data.pending_resets })
}
