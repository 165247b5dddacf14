/**
 * This window's console role and how to change it: the admin token for "Become admin", and
 * "Back to viewer". The host decides; a refused token shows its error here.
 */
import { useState } from 'react'
import type { FormEvent } from 'react'
import type { AppError } from '../../../../shared/result'
import { useCommands, useConnection, useConsole } from '../../app/session-context'
import { Card } from '../../components/card'
import { RoleBadge } from '../../components/role-badge'
import { fieldValue } from '../../components/field-value'

/** Role badge, token form and Back to viewer. */
export function SessionCard() {
  const commands = useCommands()
  const session = useConsole((s) => s.session)
  const fetchError = useConsole((s) => s.error)
  const connected = useConnection((s) => s.info.state === 'connected')
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const role = session?.role ?? 'viewer'

  async function auth(next: string | null): Promise<void> {
    setBusy(true)
    const refused = await commands.authConsole(next)
    setBusy(false)
    setError(refused)
    if (!refused) setToken('')
  }

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (token !== '') void auth(token)
  }

  return (
    <Card title="Session" testId="console-session" actions={<RoleBadge role={role} testId="console-role" />}>
      <p className="dim">
        {role === 'admin' ? 'Admin: commands can change the town.' : 'Viewer: read-only commands. Admin commands need the admin token.'}
        {session && !session.admin_available ? ' This host has no admin token configured (TOWNLET_ADMIN_TOKEN).' : ''}
        {session ? <span className="mono"> Issuer: {session.issuer}.</span> : null}
      </p>
      {fetchError ? (
        <p className="bad-text" data-testid="console-session-error">
          {fetchError}
        </p>
      ) : null}
      <form className="path-form token-form" onSubmit={submit}>
        <input
          type="password"
          data-testid="admin-token"
          aria-label="Admin token"
          placeholder="admin token"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(fieldValue(e))}
        />
        <button type="submit" className="primary" data-testid="btn-admin" disabled={busy || !connected || token === ''}>
          Become admin
        </button>
        <button type="button" data-testid="btn-viewer" disabled={busy || !connected || role === 'viewer'} onClick={() => void auth(null)}>
          Back to viewer
        </button>
      </form>
      {error ? (
        <p className="bad-text" role="alert" data-testid="admin-error" data-code={error.code}>
          <code>{error.code}</code> {error.message}
        </p>
      ) : null}
    </Card>
  )
}
