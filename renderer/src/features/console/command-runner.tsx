/**
 * Run any console command: pick it from the host's list, fill its arguments (or write raw JSON),
 * optionally name the cmd_id, Run. The arguments are checked first; only arguments that parse
 * reach a destructive command's confirmation. The result joins the list below, and its final
 * result replaces the queued one there.
 */
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useCommands, useConnection, useConsole } from '../../app/session-context'
import { Card } from '../../components/card'
import { useConfirm } from '../../components/use-confirm'
import { CmdIdSchema } from '../../../../shared/contract/dto/console'
import { ArgFields } from './arg-fields'
import { buildArgs, parseRawArgs } from './command-args'
import { fieldChecked, fieldValue } from '../../components/field-value'

/** The runner card; results land in the console store. */
export function CommandRunner() {
  const commands = useCommands()
  const list = useConsole((s) => s.commands)
  const connected = useConnection((s) => s.info.state === 'connected')
  const { ask, dialog } = useConfirm()
  const [chosen, setChosen] = useState('')
  const [values, setValues] = useState<Record<string, string>>({})
  const [rawMode, setRawMode] = useState(false)
  const [rawText, setRawText] = useState('{}')
  const [cmdId, setCmdId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // Without a list (an older host, or none fetched yet) the name is typed and args are raw JSON.
  const name = chosen !== '' ? chosen : (list[0]?.name ?? '')
  const info = list.find((c) => c.name === name)
  const raw = rawMode || !info
  const cmdIdValid = cmdId.trim() === '' || CmdIdSchema.safeParse(cmdId.trim()).success

  function choose(next: string): void {
    setChosen(next)
    setValues({})
    setError(null)
  }

  async function execute(args: Record<string, unknown>): Promise<void> {
    setBusy(true)
    await commands.runConsoleText(name, args, cmdId)
    setBusy(false)
    setCmdId('')
  }

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (name.trim() === '') return setError('choose a command')
    if (!cmdIdValid) return setError('cmd_id: use letters, digits and _ . : -')
    const parsed = !raw && info ? buildArgs(info.args, values) : parseRawArgs(rawText)
    if (!parsed.ok) return setError(parsed.error)
    setError(null)
    if (info?.destructive) {
      ask({
        title: `Run ${name}?`,
        message: `${name} is destructive: ${info.help} Arguments: ${JSON.stringify(parsed.args)}.`,
        confirmLabel: `Run ${name}`,
        onConfirm: () => void execute(parsed.args)
      })
    } else {
      void execute(parsed.args)
    }
  }

  return (
    <Card title="Run a command" testId="console-runner" className="span-2">
      {/* noValidate: the form's own check (below) says what is wrong, before any confirmation. */}
      <form className="runner" noValidate onSubmit={submit}>
        <div className="runner-row">
          {list.length > 0 ? (
            <select data-testid="console-command" data-shortcut-filter aria-label="Command" value={name} onChange={(e) => choose(fieldValue(e))}>
              {list.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                  {c.role === 'admin' ? ' (admin)' : ''}
                  {c.destructive ? ' ⚠' : ''}
                </option>
              ))}
            </select>
          ) : (
            <input type="text" data-testid="console-command" data-shortcut-filter aria-label="Command name" placeholder="command name" value={chosen} onChange={(e) => choose(fieldValue(e))} />
          )}
          <label className="toolbar-field">
            <input type="checkbox" data-testid="console-raw" checked={raw} disabled={!info} onChange={(e) => setRawMode(fieldChecked(e))} />
            raw JSON
          </label>
          <input
            type="text"
            className="mono"
            data-testid="console-cmd-id"
            aria-label="cmd_id (optional)"
            placeholder="cmd_id (optional)"
            spellCheck={false}
            value={cmdId}
            aria-invalid={!cmdIdValid}
            onChange={(e) => setCmdId(fieldValue(e))}
          />
          <button type="submit" className="primary" data-testid="console-run" disabled={busy || !connected || name.trim() === ''}>
            Run
          </button>
        </div>
        {info ? (
          <p className="dim runner-help" data-testid="console-command-help">
            {info.help} <span className="mono">({info.role}{info.destructive ? ', destructive' : ''})</span>
          </p>
        ) : null}
        {raw || !info ? (
          <textarea
            className="mono raw-args"
            data-testid="console-args-json"
            aria-label="Arguments as JSON"
            rows={3}
            spellCheck={false}
            value={rawText}
            onChange={(e) => setRawText(fieldValue(e))}
          />
        ) : (
          <ArgFields key={name} args={info.args} values={values} onChange={(arg, value) => setValues({ ...values, [arg]: value })} />
        )}
        {error ? (
          <p className="bad-text" role="alert" data-testid="console-args-error">
            {error}
          </p>
        ) : null}
      </form>
      {dialog}
    </Card>
  )
}
