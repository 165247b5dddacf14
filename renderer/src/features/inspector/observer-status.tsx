import { useObserver } from '../../app/session-context'

/** Says why the observer panels are empty: no town yet, or the last full-frame request failed. */
export function ObserverStatus() {
  const hasTown = useObserver((s) => s.map !== null)
  const error = useObserver((s) => s.error)
  if (hasTown && !error) return null
  return (
    <p className={`observer-status${error ? ' observer-error' : ' dim'}`} data-testid="observer-status" role="status">
      {error ? `Could not fetch the town: ${error}` : 'Waiting for the town…'}
    </p>
  )
}
