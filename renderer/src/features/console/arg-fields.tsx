/** One input per argument of the chosen command, typed by the argument's declared type. */
import type { ArgInfo } from './command-args'
import { argKind } from './command-args'
import { fieldValue } from '../../components/field-value'

/** Inputs for the arguments, controlled by `values`. */
export function ArgFields(props: { args: readonly ArgInfo[]; values: Readonly<Record<string, string>>; onChange: (name: string, value: string) => void }) {
  if (props.args.length === 0) return <p className="dim">This command takes no arguments.</p>
  return (
    <div className="arg-fields">
      {props.args.map((arg) => {
        const kind = argKind(arg.type)
        const value = props.values[arg.name] ?? ''
        const common = {
          'data-testid': `console-arg-${arg.name}`,
          'aria-label': arg.name,
          value,
          title: arg.help
        }
        return (
          <label key={arg.name} className="arg-field">
            <span>
              <span className="mono">{arg.name}</span>
              {arg.required ? <span className="required" title="required"> *</span> : null} <span className="dim">{arg.type}</span>
            </span>
            {kind === 'boolean' ? (
              <select {...common} onChange={(e) => props.onChange(arg.name, fieldValue(e))}>
                <option value="">{arg.required ? 'choose' : '(omit)'}</option>
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            ) : (
              <input
                {...common}
                type={kind === 'number' ? 'number' : 'text'}
                step="any"
                className={kind === 'json' ? 'mono' : undefined}
                placeholder={kind === 'json' ? 'JSON' : arg.help}
                spellCheck={false}
                onChange={(e) => props.onChange(arg.name, fieldValue(e))}
              />
            )}
          </label>
        )
      })}
    </div>
  )
}
