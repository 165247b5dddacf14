/**
 * A whole renderer session over a FakeClient, for render tests of connected panels. Static
 * rendering reads a zustand store's *initial* state (React's server snapshot), so after the test
 * fills the stores, each store's initial state is pointed at its current one.
 */
import type { CommandInfo } from '../../../shared/contract/dto/console'
import { createCommands } from '../app/commands'
import type { Session } from '../app/session-type'
import { createStores } from '../stores/stores'
import type { Stores } from '../stores/stores'
import { FakeClient } from './fake-client'

const command = (name: string, role: CommandInfo['role'], destructive: boolean, help: string, args: CommandInfo['args'] = []): CommandInfo => ({
  name,
  role,
  destructive,
  help,
  args
})
const arg = (name: string, type: string, required: boolean, help = '') => ({ name, type, required, help })

/** A command list like a host's (the contract's names and arguments; the host derives the real one from shared/contract/console-commands). */
export const sessionFixture = {
  commands: [
    command('help', 'viewer', false, 'List the commands.'),
    command('setneed', 'admin', false, "Set one of an agent's needs.", [arg('agent', 'string', true), arg('need', 'string', true), arg('value', 'number', true)]),
    command('teleport', 'admin', false, 'Move an agent to a floor tile.', [arg('agent', 'string', true), arg('x', 'int', true), arg('y', 'int', true)]),
    command('kill', 'admin', true, 'Remove an agent from the town.', [arg('agent', 'string', true), arg('reason', 'string', false)]),
    command('spawn', 'admin', false, 'Add an agent.', [arg('id', 'string', true), arg('home', 'string', false), arg('job', 'string', false)]),
    command('utility', 'admin', true, 'Turn power or water on or off.', [arg('utility', 'string', true), arg('on', 'boolean', true)])
  ] satisfies CommandInfo[]
}

export interface TestSession extends Session {
  client: FakeClient
}

/** A session whose stores `fill` has set up, connected, ready for renderToStaticMarkup. */
export function createTestSession(fill: (stores: Stores) => void = () => {}): TestSession {
  const client = new FakeClient()
  const stores = createStores()
  const commands = createCommands(client, stores)
  stores.connection.getState().setInfo({ state: 'connected' })
  fill(stores)
  for (const store of Object.values(stores)) {
    const frozen = store.getState()
    ;(store as { getInitialState: () => unknown }).getInitialState = () => frozen
  }
  return { client, stores, commands, dispose() {} }
}
