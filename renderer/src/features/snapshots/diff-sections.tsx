/**
 * A structured diff laid out to be read side by side: agents, economy and relationships in three
 * columns, each with its counts and first examples (before on the left of after), then every other
 * section that changed, folded. Sections with nothing in them say so rather than vanish.
 */
import type { SnapshotDiffDto } from '../../../../shared/contract/dto/snapshots'
import { formatCount } from '../../components/format'

type Section = SnapshotDiffDto['sections'][number]

/** The three sections an operator compares first. */
export const PRIMARY_SECTIONS = ['agents', 'economy', 'relationships'] as const

function Counts({ section }: { section: Section }) {
  return (
    <span className="diff-counts mono" data-testid="diff-counts">
      <span className="diff-added">+{formatCount(section.added)}</span> <span className="diff-changed">~{formatCount(section.changed)}</span>{' '}
      <span className="diff-dropped">−{formatCount(section.dropped)}</span>
    </span>
  )
}

function Examples({ section }: { section: Section }) {
  if (section.examples.length === 0) return <p className="dim">{section.added + section.changed + section.dropped === 0 ? 'no change' : 'no examples'}</p>
  return (
    <table className="data-table diff-examples">
      <thead>
        <tr>
          <th>path</th>
          <th>before</th>
          <th>after</th>
        </tr>
      </thead>
      <tbody>
        {section.examples.map((example, i) => (
          <tr key={`${example.path}-${i}`} className={`diff-${example.kind}`} data-testid="diff-example" data-kind={example.kind}>
            <td className="mono">{example.path}</td>
            <td className="mono">{example.before ?? '—'}</td>
            <td className="mono">{example.after ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const EMPTY = (name: string): Section => ({ section: name, added: 0, changed: 0, dropped: 0, examples: [] })

export function DiffSections({ diff, testId }: { diff: SnapshotDiffDto; testId: string }) {
  const byName = new Map(diff.sections.map((s) => [s.section, s]))
  const rest = diff.sections.filter((s) => !(PRIMARY_SECTIONS as readonly string[]).includes(s.section))
  return (
    <div className="diff" data-testid={testId}>
      <div className="diff-columns">
        {PRIMARY_SECTIONS.map((name) => {
          const section = byName.get(name) ?? EMPTY(name)
          return (
            <section key={name} className="diff-column" data-testid="diff-section" data-section={name}>
              <h3 className="subhead">
                {name} <Counts section={section} />
              </h3>
              <Examples section={section} />
            </section>
          )
        })}
      </div>
      {rest.map((section) => (
        <details key={section.section} className="diff-more" data-testid="diff-section" data-section={section.section}>
          <summary>
            {section.section} <Counts section={section} />
          </summary>
          <Examples section={section} />
        </details>
      ))}
    </div>
  )
}
