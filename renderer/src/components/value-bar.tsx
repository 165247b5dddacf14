/**
 * A value as a small horizontal bar beside its figure. Signed values grow from the middle (left
 * for negative, right for positive) so a penalty and a bonus read apart; unsigned ones from the left.
 */

/** The bar's left offset and width in percent of its track, for `value` against `scale` (> 0). */
export function barGeometry(value: number, scale: number, signed: boolean): { left: number; width: number } {
  const safe = Number.isFinite(value) && scale > 0 ? Math.max(-1, Math.min(1, value / scale)) : 0
  if (!signed) return { left: 0, width: Math.max(0, safe) * 100 }
  const half = Math.abs(safe) * 50
  return safe < 0 ? { left: 50 - half, width: half } : { left: 50, width: half }
}

/** The bar alone; `tone` picks its colour class (bar-<tone>). */
export function ValueBar(props: { value: number; scale?: number; signed?: boolean; tone?: string; label?: string }) {
  const signed = props.signed ?? false
  const { left, width } = barGeometry(props.value, props.scale ?? 1, signed)
  const tone = props.tone ?? (props.value < 0 ? 'neg' : 'pos')
  return (
    <span className={`value-track${signed ? ' signed' : ''}`} role="img" aria-label={props.label ?? String(props.value)}>
      <span className={`value-fill bar-${tone}`} style={{ left: `${left.toFixed(1)}%`, width: `${width.toFixed(1)}%` }} />
    </span>
  )
}
