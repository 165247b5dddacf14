/** zod schemas for Result envelopes, for every place one arrives from another thread or process. */
import { z } from 'zod'
import { ERROR_CODES } from './error-codes'

export const AppErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() })

/** `{ ok: true, value }` with the given value schema, or `{ ok: false, error }`. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: AppErrorSchema })])
}
