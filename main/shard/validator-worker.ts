/**
 * The config validator's worker loop: read and check what the host names (config.load, the
 * launch config, an affordance hot reload) — the YAML, the schema, the registry, and for a config
 * the whole town built once — here, off the host's main thread, so a huge population or a
 * hostile file costs this thread, which the host can stop at its deadline, and never the clients.
 */
import type { MessagePort } from 'node:worker_threads'
import { loadAffordanceFile } from '../config/load-affordances'
import { loadConfigFile } from '../config/load-config'
import { Workspace } from '../fs/workspace'
import { VALIDATOR_READY, ValidatorRequestSchema, type AffordanceCheck, type ValidatorReply } from './validator-protocol'

export const VALIDATOR_ROLE = 'config-validator'

export function runValidatorWorker(port: MessagePort): void {
  const post = (reply: ValidatorReply): void => port.postMessage(reply)
  port.on('message', (raw: unknown) => {
    const parsed = ValidatorRequestSchema.safeParse(raw)
    // Only the host talks to this thread; a message it cannot read is dropped (the host's deadline answers).
    if (!parsed.success) return
    const request = parsed.data
    void (async () => {
      const workspace = await Workspace.create(request.roots)
      if (request.type === 'config') {
        post({ type: 'config', seq: request.seq, result: await loadConfigFile(request.path, workspace, request.base) })
        return
      }
      const load = await loadAffordanceFile(request.path, workspace, request.base)
      const check: AffordanceCheck = load.ok ? { ok: true, affordances: load.affordances, warnings: load.warnings } : { ok: false, issues: load.issues, warnings: load.warnings }
      post({ type: 'affordances', seq: request.seq, check })
    })()
  })
  port.postMessage(VALIDATOR_READY)
}
