/**
 * App-wide security defaults, set up once before any window exists: every web contents may not
 * navigate away, open windows, attach webviews or get permissions, and every response carries a
 * strict CSP header on top of the renderer's meta tag (both are enforced, so neither alone is
 * load-bearing).
 */
import { app, session, type WebContents } from 'electron'
import { isRendererUrl } from './renderer-url'

/**
 * The renderer's meta-tag policy, tightened for Electron: no WebSocket sources (the Electron page
 * talks over IPC; only browser mode needs ws:), plus `frame-ancestors`, which only works as a
 * header. A test keeps this never looser than the meta tag in renderer/index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and recharts set inline styles; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Lock down one web contents: navigation only to our renderer, no popups, no webviews. */
export function hardenWebContents(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isRendererUrl(url, rendererUrl)) event.preventDefault()
  })
  // Deny rather than shell.openExternal: the UI has no links that should leave the app.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Add our CSP to a response's headers (pure, for the webRequest hook and its test). */
export function withCspHeader(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
}

/**
 * Install the app-wide guards. Call before the first window is created: `web-contents-created`
 * only sees contents created after it is attached.
 */
export function setupSecurity(rendererUrl: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, rendererUrl))

  const ses = session.defaultSession
  // The workstation needs no camera, microphone, clipboard-read or other permissions; only
  // notifications, which the operator opts into for priority stability alerts.
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'))
  ses.setPermissionCheckHandler((_contents, permission) => permission === 'notifications')
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) })
  })
}
