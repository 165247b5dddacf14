/**
 * Loading another config. Electron offers the native file dialog; browser mode cannot read
 * local paths through a dialog, so it takes a typed path. Both list the project's configs folder.
 * A town that ran is replaced by the load, so the picker asks first (see replace-town).
 */
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useAppInfo, useCommands, useConfig, useConnection, useStores } from '../../app/session-context'
import { Card } from '../../components/card'
import { fieldValue } from '../../components/field-value'
import { useConfirm } from '../../components/use-confirm'
import { DisabledReason } from '../operator/disabled-reason'
import { useAdminGate } from '../operator/use-operator'
import { replaceTownRequest } from './replace-town'

export function ConfigPicker() {
  const commands = useCommands()
  const canPick = useAppInfo((s) => s.info?.can_pick_file === true)
  const configsDir = useAppInfo((s) => s.info?.configs_dir)
  const files = useConfig((s) => s.files)
  // Busy while a load is in flight, or while no host is there to answer.
  const loading = useConfig((s) => s.loading)
  const offline = useConnection((s) => s.info.state !== 'connected')
  const gate = useAdminGate()
  // Loading a config replaces the town: admin only.
  const busy = loading || offline || !gate.allowed
  const live = useConfig((s) => s.summary?.source)
  const [path, setPath] = useState('')
  const stores = useStores()
  const { ask, dialog } = useConfirm()

  /** Loads `target` (null: pick one in the native dialog), asking first when a town would be lost. */
  function load(target: string | null): void {
    const go = () => void (target === null ? commands.pickConfig() : commands.loadConfig(target))
    // Only a save that landed goes on to the load; a refused save leaves the town and says why.
    const saveFirst = () =>
      void commands.saveSnapshot({ gzip: false }).then((saved) => {
        if (saved.ok) go()
      })
    // The status is read when asked, not subscribed to: the picker need not render on every frame.
    const request = replaceTownRequest(stores.shard.getState().status, target, go, saveFirst)
    if (request) ask(request)
    else go()
  }

  function submit(event: FormEvent): void {
    event.preventDefault()
    const trimmed = path.trim()
    if (trimmed !== '') load(trimmed)
  }

  return (
    <Card
      title="Load config"
      testId="config-picker"
      actions={
        <button type="button" className="icon" title="Refresh the list" onClick={() => void commands.listConfigs()}>
          ↻
        </button>
      }
    >
      {canPick ? (
        <button type="button" className="primary" data-testid="btn-open-config" disabled={busy} onClick={() => load(null)}>
          Open config…
        </button>
      ) : (
        <form className="path-form" onSubmit={submit}>
          <input
            type="text"
            data-testid="config-path"
            aria-label="Config file path"
            placeholder="/path/to/config.yaml"
            spellCheck={false}
            value={path}
            onChange={(e) => setPath(fieldValue(e))}
          />
          <button type="submit" data-testid="btn-load-config" data-loading={String(loading)} disabled={busy || path.trim() === ''}>
            {loading ? 'Loading…' : 'Load'}
          </button>
        </form>
      )}
      {offline ? null : <DisabledReason gate={gate} testId="config-disabled-reason" />}
      <div className="list-caption dim" title={configsDir}>
        {configsDir ? `in ${configsDir}` : 'configs folder'}
      </div>
      <ul className="config-list" data-testid="config-list">
        {files.length === 0 ? <li className="dim">no YAML files found</li> : null}
        {files.map((file) => (
          <li key={file.path}>
            <button
              type="button"
              className={`list-item mono${file.path === live ? ' current' : ''}`}
              data-testid="config-item"
              data-name={file.name}
              disabled={busy}
              title={gate.allowed ? `Load ${file.path}` : (gate.reason ?? undefined)}
              onClick={() => {
                setPath(file.path)
                load(file.path)
              }}
            >
              {file.name}
            </button>
          </li>
        ))}
      </ul>
      {dialog}
    </Card>
  )
}
