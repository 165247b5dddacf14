import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { rendererFileUrl } from './renderer-url'
import { CONTENT_SECURITY_POLICY, setupSecurity } from './security'
import { app, fakeEvent, FakeWebContents, resetFakeElectron, session } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

const rendererUrl = rendererFileUrl('/opt/townlet/out/renderer/index.html')

function hardenedContents(): FakeWebContents {
  setupSecurity(rendererUrl)
  const contents = new FakeWebContents()
  app.emit('web-contents-created', fakeEvent(), contents)
  return contents
}

function navigate(contents: FakeWebContents, url: string): boolean {
  const event = fakeEvent()
  contents.emit('will-navigate', event, url)
  return !event.defaultPrevented
}

beforeEach(() => resetFakeElectron())

describe('setupSecurity', () => {
  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'file:///opt/townlet/out/renderer/other.html',
    'javascript:alert(1)',
    'not a url'
  ])('denies navigation to %s', (url) => {
    expect(navigate(hardenedContents(), url)).toBe(false)
  })

  it('allows navigation to our own renderer file (hash ignored)', () => {
    const contents = hardenedContents()
    expect(navigate(contents, rendererUrl)).toBe(true)
    expect(navigate(contents, `${rendererUrl}#/kpis`)).toBe(true)
  })

  it('denies window.open', () => {
    const contents = hardenedContents()
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: rendererUrl })).toEqual({ action: 'deny' })
  })

  it('denies attaching webviews', () => {
    const contents = hardenedContents()
    const event = fakeEvent()
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.defaultPrevented).toBe(true)
  })

  it('denies every permission request and check but notifications (opt-in priority alerts)', () => {
    setupSecurity(rendererUrl)
    const callback = vi.fn()
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    session.defaultSession.permissionRequestHandler?.({}, 'notifications', callback)
    expect(callback).toHaveBeenLastCalledWith(true)
    expect(session.defaultSession.permissionCheckHandler?.({}, 'notifications')).toBe(true)
    expect(session.defaultSession.permissionCheckHandler?.({}, 'geolocation')).toBe(false)
  })

  it('sets a strict CSP header on every response, keeping the other headers', () => {
    setupSecurity(rendererUrl)
    const callback = vi.fn()
    session.defaultSession.headersHandler?.({ url: rendererUrl, responseHeaders: { 'X-Other': ['1'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })

  it('uses the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toContain('ws:')
  })
})

describe('CSP drift guard', () => {
  const html = join(__dirname, '../../renderer/index.html')
  // The renderer is written in parallel; the guard starts biting once index.html exists.
  const parse = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...sources]) => [name!, new Set(sources)] as const)
    )
  // The renderer is written in parallel; the guard starts biting once index.html exists.
  it.skipIf(!existsSync(html))('is never looser than the meta tag in renderer/index.html', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(readFileSync(html, 'utf8'))
    expect(meta).not.toBeNull()
    const header = parse(CONTENT_SECURITY_POLICY)
    for (const [name, sources] of parse(meta![1]!)) {
      // Every directive of the meta is repeated in the header, with no source the meta lacks.
      expect(header.has(name), `header lacks ${name}`).toBe(true)
      for (const source of header.get(name)!) expect(sources.has(source), `${name} ${source} is not in the meta`).toBe(true)
    }
  })
})
