/**
 * Builds the `window.api` object from an ipcRenderer-like port. Kept apart from `index.ts` so it
 * can be tested without contextBridge. Deliberately zod-free: a sandboxed preload cannot require
 * node_modules, and the renderer validates replies against the contract itself.
 */
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from '../shared/contract/channel-names'
import type { PreloadApi } from '../shared/contract/preload-api'
import { err } from '../shared/result'

/** The slice of `ipcRenderer` the api needs; the listener's first argument is the IpcRendererEvent. */
export interface IpcPort {
  invoke(channel: string, payload: unknown): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
}

// Sets, not arrays, so a lookup never walks the prototype ('toString' is not a channel).
const invokeNames: ReadonlySet<string> = new Set(INVOKE_CHANNEL_NAMES)
const eventNames: ReadonlySet<string> = new Set(EVENT_CHANNEL_NAMES)

/** Create the api: only allow-listed channels pass, and nothing Electron-specific reaches the page. */
export function createPreloadApi(ipc: IpcPort): PreloadApi {
  return {
    async invoke(channel, payload) {
      if (typeof channel !== 'string' || !invokeNames.has(channel)) {
        return err('ipc.unknown_channel', `unknown invoke channel '${String(channel)}'`)
      }
      try {
        // The main side always answers with a Result; a rejection means the handler or process is gone.
        return (await ipc.invoke(channel, payload)) as Awaited<ReturnType<PreloadApi['invoke']>>
      } catch (e) {
        return err('ipc.disconnected', `no reply on '${channel}': ${e instanceof Error ? e.message : String(e)}`)
      }
    },
    on(channel, listener) {
      if (typeof channel !== 'string' || !eventNames.has(channel) || typeof listener !== 'function') {
        // Refuse quietly with a no-op unsubscribe: the page must not be able to crash the preload.
        return () => {}
      }
      // The IpcRendererEvent carries `sender` (ipcRenderer itself): it must never reach the page.
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload)
      ipc.on(channel, wrapped)
      return () => {
        ipc.removeListener(channel, wrapped)
      }
    }
  }
}
