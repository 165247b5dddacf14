import type { ReactNode } from 'react'
import type { Loadable } from '../../stores/snapshot-store'
import { ErrorLine } from './error-line'

/** A card body for one request: a hint before it runs, "loading…", its error, or `children(value)`. */
export function LoadableBody<T>(props: { value: Loadable<T>; idle: string; testId: string; children: (value: T) => ReactNode }) {
  const { value, idle, testId } = props
  if (value.state === 'idle') return <p className="dim">{idle}</p>
  if (value.state === 'loading') return <p className="dim" data-testid={`${testId}-loading`}>loading…</p>
  if (value.state === 'error') return <ErrorLine error={value.error} testId={`${testId}-error`} />
  return <>{props.children(value.value)}</>
}
