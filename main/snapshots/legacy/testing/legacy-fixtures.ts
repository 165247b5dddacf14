/**
 * Test support: the legacy fixtures under configs/snapshots/legacy/ and target worlds built
 * through the real config loader, registry and town builder.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadEmbeddedDefault, parseConfigText } from '../../../config/load-config'
import { compileRegistry } from '../../../sim/affordances/registry'
import { createWorld } from '../../../sim/town/create-world'
import type { LoadedConfig } from '../../../config/load-config'
import type { LegacyImportTarget } from '../import-legacy'

const FIXTURES = join(__dirname, '../../../../configs/snapshots/legacy')

export const ENVELOPE_FIXTURE = 'townlet-1.6-envelope.json'
export const BARE_FIXTURE = 'townlet-1.x-bare-pickled-rng.json'

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'))
}

export function targetOf(loaded: LoadedConfig): LegacyImportTarget {
  const registry = compileRegistry(loaded.affordances.manifest)
  if (!registry.ok) throw new Error('registry does not compile')
  const built = createWorld(loaded.config, registry.registry)
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '))
  return { config: loaded.config, configId: loaded.config.config_id, world: built.world }
}

/** configs/default.yaml, as the app loads it when no other config is named. */
export function defaultTarget(): LegacyImportTarget {
  return targetOf(loadEmbeddedDefault())
}

/** The default town with perturbation specs named as the original's were, none drawn at random. */
export function targetWithPerturbations(): LegacyImportTarget {
  const text = readFileSync(join(FIXTURES, '../../default.yaml'), 'utf8').replace(/^config_id: default$/m, 'config_id: default_shocks')
  const loaded = parseConfigText(`${text}
perturbations:
  max_concurrent: 4
  events:
    price_spike: { kind: price_spike, targets: [market], magnitude: [1.2, 1.8], duration: [60, 120] }
    blackout: { kind: power_outage, duration: [20, 60] }
    arranged_meet: { kind: arranged_meet, location: stove, participants: 2, duration: [30, 45] }
`, 'shocks.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  return targetOf(loaded.value)
}
