/**
 * Preload for the main window: exposes exactly one object, `window.api`, and nothing else.
 * No generic ipcRenderer passthrough: every channel is checked against the contract's allow-list.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createPreloadApi } from './create-api'

contextBridge.exposeInMainWorld('api', createPreloadApi(ipcRenderer))
