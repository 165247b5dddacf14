/**
 * Console arguments that name things by a word every JavaScript object has (`constructor`,
 * `toString`, `__proto__`): refused at once with a clear error, never taken for a config entry
 * found on Object.prototype and queued.
 */
import { describe, expect, it } from 'vitest'
import { CONSOLE_TOWN, consoleTown } from '../testing/console-town'

const TOWN = `${CONSOLE_TOWN}perturbations:
  events:
    blackout: { kind: power_outage, duration: 5 }
`

describe('console arguments that are Object.prototype names', () => {
  it('perturbation_trigger with spec "constructor" is not_found at once, not queued', () => {
    const t = consoleTown(TOWN)
    for (const spec of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const reply = t.send('perturbation_trigger', { spec })
      expect(reply.status, spec).toBe('error')
      expect(reply.error, spec).toMatchObject({ code: 'console.not_found', message: expect.stringContaining(`"${spec}"`) })
    }
    expect(t.router.pendingCount).toBe(0)
  })

  it('spawn refuses an agent id that is a prototype name', () => {
    const t = consoleTown(TOWN)
    const reply = t.send('spawn', { id: 'constructor' })
    expect(reply.status).toBe('error')
    expect(reply.error).toMatchObject({ code: 'console.invalid_args', message: expect.stringContaining('"constructor" is a name every JavaScript object has') })
    expect(t.router.pendingCount).toBe(0)
  })
})
