/**
 * Test support: snapshot documents of real towns. A shipped config is loaded through the real
 * loader, its town built with createWorld, ticked with no inputs (needs decay, stock restocks,
 * events fire) and captured with worldSnapshot, so the tests exercise what the app saves.
 */
import { join } from 'node:path'
import { loadConfigFile, type LoadedConfig } from '../../config/load-config'
import { testWorkspace } from '../../fs/testing/test-workspace'
import { compileRegistry } from '../../sim/affordances/registry'
import { NO_INPUTS } from '../../sim/inputs'
import type { World } from '../../sim/state/world'
import { tick } from '../../sim/tick'
import { createWorld } from '../../sim/town/create-world'
import { captureSnapshot, type CaptureIdentity, type SnapshotDocument } from '../snapshot-document'

export const CONFIGS = join(__dirname, '../../../configs')
export const SCRIPTED: CaptureIdentity = { policy_hash: null, backend: 'scripted', provider: null, observation_variant: 'hybrid' }

const cache = new Map<string, Promise<LoadedConfig>>()

/** A shipped config (path relative to configs/), loaded once per test file. */
export function shippedConfig(name = 'default.yaml'): Promise<LoadedConfig> {
  let loaded = cache.get(name)
  if (!loaded) {
    loaded = testWorkspace().then(async (ws) => {
      const r = await loadConfigFile(join(CONFIGS, name), ws)
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    })
    cache.set(name, loaded)
  }
  return loaded
}

/** The config's town, freshly built, after `ticks` ticks without inputs. */
export function townOf(loaded: LoadedConfig, ticks = 0): World {
  const registry = compileRegistry(loaded.affordances.manifest)
  if (!registry.ok) throw new Error('the registry does not compile')
  const built = createWorld(loaded.config, registry.registry)
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '))
  let events: ReturnType<typeof tick> = []
  for (let t = 0; t < ticks; t++) events = tick(built.world, NO_INPUTS)
  lastEvents.set(built.world, events)
  return built.world
}

const lastEvents = new WeakMap<World, ReturnType<typeof tick>>()

/** A document of a shipped config's town after `ticks` ticks. */
export async function realDocument(name = 'default.yaml', ticks = 30, who: CaptureIdentity = SCRIPTED): Promise<SnapshotDocument> {
  const world = townOf(await shippedConfig(name), ticks)
  return captureSnapshot(world, lastEvents.get(world) ?? [], who)
}

/** A deep copy to edit in a test. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** A document as plain JSON, to poke at any field of a copy in a test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary fields of copies
export type Loose = Record<string, any>
