/**
 * Browser mode listens on 127.0.0.1 and requires the per-run token it printed: a page opened
 * without it, or with a wrong one, never becomes ready, and a raw socket with a bad token is
 * refused (close 4401 after the upgrade, or HTTP 401 on the upgrade itself); so is a socket
 * opened from another origin.
 */
import WebSocket from 'ws'
import { snap } from './fixtures/app'
import { expect, expectReady, test, type RunningServer } from './fixtures/server'

const SOCKET_PATH = '/ws'

for (const [name, query] of [
  ['without a token', ''],
  ['with a wrong token', '?token=not-the-token']
] as const) {
  test(`the page ${name} shows a refused connection, not the app`, async ({ page, server }) => {
    await page.goto(`${server.origin}/${query}`)
    // The host closes the socket with 4401; the page says why and does not retry.
    await expect(page.locator('[data-app-state]')).toHaveAttribute('data-app-state', 'disconnected')
    await expect(page.getByTestId('header-connection')).toHaveText('disconnected')
    await expect(page.getByTestId('header-connection')).toHaveAttribute('title', /token/i)
    await expect(page.getByRole('status').filter({ hasText: /access token/i })).toBeVisible()
    await expect(page.getByTestId('btn-step')).toBeDisabled()
    await snap(page, `00-refused-${query ? 'wrong-token' : 'no-token'}`)
  })
}

test('the page with the printed token gets ready', async ({ page, server }) => {
  await page.goto(server.url)
  await expectReady(page)
  await expect(page.getByTestId('header-connection')).not.toContainText(/refused/i)
})

type SocketOutcome = { kind: 'open' } | { kind: 'close'; code: number } | { kind: 'http'; status: number } | { kind: 'error'; message: string }

/** Opens a raw socket and reports how the server answered. */
function trySocket(server: RunningServer, token: string | null, origin = server.origin): Promise<{ outcome: SocketOutcome; ws: WebSocket }> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${SOCKET_PATH}${query}`, { origin })
  return new Promise((resolve) => {
    ws.once('open', () => {
      // A server that checks after the upgrade closes right away; wait for that or a reply.
      const timer = setTimeout(() => resolve({ outcome: { kind: 'open' }, ws }), 2_000)
      ws.once('close', (code) => {
        clearTimeout(timer)
        resolve({ outcome: { kind: 'close', code }, ws })
      })
    })
    ws.once('unexpected-response', (_req, res) => resolve({ outcome: { kind: 'http', status: res.statusCode ?? 0 }, ws }))
    ws.once('error', (e) => resolve({ outcome: { kind: 'error', message: e.message }, ws }))
  })
}

function isRefused(outcome: SocketOutcome): boolean {
  return (outcome.kind === 'close' && outcome.code === 4401) || (outcome.kind === 'http' && outcome.status === 401)
}

test('a raw WebSocket with a bad or missing token is refused; the right token is answered', async ({ server }) => {
  for (const token of ['wrong', '', null, `${server.token}x`]) {
    const { outcome, ws } = await trySocket(server, token)
    ws.terminate()
    expect(isRefused(outcome), `token ${JSON.stringify(token)} → ${JSON.stringify(outcome)}`).toBe(true)
  }

  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${SOCKET_PATH}?token=${server.token}`, { origin: server.origin })
  const reply = await new Promise<unknown>((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app.info', payload: {} })))
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { type?: string; id?: number }
      if (msg.type === 'reply' && msg.id === 1) resolve(msg)
    })
    ws.once('close', (code) => reject(new Error(`closed with ${code} before answering`)))
    ws.once('error', reject)
  })
  ws.close()
  expect(reply).toMatchObject({ type: 'reply', id: 1, result: { ok: true } })
})

test('a page of another origin is refused even with the right token', async ({ server }) => {
  const { outcome, ws } = await trySocket(server, server.token, 'http://attacker.example')
  ws.terminate()
  // 4403: SOCKET_CLOSE_FORBIDDEN_ORIGIN in shared/contract/socket-protocol.ts.
  expect(outcome).toEqual({ kind: 'close', code: 4403 })
})
