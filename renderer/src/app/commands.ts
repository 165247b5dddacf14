/**
 * Every operator action as one function: invoke, then route the reply. Status replies feed the
 * stores; config problems go to the config-errors panel; anything else becomes a notice.
 * Nothing here throws, and nothing here knows the transport.
 */
import type { Speed } from '../../../shared/contract/dto/shard-status'
import type { AppError } from '../../../shared/result'
import type { TownletClient } from '../api/townlet-client'
import { configLoadErrorFrom, failedLoadLogEntry } from '../stores/config-store'
import type { Stores } from '../stores/stores'
import { snapshotInvoke } from '../features/snapshots/snapshot-api'
import { createSnapshotCommands } from '../features/snapshots/snapshot-commands'
import { createTimelineCommands } from '../features/timeline/timeline-commands'
import { createHistoryCommands } from '../features/history/history-commands'
import { createConsoleCommands } from './console-commands'
import { createObserverCommands } from './observer-commands'
import { createPolicyCommands } from './policy-commands'
import { acceptStatus } from './shard-sync'

type ClockChannel = 'shard.status' | 'shard.start' | 'shard.pause' | 'shard.resume'

export function createCommands(client: TownletClient, stores: Stores) {
  const observer = createObserverCommands(client, stores)
  const consoleCommands = createConsoleCommands(client, stores)
  const policy = createPolicyCommands(client, stores)
  const snapshotChannels = snapshotInvoke(client)
  const snapshots = createSnapshotCommands(snapshotChannels, stores)
  const timeline = createTimelineCommands(snapshotChannels, stores)
  // A lost connection is already shown by the connection indicator and banner; a notice per
  // pending request would only repeat it.
  const notice = (error: AppError) => {
    if (error.code !== 'ipc.disconnected') stores.failures.getState().pushNotice(error)
  }

  async function clock(channel: ClockChannel): Promise<boolean> {
    const result = await client.invoke(channel, {})
    if (!result.ok) {
      notice(result.error)
      return false
    }
    acceptStatus(stores, result.value)
    return true
  }

  async function listConfigs(): Promise<void> {
    const result = await client.invoke('config.list', {})
    if (result.ok) stores.config.getState().setFiles(result.value)
    else notice(result.error)
  }

  async function loadConfig(path: string): Promise<boolean> {
    const config = stores.config.getState()
    config.setLoading(true)
    const result = await client.invoke('config.load', { path })
    config.setLoading(false)
    if (result.ok) {
      config.setSummary(result.value)
      config.setLoadError(null)
      // The header shows config_id from the status; fetch it now rather than wait for a frame.
      await clock('shard.status')
      return true
    }
    const loadError = configLoadErrorFrom(result.error, path)
    // Every failed load stays in the Log with its first errors, after the panel is dismissed too.
    stores.logs.getState().append(failedLoadLogEntry(path, result.error, loadError, Date.now()))
    if (loadError) config.setLoadError(loadError)
    else notice(result.error)
    return false
  }

  return {
    ...observer,
    ...consoleCommands,
    ...policy,
    ...snapshots,
    ...timeline,
    ...createHistoryCommands(client),
    /** Everything a fresh connection needs; the requests are independent. */
    async refresh(): Promise<void> {
      const infoRequest = client.invoke('app.info', {}).then((result) => {
        if (result.ok) stores.appInfo.getState().setInfo(result.value)
        else notice(result.error)
      })
      await Promise.all([
        infoRequest,
        clock('shard.status'),
        listConfigs(),
        consoleCommands.refreshConsole()
      ])
    },
    start: () => clock('shard.start'),
    /** Pause; the header says "pausing…" until the shard confirms (its reply). */
    async pause(): Promise<boolean> {
      stores.shard.getState().setPending('pausing')
      try {
        return await clock('shard.pause')
      } finally {
        stores.shard.getState().setPending(null)
      }
    },
    resume: () => clock('shard.resume'),
    /** A fresh worker with the last good config; with `snapshot` (the autosave a crash offers), that town loaded into it. */
    async restart(snapshot?: string): Promise<boolean> {
      const result = await client.invoke('shard.restart', snapshot === undefined ? {} : { snapshot })
      if (!result.ok) {
        notice(result.error)
        return false
      }
      acceptStatus(stores, result.value)
      stores.failures.getState().clearFailure()
      return true
    },
    async step(ticks: number): Promise<boolean> {
      const result = await client.invoke('shard.step', { ticks })
      if (!result.ok) notice(result.error)
      else acceptStatus(stores, result.value)
      return result.ok
    },
    async setSpeed(speed: Speed): Promise<boolean> {
      const result = await client.invoke('shard.set-speed', { speed })
      if (!result.ok) notice(result.error)
      else acceptStatus(stores, result.value)
      return result.ok
    },
    listConfigs,
    loadConfig,
    /** Native dialog (Electron), then load; a cancelled dialog does nothing. */
    async pickConfig(): Promise<boolean> {
      const result = await client.invoke('config.pick', {})
      if (!result.ok) {
        notice(result.error)
        return false
      }
      return result.value.path === null ? false : loadConfig(result.value.path)
    },
    async crashWorker(): Promise<void> {
      const result = await client.invoke('debug.crash-worker', {})
      if (!result.ok) notice(result.error)
    }
  }
}

export type Commands = ReturnType<typeof createCommands>
