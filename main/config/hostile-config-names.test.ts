/**
 * Config names that every JavaScript object has (`constructor`, `toString`, `__proto__` …): as a
 * YAML key or as an id they must be refused with a located message, never pass a check by
 * reaching Object.prototype, never be silently dropped, never throw out of the loader.
 */
import { describe, expect, it } from 'vitest'
import { ConfigErrorDetailsSchema, type ConfigIssue } from '../../shared/contract/dto/config-summary'
import { parseConfigText } from './load-config'

const TOWN = `  layout:
    map: |
      #######
      #.....#
      #.F.S.#
      #.....#
      #######
    homes:
      - { id: home, area: [1, 1, 5, 3] }
    workplaces:
      - { id: office, area: [4, 1, 2, 1] }
`

/** A small drawn town: `top` goes before `world:`, `agents` inside it. */
const config = (top = '', agents = '') => `config_id: k\nseed: 1\n${top}world:\n${agents}${TOWN}`

function issuesOf(text: string): ConfigIssue[] {
  let result: ReturnType<typeof parseConfigText> | undefined
  expect(() => (result = parseConfigText(text, 'test.yaml'))).not.toThrow()
  if (!result || result.ok) throw new Error(`expected an invalid config:\n${text}`)
  expect(result.error.code).toBe('config.invalid')
  return ConfigErrorDetailsSchema.parse(result.error.details).issues
}

describe('config names that are Object.prototype properties', () => {
  it('the baseline town loads', () => {
    expect(parseConfigText(config('jobs:\n  clerk: { workplace: office, start: "09:00", end: "17:00" }\n'), 'test.yaml').ok).toBe(true)
  })

  it('an agent with job "constructor" is refused when jobs does not define it, not left jobless', () => {
    const issues = issuesOf(config('', '  agents:\n    - { id: ann, at: [2, 1], job: constructor }\n'))
    expect(issues).toEqual([expect.objectContaining({ path: 'world.agents.0.job', message: expect.stringContaining('agent "ann" has job "constructor", which `jobs` does not define') })])
  })

  it('a jobs key __proto__ is refused at its line, not silently dropped', () => {
    const issues = issuesOf(config('jobs:\n  __proto__: { workplace: office, start: "09:00", end: "17:00" }\n'))
    expect(issues).toEqual([{ path: 'jobs.__proto__', line: 4, col: 3, message: expect.stringMatching(/^"__proto__" cannot be a key/) }])
  })

  it('ids that are prototype names are refused: a job, an agent, a workplace, a perturbation spec', () => {
    const cases: [string, string][] = [
      [config('jobs:\n  constructor: { workplace: office, start: "09:00", end: "17:00" }\n'), 'jobs.constructor'],
      [config('', '  agents:\n    - { id: constructor, at: [2, 1] }\n'), 'world.agents.0.id'],
      [config().replace('{ id: office', '{ id: constructor'), 'world.layout.workplaces.0.id'],
      [config('perturbations:\n  events:\n    constructor: { kind: power_outage, duration: 3 }\n'), 'perturbations.events.constructor']
    ]
    for (const [text, path] of cases) {
      const issues = issuesOf(text)
      expect(issues.map((i) => i.path), path).toContain(path)
      expect(issues.find((i) => i.path === path)?.message, path).toMatch(/is a name every JavaScript object has/)
    }
  })

  it('a scheduled or bucketed spec named constructor is an unknown spec, not Object', () => {
    const scheduled = issuesOf(config('perturbations:\n  scheduled:\n    - { spec: constructor, at_tick: 2 }\n'))
    expect(scheduled.map((i) => i.path)).toEqual(['perturbations.scheduled.0.spec'])
    const bucketed = issuesOf(config('perturbations:\n  fairness:\n    buckets:\n      b: { specs: [constructor], share: 1 }\n'))
    expect(bucketed.map((i) => i.path)).toEqual(['perturbations.fairness.buckets.b.specs.0'])
    for (const issue of [...scheduled, ...bucketed]) expect(issue.message).toMatch(/no spec "constructor" in perturbations.events|is a name every JavaScript object has/)
  })

  it('a perturbation kind that is a prototype name is an unknown kind, not a throw', () => {
    for (const kind of ['constructor', 'toString', '__proto__']) {
      const issues = issuesOf(config(`perturbations:\n  events:\n    cut: { kind: ${kind}, duration: 3 }\n`))
      expect(issues, kind).toEqual([expect.objectContaining({ path: 'perturbations.events.cut.kind', message: expect.stringContaining(`spec "cut" has kind "${kind}"`) })])
    }
  })

  it('an unknown key named constructor is an unknown key with the known ones listed', () => {
    const issues = issuesOf(config('constructor: 1\nruntime:\n  toString: 2\n'))
    expect(issues.map((i) => [i.path, i.message.split(':')[0]])).toEqual(expect.arrayContaining([
      ['constructor', 'unknown key "constructor"'],
      ['runtime.toString', 'unknown key "toString"']
    ]))
    expect(issues).toHaveLength(2)
  })

  it('a __proto__ key anywhere in the file is refused, and never sets a prototype', () => {
    const issues = issuesOf(config('perturbations:\n  events:\n    __proto__: { kind: power_outage, duration: 3 }\n'))
    expect(issues).toEqual([expect.objectContaining({ path: 'perturbations.events.__proto__', line: 5, message: expect.stringMatching(/^"__proto__" cannot be a key/) })])
    expect(({} as Record<string, unknown>).kind).toBeUndefined()
  })
})
