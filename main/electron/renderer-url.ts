/**
 * The one URL our windows may show: the built renderer's index.html as a file:// URL.
 * Both the navigation guard and the IPC sender check compare against it.
 */
import { pathToFileURL } from 'node:url'

/** file:// URL of the renderer's index.html. */
export function rendererFileUrl(rendererPath: string): string {
  return pathToFileURL(rendererPath).href
}

/**
 * True when `url` is our renderer document. The hash and query are ignored (the renderer may use
 * them for its own state) but scheme, host and path must match exactly.
 */
export function isRendererUrl(url: string, rendererUrl: string): boolean {
  try {
    const a = new URL(url)
    const b = new URL(rendererUrl)
    return a.protocol === 'file:' && a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname
  } catch {
    return false
  }
}
