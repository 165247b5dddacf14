/**
 * A problem the YAML index walk found, as a located config issue: a key written twice, a key
 * that is a list, mapping or alias, or a node tagged with something other than a plain JSON type
 * (`!!set`, `!!omap`, `!!binary`, `!!timestamp`, `!custom` …), which the core schema leaves
 * unresolved instead of silently turning a set into an empty section.
 */
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { pathLabel, quoteKey } from './bounded-text'
import type { NodeProblem, YamlIndex } from './yaml-index'

const PLAIN: Record<'map' | 'seq' | 'scalar', string> = {
  map: 'use a plain mapping (key: value)',
  seq: 'use a plain list',
  scalar: 'use a plain string, number, true/false or null'
}

/** `tag:yaml.org,2002:set` → `!!set`; other tags as written, cut and escaped. */
function tagName(tag: string): string {
  const core = 'tag:yaml.org,2002:'
  return tag.startsWith(core) ? `!!${tag.slice(core.length)}` : quoteKey(tag).slice(1, -1)
}

export function describeNodeProblem(problem: NodeProblem, index: YamlIndex): ConfigIssue {
  const at = index.position(problem.offset)
  const path = pathLabel(problem.path)
  switch (problem.kind) {
    case 'duplicate_key': {
      const first = problem.firstOffset === undefined ? '' : ` (first on line ${index.position(problem.firstOffset).line})`
      const key = problem.path[problem.path.length - 1] ?? ''
      return { path, ...at, message: `YAML syntax: duplicate key ${quoteKey(key)}${first}: a key may appear once in a mapping` }
    }
    case 'complex_key':
      return { path, ...at, message: 'YAML: a key here is a list, a mapping or an alias: keys are plain names' }
    case 'tag':
      return { path, ...at, message: `YAML tag ${tagName(problem.tag)} is not allowed in a config: ${PLAIN[problem.collection]} without a tag` }
  }
}
