import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { argShape, describeArgs } from './describe-schema'
import { utilityDescriptor } from '../../shared/contract/console-commands/economy-commands'

describe('argShape', () => {
  it('tells a form which field each argument needs', () => {
    expect(argShape(z.boolean())).toEqual({ kind: 'boolean' })
    expect(argShape(z.boolean().optional())).toEqual({ kind: 'boolean' })
    expect(argShape(z.enum(['power', 'water']))).toEqual({ kind: 'enum', choices: ['power', 'water'] })
    expect(argShape(z.literal('all'))).toEqual({ kind: 'enum', choices: ['all'] })
    expect(argShape(z.number().min(0).max(1))).toEqual({ kind: 'number', min: 0, max: 1 })
    expect(argShape(z.number().int())).toEqual({ kind: 'integer' })
    expect(argShape(z.number().int().min(1).default(1))).toEqual({ kind: 'integer', min: 1 })
    expect(argShape(z.string().max(64))).toEqual({ kind: 'text' })
    expect(argShape(z.array(z.string()))).toEqual({ kind: 'json' })
    expect(argShape(z.object({ a: z.number() }))).toEqual({ kind: 'json' })
  })

  it('describes utility with a select of utilities and a boolean toggle', () => {
    expect(describeArgs(utilityDescriptor.args)).toEqual([
      { name: 'utility', type: 'one of "power", "water"', required: true, help: 'which utility', kind: 'enum', choices: ['power', 'water'] },
      { name: 'on', type: 'true or false', required: true, help: 'true to switch on, false for an outage', kind: 'boolean' }
    ])
  })
})
