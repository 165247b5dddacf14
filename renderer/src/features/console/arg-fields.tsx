/**
 * One input per argument of the chosen command, by the argument's kind: a select of its values
 * for an enum, a true/false toggle for a boolean, a number field, JSON, or text.
 */
import type { ArgInfo } from './command-args'
import { argField } from './command-args'
import { fieldValue } from '../../components/field-value'

type Change = (name: string, value: string) => void

/** A boolean as two (or, when it may be left out, three) buttons of one group. */
function BooleanToggle({ arg, value, onChange }: { arg: ArgInfo; value: string; onChange: Change }) {
  const options: [string, string][] = [
    ['true', 'true'],
    ['false', 'false']
  ]
  if (!arg.required) options.push(['', 'omit'])
  return (
    <div className="arg-toggle" role="radiogroup" aria-label={arg.name} data-testid={`console-arg-${arg.name}`} data-value={value} title={arg.help}>
      {options.map(([option, label]) => (
        <label key={label} className={`arg-toggle-option${value === option ? ' chosen' : ''}`}>
          <input
            type="radio"
            name={`console-arg-${arg.name}`}
            value={option}
            checked={value === option}
            data-testid={`console-arg-${arg.name}-${label}`}
            onChange={() => onChange(arg.name, option)}
          />
          {label}
        </label>
      ))}
    </div>
  )
}

function ArgInput({ arg, value, onChange }: { arg: ArgInfo; value: string; onChange: Change }) {
  const field = argField(arg)
  const common = { 'data-testid': `console-arg-${arg.name}`, 'aria-label': arg.name, value, title: arg.help }
  if (field.kind === 'boolean') return <BooleanToggle arg={arg} value={value} onChange={onChange} />
  if (field.kind === 'enum') {
    return (
      <select {...common} onChange={(e) => onChange(arg.name, fieldValue(e))}>
        <option value="">{arg.required ? 'choose' : '(omit)'}</option>
        {field.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    )
  }
  const numeric = field.kind === 'number' || field.kind === 'integer'
  return (
    <input
      {...common}
      type={numeric ? 'number' : 'text'}
      step={field.kind === 'integer' ? 1 : 'any'}
      {...(numeric && arg.min !== undefined ? { min: arg.min } : {})}
      {...(numeric && arg.max !== undefined ? { max: arg.max } : {})}
      className={field.kind === 'json' ? 'mono' : undefined}
      placeholder={field.kind === 'json' ? 'JSON' : arg.help}
      spellCheck={false}
      onChange={(e) => onChange(arg.name, fieldValue(e))}
    />
  )
}

/** Inputs for the arguments, controlled by `values`. */
export function ArgFields(props: { args: readonly ArgInfo[]; values: Readonly<Record<string, string>>; onChange: Change }) {
  if (props.args.length === 0) return <p className="dim">This command takes no arguments.</p>
  return (
    <div className="arg-fields">
      {props.args.map((arg) => (
        <div key={arg.name} className="arg-field">
          <span>
            <span className="mono">{arg.name}</span>
            {arg.required ? <span className="required" title="required"> *</span> : null} <span className="dim">{arg.type}</span>
          </span>
          <ArgInput arg={arg} value={props.values[arg.name] ?? ''} onChange={props.onChange} />
        </div>
      ))}
    </div>
  )
}
