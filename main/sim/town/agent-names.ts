/** Readable ids for generated agents: a first name, with a number once the names run out. */
const NAMES = [
  'alice', 'bob', 'cara', 'dan', 'erin', 'finn', 'gina', 'hugo', 'iris', 'jon', 'kai', 'lena', 'milo', 'nora', 'otto', 'pia',
  'quinn', 'rosa', 'sam', 'tess', 'umar', 'vera', 'wes', 'xena', 'yuri', 'zoe', 'ada', 'ben', 'cleo', 'dev', 'eli', 'fay'
]

/** The i-th generated id that is not already taken. */
export function generatedNames(count: number, taken: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (let i = 0; out.length < count; i++) {
    const base = NAMES[i % NAMES.length] ?? 'agent'
    const id = i < NAMES.length ? base : `${base}_${Math.floor(i / NAMES.length)}`
    if (!taken.has(id)) out.push(id)
  }
  return out
}
