/**
 * Command and help names come from argv: a word every JavaScript object has (`constructor`,
 * `toString`, `__proto__` …) must be an unknown command, never Object.prototype's function run as
 * a handler or printed as help.
 */
import { describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { MAIN_HELP } from './help'
import { fakeIo } from './test-io'

const PROTOTYPE_WORDS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf']

describe('townlet with prototype names on the command line', () => {
  it('a prototype name as the command is an unknown command: exit 2, never a handler', async () => {
    for (const word of PROTOTYPE_WORDS) {
      const a = fakeIo()
      const code = await runCli([word], a.io)
      expect(code, word).toBe(2)
      expect(a.err(), word).toContain(`townlet: unknown command "${word}"`)
      expect(a.err(), word).not.toContain('TypeError')
    }
  })

  it('`townlet help <prototype name>` is an unknown topic: exit 2 with the main help, not a function', async () => {
    for (const word of PROTOTYPE_WORDS) {
      const a = fakeIo()
      const code = await runCli(['help', word], a.io)
      expect(code, word).toBe(2)
      expect(a.out(), word).toBe(MAIN_HELP)
    }
  })

  it('`townlet <prototype name> --help` is an unknown command too', async () => {
    for (const word of PROTOTYPE_WORDS) {
      const a = fakeIo()
      expect(await runCli([word, '--help'], a.io), word).toBe(2)
      expect(a.out(), word).not.toContain('native code')
    }
  })

  it('still answers help for a real command', async () => {
    const a = fakeIo()
    expect(await runCli(['help', 'run'], a.io)).toBe(0)
    expect(a.out()).toMatch(/^townlet run /)
  })
})
