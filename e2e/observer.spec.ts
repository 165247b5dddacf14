/**
 * The observer dashboard and the operator console against the real host: select an agent on the
 * map and in the table, see the inspector; as viewer a command is refused with a clear message;
 * as admin, hunger set to 0.1 shows at the next tick and lands in the audit log; spawn adds an
 * agent to the map and the table; kill asks first.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { observerTown } from './fixtures/observer-town'
import { readNumber, snap, stepBy } from './fixtures/app'
import { expect, expectReady, ROOT, test } from './fixtures/server'

const ADMIN_TOKEN = 'e2e-admin-token-0123456789'
test.use({ serveOptions: { config: 'configs/default.yaml', env: { TOWNLET_ADMIN_TOKEN: ADMIN_TOKEN } } })

test('observe, inspect and act on the town as viewer and admin', async ({ page, server }) => {
  test.setTimeout(120_000)
  await page.goto(server.url)
  await expectReady(page)

  await test.step('the map shows the eight people of the default town', async () => {
    await page.getByTestId('nav-map').click()
    await expect(page.getByTestId('map-agent-count')).toHaveText('8')
    await expect(page.getByTestId('role-badge')).toHaveText(/viewer/i)
    await snap(page, '30-map')
  })

  await test.step('click an agent on the map: the inspector opens on it', async () => {
    const full = await observerTown(server)
    const counts = new Map<string, number>()
    for (const a of full.agents) counts.set(`${a.x},${a.y}`, (counts.get(`${a.x},${a.y}`) ?? 0) + 1)
    const alone = full.agents.find((a) => counts.get(`${a.x},${a.y}`) === 1)!
    const canvas = page.getByTestId('map-canvas')
    await expect(canvas).toHaveAttribute('data-view', /\d/)
    const [scale, ox, oy] = ((await canvas.getAttribute('data-view')) ?? '').split(' ').map(Number) as [number, number, number]
    await canvas.click({ position: { x: (alone.x + 0.5) * scale + ox, y: (alone.y + 0.5) * scale + oy } })
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-agent-id', alone.id)
    await expect(page.getByTestId('inspector-home')).toHaveText('house')
    await snap(page, '31-map-inspector')
  })

  await test.step('click a row in the agents table: the inspector follows', async () => {
    await page.getByTestId('nav-agents').click()
    await page.locator('[data-testid="agent-row"][data-agent-id="bob"]').click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-agent-id', 'bob')
    await snap(page, '32-agents-inspector')
  })

  await test.step('as viewer, commands are disabled and a console setneed is refused, saying why', async () => {
    await expect(page.getByTestId('inspector-setneed-apply')).toBeDisabled()
    await expect(page.getByTestId('command-disabled-reason')).toContainText(/admin/i)
    await page.getByTestId('nav-console').click()
    await page.getByTestId('console-raw').check()
    await page.getByTestId('console-command').selectOption('setneed')
    await page.getByTestId('console-args-json').fill('{"agent": "bob", "need": "hunger", "value": 0.1}')
    await page.getByTestId('console-run').click()
    const refused = page.getByTestId('console-result').first()
    await expect(refused).toHaveAttribute('data-code', 'console.forbidden')
    await expect(refused.getByTestId('console-result-message')).toContainText(/admin/i)
    await snap(page, '33-console-forbidden')
  })

  await test.step('a wrong token is refused; the right one makes this session admin', async () => {
    await page.getByTestId('admin-token').fill('not-the-token')
    await page.getByTestId('btn-admin').click()
    await expect(page.getByTestId('admin-error')).toBeVisible()
    await expect(page.getByTestId('role-badge')).toHaveText(/viewer/i)
    await page.getByTestId('admin-token').fill(ADMIN_TOKEN)
    await page.getByTestId('btn-admin').click()
    await expect(page.getByTestId('role-badge')).toHaveText(/admin/i)
  })

  await test.step('as admin, hunger 0.1 shows at the next tick and lands in the audit log', async () => {
    await page.getByTestId('nav-agents').click()
    await page.locator('[data-testid="agent-row"][data-agent-id="bob"]').click()
    await page.getByTestId('inspector-setneed-need').selectOption('hunger')
    await page.getByTestId('inspector-setneed-value').fill('0.1')
    await page.getByTestId('inspector-setneed-apply').click()
    await expect(page.getByTestId('inspector-last-result')).toHaveAttribute('data-status', /queued|ok/)
    await stepBy(page, 1)
    await expect.poll(() => readNumber(page, 'inspector-need-hunger')).toBeLessThanOrEqual(10)
    await expect(page.getByTestId('inspector-last-result')).toHaveAttribute('data-status', 'ok')
    const cmdId = await page.getByTestId('inspector-command').first().getAttribute('title')
    const audit = readFileSync(join(ROOT, 'logs/console-audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { command: string; role: string; status: string; args: { agent?: string }; cmd_id: string })
    const line = audit.filter((l) => l.command === 'setneed' && l.args.agent === 'bob' && l.role === 'admin').pop()
    expect(line).toMatchObject({ status: 'ok' })
    expect(cmdId ?? '').toContain(line!.cmd_id)
    await snap(page, '34-admin-setneed')
  })

  await test.step('spawn adds an agent to the map and the table', async () => {
    await page.getByTestId('btn-spawn').click()
    await page.getByTestId('spawn-id').fill('zed')
    await page.getByTestId('spawn-confirm').click()
    await stepBy(page, 1)
    await expect(page.locator('[data-testid="agent-row"][data-agent-id="zed"]')).toBeVisible()
    await page.getByTestId('nav-map').click()
    await expect(page.getByTestId('map-agent-count')).toHaveText('9')
    await snap(page, '35-spawned')
  })

  await test.step('kill asks for confirmation; no keeps the agent', async () => {
    await page.getByTestId('nav-agents').click()
    await page.locator('[data-testid="agent-row"][data-agent-id="zed"]').click()
    await page.getByTestId('inspector-kill').click()
    await expect(page.getByTestId('confirm-dialog')).toBeVisible()
    await snap(page, '36-kill-confirm')
    await page.getByTestId('confirm-no').click()
    await stepBy(page, 1)
    await expect(page.locator('[data-testid="agent-row"][data-agent-id="zed"]')).toBeVisible()
  })
})
