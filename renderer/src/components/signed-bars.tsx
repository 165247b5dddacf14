/**
 * Named signed values as a small bar list, largest magnitude first, bars scaled to the largest:
 * reward components in the inspector and reward means on the KPI panel.
 */
import { formatSigned } from './format'
import { ValueBar } from './value-bar'

/** Entries sorted by magnitude (then name), with the scale their bars share. */
export function sortedByMagnitude(values: Readonly<Record<string, number>>): { entries: Array<[string, number]>; scale: number } {
  const entries = Object.entries(values).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
  const scale = entries.reduce((max, [, v]) => Math.max(max, Math.abs(v)), 0)
  return { entries, scale: scale > 0 ? scale : 1 }
}

/** One row per name: label, bar from the middle, signed figure. Each row carries `testId` and data-name. */
export function SignedBars(props: { values: Readonly<Record<string, number>>; testId: string; digits?: number; empty?: string }) {
  const { entries, scale } = sortedByMagnitude(props.values)
  if (entries.length === 0) return <p className="dim">{props.empty ?? 'nothing yet'}</p>
  return (
    <ul className="bar-list">
      {entries.map(([name, value]) => (
        <li key={name} className="bar-row" data-testid={props.testId} data-name={name}>
          <span className="bar-label ellipsis" title={name}>
            {name}
          </span>
          <ValueBar value={value} scale={scale} signed label={`${name} ${value}`} />
          <span className="mono num right">{formatSigned(value, props.digits ?? 3)}</span>
        </li>
      ))}
    </ul>
  )
}
