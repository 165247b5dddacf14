/**
 * The renderer's long-lived objects, created once at startup: the client for this page's
 * transport, the stores, the commands, and the wiring between them.
 */
import { createClient } from '../api/create-client'
import { createStores } from '../stores/stores'
import { createCommands } from './commands'
import type { Session } from './session-type'
import { wireClient } from './wire-client'

export type { Session }

export function createSession(): Session {
  const client = createClient()
  const stores = createStores()
  const commands = createCommands(client, stores)
  // Wire after the stores exist: the connection listener fires at once and may refresh.
  const unwire = wireClient(client, stores, commands)
  return {
    stores,
    commands,
    dispose() {
      unwire()
      client.dispose()
    }
  }
}
