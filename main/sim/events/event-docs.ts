/**
 * The vocabulary as a Markdown table (docs/telemetry.md, "Engine events"), made from the map so
 * the docs cannot drift: a test compares the file with this text. Optional fields end in `?`;
 * a type with variants (console.result) lists each variant's fields.
 */
import { z } from 'zod'
import { SIM_EVENT_SCHEMA_VERSION, SIM_EVENT_SCHEMAS, SIM_EVENT_TYPES } from './event-map'

function fieldsOf(schema: z.ZodType): string {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>)
      .map(([key, field]) => `\`${key}${field.safeParse(undefined).success ? '?' : ''}\``)
      .join(', ')
  }
  if (schema instanceof z.ZodDiscriminatedUnion) return (schema.options as z.ZodType[]).map((o) => `(${fieldsOf(o)})`).join(' or ')
  return ''
}

export function vocabularyMarkdown(): string {
  const rows = SIM_EVENT_TYPES.map((type) => `| \`${type}\` | ${fieldsOf(SIM_EVENT_SCHEMAS[type])} |`)
  return [`Vocabulary version ${SIM_EVENT_SCHEMA_VERSION}, ${SIM_EVENT_TYPES.length} types.`, '', '| type | fields (besides `type` and `tick`) |', '| --- | --- |', ...rows].join('\n')
}
