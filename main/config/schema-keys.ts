import { z } from 'zod'

/** Peel defaults, optionals and nullables off a schema to reach the object (if any) inside. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType
    } else {
      return current
    }
  }
}

/**
 * The keys an object schema accepts at a config path, used to suggest the intended key when the
 * YAML has an unknown one. Empty when the path does not lead to an object.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema)
  for (const segment of path) {
    if (current instanceof z.ZodObject && typeof segment === 'string') {
      const next = (current.shape as Record<string, z.ZodType>)[segment]
      if (!next) return []
      current = unwrap(next)
    } else if (current instanceof z.ZodArray) {
      current = unwrap(current.element as z.ZodType)
    } else if (current instanceof z.ZodRecord) {
      current = unwrap(current.valueType as z.ZodType)
    } else {
      return []
    }
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape as object) : []
}
