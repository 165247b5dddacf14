import type { ReactNode } from 'react'

/** A small label over a tabular value, as in an instrument panel. */
export function Readout(props: { label: string; testId: string; title?: string; unit?: string; children: ReactNode }) {
  return (
    <div className="readout" title={props.title}>
      <span className="readout-label">{props.label}</span>
      <span className="readout-value">
        <span data-testid={props.testId}>{props.children}</span>
        {props.unit ? <span className="readout-unit">{props.unit}</span> : null}
      </span>
    </div>
  )
}
