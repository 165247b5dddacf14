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
