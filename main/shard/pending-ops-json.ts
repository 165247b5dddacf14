/**
 * The console operations a simulation holds for its next tick, as a snapshot carries them: a
 * list of `ConsoleOp`s, each checked against the op schema on the way back in, the first problems
 * named by their place in the list.
 */
import { z } from 'zod'
import { err, ok, type Result } from '../../shared/result'
import { formatZodIssues } from '../../shared/zod-issues'
import { ConsoleOpSchema } from '../console/console-op-schema'
import type { ConsoleOp } from '../sim/inputs'

/** More than an operator can queue between two ticks by hand; a file claiming more is refused. */
export const MAX_PENDING_OPS = 100_000

export const PendingOpsJsonSchema = z.array(ConsoleOpSchema).max(MAX_PENDING_OPS)

/** Saved pending ops, checked; `at` names where they sit in the document, for the error. */
export function parsePendingOps(json: unknown, at = 'pending_ops'): Result<ConsoleOp[]> {
  const parsed = PendingOpsJsonSchema.safeParse(json)
  if (!parsed.success) return err('snapshot.invalid', `the pending console operations are not valid: ${formatZodIssues(parsed.error.issues.slice(0, 5).map((i) => ({ ...i, path: [at, ...i.path] })))}`)
  return ok(parsed.data as ConsoleOp[])
}
