/**
 * Plain-words descriptions of command argument schemas, for `help`, `console.commands` and the
 * "expected …" half of every validation error: `a number from 0 to 1`, `one of "power", "water"`.
 */
import { z } from 'zod'
import type { CommandInfo } from '../../shared/contract/dto/console'

type ArgInfo = CommandInfo['args'][number]

/** Peel optional, nullable-free wrappers (optional, default) to reach the value's own schema. */
function unwrapOptional(schema: z.ZodType): z.ZodType {
  let current = schema
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType
  return current
}

/** The value's own schema under every wrapper (optional, default, nullable). */
export function unwrapAll(schema: z.ZodType): z.ZodType {
  let current = unwrapOptional(schema)
  while (current instanceof z.ZodNullable) current = unwrapOptional(current.unwrap() as z.ZodType)
  return current
}

const bounded = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e15

function numberText(schema: z.ZodNumber): string {
  const kind = schema.isInt ? 'a whole number' : 'a number'
  const min = bounded(schema.minValue) ? schema.minValue : undefined
  const max = bounded(schema.maxValue) ? schema.maxValue : undefined
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`
  if (min !== undefined) return `${kind} ≥ ${min}`
  if (max !== undefined) return `${kind} ≤ ${max}`
  return kind
}

function stringText(schema: z.ZodString): string {
  const max = schema.maxLength
  const min = schema.minLength ?? 0
  return max !== null && max !== undefined ? `a string of ${Math.max(min, 1)} to ${max} characters` : 'a string'
}

/** What a value of this schema must be, in words. */
export function typeText(schema: z.ZodType): string {
  const s = unwrapOptional(schema)
  if (s instanceof z.ZodNullable) return `${typeText(s.unwrap() as z.ZodType)}, or null`
  if (s instanceof z.ZodNumber) return numberText(s)
  if (s instanceof z.ZodString) return stringText(s)
  if (s instanceof z.ZodBoolean) return 'true or false'
  if (s instanceof z.ZodEnum) return `one of ${s.options.map((o) => JSON.stringify(o)).join(', ')}`
  if (s instanceof z.ZodLiteral) return JSON.stringify(s.value)
  if (s instanceof z.ZodArray) {
    let min: number | undefined
    let max: number | undefined
    for (const c of s.def.checks ?? []) {
      const d = c._zod.def as { check: string; minimum?: number; maximum?: number }
      if (d.check === 'min_length') min = d.minimum
      if (d.check === 'max_length') max = d.maximum
    }
    const n = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `at least ${min}` : 'any number of'
    return `a list of ${n} items, each ${typeText(s.element as z.ZodType)}`
  }
  if (s instanceof z.ZodTuple) {
    const items = s.def.items as z.ZodType[]
    return `a list of ${items.length}: [${items.map(typeText).join('; ')}]`
  }
  if (s instanceof z.ZodObject) {
    const keys = Object.entries(s.shape as Record<string, z.ZodType>).map(([k, v]) => (v.isOptional() ? `${k}?` : k))
    return `an object with ${keys.join(', ')}`
  }
  return 'a value'
}

/** The schema at `path` inside an argument schema, or undefined when the path leads nowhere. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema
  for (const segment of path) {
    const s = unwrapAll(current)
    if (s instanceof z.ZodObject && typeof segment === 'string') current = (s.shape as Record<string, z.ZodType>)[segment]
    else if (s instanceof z.ZodTuple && typeof segment === 'number') current = (s.def.items as z.ZodType[])[segment]
    else if (s instanceof z.ZodArray && typeof segment === 'number') current = s.element as z.ZodType
    else return undefined
    if (current === undefined) return undefined
  }
  return current
}

type ArgShape = Pick<ArgInfo, 'kind' | 'choices' | 'min' | 'max'>

/** The form field a value of this schema gets (a select of choices, a toggle, a bounded number …). */
export function argShape(schema: z.ZodType): ArgShape {
  const s = unwrapOptional(schema)
  if (s instanceof z.ZodBoolean) return { kind: 'boolean' }
  if (s instanceof z.ZodEnum) return { kind: 'enum', choices: s.options.map(String) }
  if (s instanceof z.ZodLiteral && typeof s.value === 'string') return { kind: 'enum', choices: [s.value] }
  if (s instanceof z.ZodNumber) {
    return {
      kind: s.isInt ? 'integer' : 'number',
      ...(bounded(s.minValue) ? { min: s.minValue } : {}),
      ...(bounded(s.maxValue) ? { max: s.maxValue } : {})
    }
  }
  if (s instanceof z.ZodString) return { kind: 'text' }
  return { kind: 'json' }
}

/** One line per argument of a command's schema, in declaration order. */
export function describeArgs(schema: z.ZodObject): ArgInfo[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    type: typeText(field),
    required: !field.isOptional(),
    help: field.description ?? unwrapOptional(field).description ?? '',
    ...argShape(field)
  }))
}

/** `setneed agent=<agent> need=<need> value=<value> [reason=<reason>]`: a usage line. */
export function usageOf(info: Pick<CommandInfo, 'name' | 'args'>): string {
  return [info.name, ...info.args.map((a) => (a.required ? `${a.name}=<${a.name}>` : `[${a.name}=<${a.name}>]`))].join(' ')
}
