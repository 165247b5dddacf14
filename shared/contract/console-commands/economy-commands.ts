/** Commands that change the town's economy: `price` and `utility`. */
import { z } from 'zod'
import { PRICE_KEYS, UTILITIES } from './arg-types'
import { defineDescriptor } from './descriptor'

export const priceDescriptor = defineDescriptor({
  name: 'price',
  role: 'admin',
  destructive: false,
  help: 'Change a price or the default wage: set it, add to it or multiply it (never below 0).',
  args: z
    .object({
      key: z.enum(PRICE_KEYS).describe('which price'),
      value: z.number().min(-1_000_000).max(1_000_000).describe('the new price, the amount to add, or the factor'),
      mode: z.enum(['set', 'add', 'multiply']).optional().describe('how value applies (default set)')
    })
    .strict()
    .superRefine((a, ctx) => {
      if ((a.mode ?? 'set') !== 'add' && a.value < 0) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `must be ≥ 0 with mode ${a.mode ?? 'set'} (got ${a.value}); to lower a price use mode add with a negative value` })
      }
    })
})

export const utilityDescriptor = defineDescriptor({
  name: 'utility',
  role: 'admin',
  destructive: true,
  help: 'Switch the power or water on or off for the whole town (affordances that need it fail).',
  args: z.object({ utility: z.enum(UTILITIES).describe('which utility'), on: z.boolean().describe('true to switch on, false for an outage') }).strict()
})
