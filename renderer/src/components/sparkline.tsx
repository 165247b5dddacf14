/**
 * A tiny line of values in [0, 1], as an inline SVG (dozens of these sit in the Agents table, so
 * no chart library). Fewer than two values draw nothing.
 */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length < 2) return ''
  const step = width / (values.length - 1)
  return values
    .map((v, i) => {
      const clamped = Math.min(1, Math.max(0, v))
      return `${(i * step).toFixed(1)},${((1 - clamped) * (height - 2) + 1).toFixed(1)}`
    })
    .join(' ')
}

/** The SVG line for `values`, stroked by its CSS class. */
export function Sparkline(props: { values: readonly number[]; width?: number; height?: number; className?: string }) {
  const width = props.width ?? 48
  const height = props.height ?? 14
  return (
    <svg className={`sparkline ${props.className ?? ''}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <polyline points={sparklinePoints(props.values, width, height)} fill="none" strokeWidth={1} />
    </svg>
  )
}
