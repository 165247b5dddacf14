/**
 * Hostile requests at browser mode's HTTP side: only the built renderer is ever served, whatever
 * the path, its encoding, a link planted in the folder, the method or the Host header says.
 */
import { request } from 'node:http'
import { symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { serveTestHost, type Served } from './testing/socket-harness'

let served: Served | undefined
afterEach(async () => {
  await served?.close()
  served = undefined
})

/** A raw GET (fetch normalises paths and refuses some headers, which would hide what is tested). */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('static files', () => {
  it('never serves a file outside the renderer, however the path is spelt', async () => {
    served = await serveTestHost()
    const { port } = served.server
    for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cetc%5cpasswd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/%252e%252e/etc/passwd', '/index.html%00.js', '//etc/passwd', '/%ZZ']) {
      const res = await get(port, path)
      expect([400, 404], path).toContain(res.status)
      expect(res.body, path).not.toMatch(/root:|"name":/)
    }
  })

  it('does not follow a link planted in the renderer folder to a file outside it', async () => {
    served = await serveTestHost()
    const root = served.rendererDir
    await writeFile(join(root, '..', 'outside-secret.txt'), 'secret outside the renderer')
    await symlink(join(root, '..', 'outside-secret.txt'), join(root, 'leak.txt'))
    const res = await get(served.server.port, '/leak.txt')
    expect(res.status).toBe(404)
    expect(res.body).not.toContain('secret')
  })

  it('answers only GET and HEAD, and only under its own host names', async () => {
    served = await serveTestHost()
    const { port } = served.server
    expect((await get(port, '/', {}, 'POST')).status).toBe(405)
    expect((await get(port, '/', {}, 'HEAD')).status).toBe(200)
    expect((await get(port, '/', { host: 'attacker.example' })).status).toBe(421)
    expect((await get(port, '/', { host: `localhost:${port}` })).status).toBe(200)
  })
})

/** A raw request to the HTTP API: any method, headers and body bytes; `hold` keeps the body open. */
function api(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; hold?: boolean } = {}): { done: Promise<{ status: number; headers: Record<string, unknown>; body: string }> } {
  const done = new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    if (!options.hold) req.end()
  })
  return { done }
}

describe('the HTTP API', () => {
  const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })

  it('gives a page of another origin nothing, not even CORS headers', async () => {
    served = await serveTestHost()
    const { port, token } = served.server
    for (const [method, headers] of [
      ['POST', { ...json(token), origin: 'http://evil.example' }],
      ['GET', { authorization: `Bearer ${token}`, origin: 'http://evil.example' }],
      ['GET', { authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' }],
      ['OPTIONS', { origin: 'http://evil.example', 'access-control-request-method': 'POST' }]
    ] as const) {
      const res = await api(port, method === 'GET' ? '/metrics' : '/api/console', { method, headers, ...(method === 'POST' ? { body: '{"name":"help"}' } : {}) }).done
      expect([403, 405], `${method} ${JSON.stringify(headers)}`).toContain(res.status)
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
      expect(res.body).not.toContain('townlet_tick')
    }
    const own = await api(port, '/api/status', { method: 'GET', headers: { authorization: `Bearer ${token}`, origin: `http://127.0.0.1:${port}` } }).done
    expect(own.status).toBe(200)
    expect((await api(port, '/metrics', { method: 'GET', headers: { host: 'attacker.example', authorization: `Bearer ${token}` } }).done).status).toBe(421)
  })

  it('takes the token only as a bearer header, and never echoes an odd one', async () => {
    served = await serveTestHost()
    const { port, token } = served.server
    const huge = `Bearer ${'k'.repeat(10_000)}`
    for (const headers of [{}, { authorization: huge }, { authorization: `Basic ${token}` }, { authorization: `Bearer ${token} extra` }, { authorization: `Bearer ${token}\u00e9` }]) {
      const res = await api(port, `/api/status?token=${token}`, { method: 'GET', headers: headers as Record<string, string> }).done
      expect(res.status).toBe(401)
      expect(res.body).not.toContain('kkkk')
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'http.unauthorized' } })
    }
  })

  it('bounds bodies: declared or streamed too big, not UTF-8, too deep, too slow', async () => {
    served = await serveTestHost({}, { apiLimits: { timeoutMs: 300 } })
    const { port, token } = served.server
    const declared = await api(port, '/api/console', { headers: { ...json(token), 'content-length': String(1 << 30) }, body: '{}', hold: true }).done
    expect([declared.status, JSON.parse(declared.body).error.code]).toEqual([413, 'http.too_large'])
    const chunked = await api(port, '/api/console', { headers: { ...json(token), 'transfer-encoding': 'chunked' }, body: `{"name":"help","args":{"pad":"${'x'.repeat(200 * 1024)}"}}` }).done
    expect(chunked.status).toBe(413)
    const bytes = await api(port, '/api/console', { headers: json(token), body: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }).done
    expect([bytes.status, JSON.parse(bytes.body).error.code]).toEqual([400, 'http.invalid_json'])
    const deep = await api(port, '/api/console', { headers: json(token), body: `${'['.repeat(30_000)}${']'.repeat(30_000)}` }).done
    expect(deep.status).toBe(400)
    const slow = await api(port, '/api/console', { headers: json(token), body: '{"name":', hold: true }).done
    expect([slow.status, JSON.parse(slow.body).error.code]).toEqual([408, 'http.timeout'])
    // Still answering after all of it.
    expect((await api(port, '/api/console', { headers: json(token), body: '{"name":"help"}' }).done).status).toBe(200)
  })

  it('bounds requests in flight, and answers unknown paths and methods with codes', async () => {
    served = await serveTestHost({}, { apiLimits: { maxInFlight: 1, timeoutMs: 2000 } })
    const { port, token } = served.server
    const held = api(port, '/api/console', { headers: json(token), body: '{"na', hold: true })
    await new Promise((r) => setTimeout(r, 200))
    const busy = await api(port, '/api/status', { method: 'GET', headers: { authorization: `Bearer ${token}` } }).done
    expect([busy.status, JSON.parse(busy.body).error.code]).toEqual([503, 'http.busy'])
    expect((await held.done).status).toBe(408)
    const unknown = await api(port, '/api/nope', { method: 'GET', headers: { authorization: `Bearer ${token}` } }).done
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, 'http.not_found'])
    const method = await api(port, '/api/console', { method: 'PUT', headers: json(token), body: '{}' }).done
    expect([method.status, JSON.parse(method.body).error.code]).toEqual([405, 'http.method_not_allowed'])
  })
})
