/**
 * The app's telemetry transport, end to end: a config whose telemetry.transport points at a real
 * TCP collector on 127.0.0.1 streams the running town there; the Telemetry panel's dot is green.
 * The collector goes away: the dot turns red, failures and drops count up, and the town keeps
 * ticking. It comes back on the same port: green again, and messages arrive again.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { becomeAdmin, loadConfigByPath, readNumber, readTick, snap } from './fixtures/app'
import { expect, expectReady, ROOT, test } from './fixtures/server'

const DIR = 'reports/e2e-transport'

/** A real NDJSON collector that can go down and come back on the same port. */
class Collector {
  lines: string[] = []
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  port = 0

  async up(): Promise<void> {
    const server = createServer((socket) => {
      this.sockets.add(socket)
      let rest = ''
      socket.setEncoding('utf8').on('data', (d: string) => {
        const parts = (rest + d).split('\n')
        rest = parts.pop() ?? ''
        this.lines.push(...parts.filter((l) => l !== ''))
      })
      socket.on('close', () => this.sockets.delete(socket))
      socket.on('error', () => {})
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.port = (server.address() as { port: number }).port
    this.server = server
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
    const server = this.server
    this.server = null
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  }
}

const collector = new Collector()
test.afterAll(() => collector.down())

test('the transport dot turns red when the TCP endpoint goes away and green when it comes back, while the town ticks on', async ({ page, server }) => {
  await collector.up()
  rmSync(join(ROOT, DIR), { recursive: true, force: true })
  mkdirSync(join(ROOT, DIR), { recursive: true })
  const config = `${DIR}/tcp-stream.yaml`
  writeFileSync(
    join(ROOT, config),
    [
      'config_id: e2e-tcp-stream',
      'seed: 11',
      'runtime:',
      '  tick_ms: 20',
      'telemetry:',
      '  transport:',
      // A small buffer, so an endpoint that is down shows drops within seconds.
      '    buffer: { max_buffer_bytes: 16384, flush_interval_ms: 20 }',
      '    retry: { base_ms: 50, max_ms: 300 }',
      '    transports:',
      `      - { kind: tcp, host: 127.0.0.1, port: ${collector.port}, connect_timeout_ms: 500 }`,
      ''
    ].join('\n')
  )

  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  await loadConfigByPath(page, config)
  await expect(page.getByTestId('header-config-id')).toHaveText('e2e-tcp-stream')
  await page.getByTestId('btn-start').click()
  await page.getByTestId('nav-telemetry').click()

  const row = page.getByTestId('telemetry-row').filter({ hasText: 'tcp' })
  await expect(row).toHaveAttribute('data-health', 'ok', { timeout: 15_000 })
  await expect.poll(() => collector.lines.length, { timeout: 15_000 }).toBeGreaterThan(0)
  await snap(page, '61-transport-green')

  // The endpoint goes away.
  await collector.down()
  await expect(row).toHaveAttribute('data-health', 'down', { timeout: 15_000 })
  const failuresAtRed = await readNumber(page, 'telemetry-failures')
  await expect.poll(() => readNumber(page, 'telemetry-dropped'), { timeout: 20_000 }).toBeGreaterThan(0)
  await expect.poll(() => readNumber(page, 'telemetry-failures'), { timeout: 15_000 }).toBeGreaterThan(failuresAtRed)
  await expect(row.getByTestId('telemetry-error')).not.toBeEmpty()
  // The town does not wait for its telemetry.
  const tickAtRed = await readTick(page)
  await expect.poll(() => readTick(page), { timeout: 10_000 }).toBeGreaterThan(tickAtRed + 20)
  await snap(page, '62-transport-red')

  // It comes back on the same port: the transport reconnects and messages arrive again.
  collector.lines = []
  await collector.up()
  await expect(row).toHaveAttribute('data-health', 'ok', { timeout: 20_000 })
  await expect.poll(() => collector.lines.length, { timeout: 15_000 }).toBeGreaterThan(0)
  const message = JSON.parse(collector.lines.at(-1) ?? '{}') as { schema_version?: string; kind?: string }
  expect(message.schema_version).toMatch(/^1\./)
  await expect(row.getByTestId('telemetry-error')).toBeEmpty({ timeout: 10_000 })
  await snap(page, '63-transport-green-again')
})
