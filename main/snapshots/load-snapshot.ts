/**
 * From a snapshot file to a world ready to resume: read through the workspace (bounded), decode
 * and check the document, apply the guardrails against the config that will run it, and restore
 * the world into a town freshly built from that config. Each step answers with a coded error;
 * nothing running is touched here, so a failed load leaves the caller's shard as it was.
 */
import { err, ok, type Result } from '../../shared/result'
import type { LoadedConfig } from '../config/load-config'
import type { Workspace } from '../fs/workspace'
import { compileRegistry } from '../sim/affordances/registry'
import { restoreWorld } from '../sim/snapshot/restore-world'
import type { SimEvent, World } from '../sim/state/world'
import { createWorld } from '../sim/town/create-world'
import { decodeSnapshot, MAX_SNAPSHOT_BYTES } from './snapshot-codec'
import type { SnapshotDocument } from './snapshot-document'

export interface ResumePoint {
  world: World
  lastEvents: SimEvent[]
  doc: SnapshotDocument
}

export async function readSnapshotFile(path: string, files: { workspace: Workspace; base: string }, options: { allowDowngrade?: boolean } = {}): Promise<Result<SnapshotDocument>> {
  const read = await files.workspace.readBytes(path, { base: files.base, what: 'snapshot', maxBytes: MAX_SNAPSHOT_BYTES, codes: { notFound: 'snapshot.not_found', unreadable: 'snapshot.invalid' } })
  if (!read.ok) return read.error.message.includes('more than') ? err('snapshot.too_large', read.error.message) : read
  return decodeSnapshot(read.value.bytes, options)
}

/**
 * The guardrails, then the restore. A snapshot of another config_id is refused (until a
 * migration turns it into this config's: `townlet snapshot migrate`), naming both ids.
 */
export function resumePoint(doc: SnapshotDocument, loaded: LoadedConfig): Result<ResumePoint> {
  const want = loaded.summary.config_id
  if (doc.identity.config_id !== want) {
    return err(
      'snapshot.config_mismatch',
      `the snapshot is of config_id "${doc.identity.config_id.slice(0, 80)}", the config is "${want}": load it with the config it was saved under, or migrate it to this one first`,
      { snapshot_config_id: doc.identity.config_id.slice(0, 200), config_id: want }
    )
  }
  const registry = compileRegistry(loaded.affordances.manifest)
  if (!registry.ok) return err('config.invalid', 'the config\'s affordance registry does not compile')
  const fresh = createWorld(loaded.config, registry.registry)
  if (!fresh.ok) return err('config.invalid', `the config's town does not build: ${fresh.problems.map((p) => p.message).join('; ')}`)
  const restored = restoreWorld(fresh.world, doc.state.world)
  if (!restored.ok) return err('snapshot.invalid', `the saved world does not fit this town: ${restored.problems.join('; ')}`)
  return ok({ world: restored.world, lastEvents: doc.state.last_events as unknown as SimEvent[], doc })
}
