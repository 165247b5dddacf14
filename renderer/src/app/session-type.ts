import type { Stores } from '../stores/stores'
import type { Commands } from './commands'

/**
 * The renderer's long-lived objects as components see them. Kept apart from session.ts, which
 * picks a transport from `window`, so components (and their tests, typechecked without the DOM)
 * do not pull that in.
 */
export interface Session {
  stores: Stores
  commands: Commands
  dispose(): void
}
