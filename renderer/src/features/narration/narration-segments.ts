/**
 * A narration line's text cut into plain runs and the agent ids it names (from the line's
 * `agents`), so each name can be a link that selects the agent. Only whole words match: "ada"
 * inside "ada_2" or "adam" is not ada. Longer ids are tried first, so "ada_2" wins over "ada".
 * Ids the text does not spell out (a perturbation's targets) are simply not linked.
 */
export type NarrationSegment = { kind: 'text'; text: string } | { kind: 'agent'; id: string }

const WORD = /[\p{L}\p{N}_-]/u

export function narrationSegments(text: string, agents: readonly string[]): NarrationSegment[] {
  const ids = [...new Set(agents)].filter((id) => id.length > 0).sort((a, b) => b.length - a.length)
  const out: NarrationSegment[] = []
  let plain = ''
  let i = 0
  while (i < text.length) {
    const id = i === 0 || !WORD.test(text[i - 1]!) ? ids.find((candidate) => text.startsWith(candidate, i) && !WORD.test(text[i + candidate.length] ?? ' ')) : undefined
    if (id === undefined) {
      plain += text[i]
      i++
      continue
    }
    if (plain) out.push({ kind: 'text', text: plain })
    plain = ''
    out.push({ kind: 'agent', id })
    i += id.length
  }
  if (plain) out.push({ kind: 'text', text: plain })
  return out
}
