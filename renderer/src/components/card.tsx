import type { ReactNode } from 'react'

/** A titled panel section; `actions` sit at the right of the title row. */
export function Card(props: { title: string; testId?: string; actions?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={`card ${props.className ?? ''}`} data-testid={props.testId}>
      <header className="card-title">
        <h2>{props.title}</h2>
        {props.actions ? <div className="card-actions">{props.actions}</div> : null}
      </header>
      <div className="card-body">{props.children}</div>
    </section>
  )
}
