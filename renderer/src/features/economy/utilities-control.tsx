/**
 * Power and water: on or off, and for admins a switch each. Cutting or restoring a utility
 * changes what everybody can do, so it asks for confirmation first.
 */
import type { EconomyRow } from '../../../../shared/contract/dto/observer'
import { useConfirm } from '../../components/use-confirm'
import { utilityArgs } from '../operator/operator-commands'
import { useOperator } from '../operator/use-operator'

const UTILITIES = ['power', 'water'] as const

/** Badges and (for admins) switches for power and water. */
export function UtilitiesControl({ utilities }: { utilities: EconomyRow['utilities'] }) {
  const operator = useOperator()
  const { ask, dialog } = useConfirm()
  return (
    <div className="utilities">
      {UTILITIES.map((name) => {
        const on = utilities[name]
        return (
          <div key={name} className="utility-row">
            <span className={`util-badge ${on ? 'util-on' : 'util-off'}`} data-testid={`economy-util-${name}`} data-on={on}>
              {name} {on ? 'on' : 'off'}
            </span>
            <button
              type="button"
              className={on ? 'danger' : undefined}
              data-testid={`economy-util-${name}-toggle`}
              disabled={!operator.gate.allowed}
              title={operator.gate.reason ?? `Turn ${name} ${on ? 'off' : 'on'}`}
              onClick={() =>
                ask({
                  title: `Turn ${name} ${on ? 'off' : 'on'}?`,
                  message: on ? `Everything that needs ${name} stops working for the whole town.` : `${name} comes back for the whole town.`,
                  confirmLabel: `Turn ${name} ${on ? 'off' : 'on'}`,
                  onConfirm: () => void operator.run('utility', utilityArgs(name, !on))
                })
              }
            >
              Turn {on ? 'off' : 'on'}
            </button>
          </div>
        )
      })}
      {dialog}
    </div>
  )
}
