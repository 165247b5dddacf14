/** An engine event as one line: `tick 120 · affordance_start object_id=fridge_1 …`. */
import type { ObserverEvent } from '../../../../shared/contract/dto/observer'

/** Type, then every other field as key=value. */
export function eventText(event: ObserverEvent): string {
  const fields = Object.entries(event)
    .filter(([key]) => key !== 'type' && key !== 'tick')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  return [`${event.type}`, ...fields].join(' ')
}
