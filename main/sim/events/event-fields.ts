/**
 * The field schemas the event families share, and JSON itself: events leave the engine as they
 * are (streams, files, the observer), so every payload is plain JSON and says so in its type.
 */
import { z } from 'zod'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** Any JSON value (finite numbers only: zod's number refuses NaN and Infinity, as JSON does). */
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]))
export const JsonObjectSchema = z.record(z.string(), JsonValueSchema)

export const int = z.number().int()
export const tickNumber = int.min(0)
export const count = int.min(0)
/** Agent and object ids as the config and the engine name them. */
export const agentId = z.string().min(1)
export const objectId = z.string().min(1)
export const jobId = z.string().min(1)
/** A need or wallet, rounded by the emitter. */
export const amount = z.number()
