/**
 * Loading a config replaces the town: a running town, or one that has ticked, is gone once the
 * new config loads. So the picker asks first then (and only then: a town at tick 0 has nothing to
 * lose). It offers to save the town as a snapshot first ("Save, then load"): a save that fails
 * stops there, so the town is never lost to a load the operator meant to follow a save.
 */
import type { ShardStatus } from '../../../../shared/contract/dto/shard-status'
import type { ConfirmRequest } from '../../components/confirm-dialog'
import { formatCount } from '../../components/format'

/** True when loading a config would throw away a town that ran. */
export function townAtStake(status: Pick<ShardStatus, 'state' | 'tick'> | null): boolean {
  return status !== null && (status.state === 'running' || status.tick > 0)
}

/** The file's name, for a title: "/a/b/fast.yaml" → "fast.yaml". */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}

/**
 * The confirmation before `target` replaces the town, or null when there is nothing to lose.
 * `target` null: the native file dialog comes next, so the file is not known yet.
 */
export function replaceTownRequest(
  status: Pick<ShardStatus, 'state' | 'tick' | 'config'> | null,
  target: string | null,
  onConfirm: () => void,
  saveFirst?: () => void
): ConfirmRequest | null {
  if (!status || !townAtStake(status)) return null
  const what = target === null ? 'another config' : fileName(target)
  const running = status.state === 'running' ? ', running' : ''
  return {
    title: `Load ${what}?`,
    message:
      `The current town (${status.config.config_id}, tick ${formatCount(status.tick)}${running}) will be replaced when ${what} loads: ` +
      'its agents, their history and any queued commands are not kept unless you save it first (a snapshot in the Snapshots panel). ' +
      'If the new config is refused, the current town stays.',
    confirmLabel: target === null ? 'Choose a config' : `Load ${what}`,
    onConfirm,
    ...(saveFirst ? { alternative: { label: target === null ? 'Save, then choose' : 'Save, then load', onChoose: saveFirst } } : {})
  }
}
