/**
 * What the Model card says is loaded and what Swap would load. The select shows a model even
 * when none runs (the scripted backend), so without these lines `candidate.onnx` read as loaded.
 */
import type { PolicyStatus } from '../../../../shared/contract/dto/policy'

type Model = PolicyStatus['models'][number]

/** The scripted controller, in the words every policy card uses for it. */
export const SCRIPTED_LOADED = 'scripted controller; no model loaded'

/** What decides now: the scripted controller, or the model file the runtime loaded. */
export function loadedText(identity: PolicyStatus['identity']): string {
  return identity.backend === 'scripted' ? SCRIPTED_LOADED : identity.model
}

/** What Swap would do with the chosen model. */
export function wouldLoadText(chosen: Model | null, running: Model | undefined): string {
  if (chosen === null) return 'choose a model to load'
  if (chosen === running) return `${chosen.name} is loaded; Swap loads it again`
  return `would load ${chosen.name} on Swap, from the next tick`
}
