/**
 * The policy runtime against the real host: a viewer sees the Policy panel but cannot swap or
 * anneal; an admin swaps in the release model (the panel shows onnx, its hash, the CPU provider),
 * runs the town and sees the model decide with its latency; the inspector's decision trace shows
 * why an agent chose what it did; the anneal ratio moves to 0.5; an agent is possessed, walked to
 * the fridge and sent to use it, its decisions marked operator, and released.
 */
import type { Page } from '@playwright/test'
import { observerTown } from './fixtures/observer-town'
import type { DecisionTrace, PolicyStatus } from '../shared/contract/dto/policy'
import { readNumber, readTick, snap, stepBy } from './fixtures/app'
import { invokeHost } from './fixtures/host-client'
import { expect, expectReady, type RunningServer, test } from './fixtures/server'

const ADMIN_TOKEN = 'e2e-policy-token-0123456789'
const RELEASE_MODEL = 'configs/policies/release.onnx'
const MAP_CHANNELS = ['self', 'agents', 'objects', 'reservations']
test.use({ serveOptions: { config: 'configs/default.yaml', env: { TOWNLET_ADMIN_TOKEN: ADMIN_TOKEN } } })

const policyStatus = (server: RunningServer) => invokeHost<PolicyStatus>(server, 'policy.status')
const trace = (server: RunningServer, id: string) => invokeHost<DecisionTrace>(server, 'policy.trace', { id })

/** Where an agent stands, from the host's own frame. */
async function positionOf(server: RunningServer, id: string): Promise<{ x: number; y: number }> {
  const full = await observerTown(server)
  const agent = full.agents.find((a) => a.id === id)
  if (!agent) throw new Error(`${id} is not in the town`)
  return { x: agent.x, y: agent.y }
}

/** The "total" column of a row in Decisions by source. */
async function decisionTotal(page: Page, source: 'scripted' | 'learned' | 'operator'): Promise<number> {
  const text = (await page.getByTestId(`decisions-${source}`).locator('td').nth(2).textContent()) ?? ''
  return Number(text.replace(/,/g, ''))
}

const tileDistance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y)

test('swap in a model, read its decisions, anneal, possess and release as admin', async ({ page, server }) => {
  test.setTimeout(180_000)
  await page.goto(server.url)
  await expectReady(page)

  await test.step('as viewer the panel shows the scripted policy; swap and anneal are disabled, saying why', async () => {
    await page.getByTestId('nav-policy').click()
    await expect(page.getByTestId('policy-panel')).toBeVisible()
    await expect(page.getByTestId('policy-backend')).toHaveText('scripted')
    await expect(page.getByTestId('anneal-apply')).toBeDisabled()
    await expect(page.getByTestId('model-swap')).toBeDisabled()
    await expect(page.getByTestId('model-swap')).toHaveAttribute('title', /admin/i)
    await expect(page.getByTestId('command-disabled-reason')).toContainText(/admin/i)
    await snap(page, '50-policy-viewer')
  })

  await test.step('become admin', async () => {
    await page.getByTestId('nav-console').click()
    await page.getByTestId('admin-token').fill(ADMIN_TOKEN)
    await page.getByTestId('btn-admin').click()
    await expect(page.getByTestId('role-badge')).toHaveText(/admin/i)
  })

  await test.step('swap in release.onnx: backend onnx, its full hash, the CPU provider', async () => {
    await page.getByTestId('nav-policy').click()
    await expect(page.getByTestId('command-disabled-reason')).toBeHidden()
    await page.getByTestId('model-select').selectOption(RELEASE_MODEL)
    await page.getByTestId('model-swap').click()
    await expect(page.getByTestId('model-swap-result')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 })
    await expect(page.getByTestId('policy-backend')).toHaveText('onnx')
    await expect(page.getByTestId('policy-model')).toHaveText('release.onnx')
    await expect(page.getByTestId('policy-hash')).toHaveAttribute('data-full', /^[0-9a-f]{64}$/)
    await expect(page.getByTestId('policy-provider')).toHaveText('cpu')
    const status = await policyStatus(server)
    expect(status.identity).toMatchObject({ backend: 'onnx', model: 'release.onnx', execution_provider: 'cpu' })
    await expect(page.getByTestId('policy-hash')).toHaveAttribute('data-full', status.identity.policy_hash!)
    expect(status.models.find((m) => m.path === RELEASE_MODEL)?.sha256).toBe(status.identity.policy_hash)
  })

  await test.step('run the town: ticks advance, the model decides, latency shows', async () => {
    const t0 = await readTick(page)
    await page.getByTestId('btn-start').click()
    await expect(page.getByTestId('header-state')).toHaveText('running')
    await expect.poll(() => readTick(page)).toBeGreaterThan(t0)
    await expect.poll(() => decisionTotal(page, 'learned'), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect.poll(() => readNumber(page, 'latency-last'), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect.poll(() => readNumber(page, 'latency-mean')).toBeGreaterThan(0)
    await expect(page.getByTestId('latency-chart').locator('.recharts-line-curve')).toBeVisible()
    await expect(page.getByTestId('embedding-in-use')).toHaveText(/^[1-9]\d*\/\d+$/)
    // A few seconds of history, so the chart draws a line worth looking at.
    await expect.poll(async () => (await policyStatus(server)).latency.history.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(12)
    await page.getByTestId('btn-pause').click()
    await expect(page.getByTestId('header-state')).toHaveText('paused')
    await snap(page, '51-policy-panel')
  })

  const full = await observerTown(server)
  const fridge = full.objects.find((o) => o.type === 'fridge')!
  expect(fridge).toBeTruthy()

  let learnedAgent = ''
  await test.step('select an agent the model decided for: its decision trace', async () => {
    // Step until some agent's latest decision came from the model (anneal 1 after the swap).
    await expect
      .poll(
        async () => {
          for (const a of full.agents) {
            const t = await trace(server, a.id)
            if (t.decided_by === 'learned') return (learnedAgent = a.id)
          }
          await stepBy(page, 5)
          return ''
        },
        { timeout: 60_000 }
      )
      .not.toBe('')
    await page.getByTestId('nav-agents').click()
    await page.locator(`[data-testid="agent-row"][data-agent-id="${learnedAgent}"]`).click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-agent-id', learnedAgent)
    const section = page.getByTestId('decision-trace')
    await expect(section).toHaveAttribute('data-status', 'ok')
    await expect(section.getByTestId('trace-decided-by')).toHaveAttribute('data-decided-by', 'learned')
    await expect(section.getByTestId('trace-chosen')).toHaveText(/^(idle|eat|cook|shower|sleep|work|socialise)$/)
    await expect(section.getByTestId('trace-probabilities')).toHaveAttribute('data-model', 'ran')
    await expect(section.getByTestId('trace-probability').first()).toBeVisible()
    for (const channel of MAP_CHANNELS) await expect(section.getByTestId(`trace-heatmap-${channel}`)).toBeVisible()
    await expect(section.getByTestId('trace-mask-option')).toHaveCount(7)
    await expect(section.locator('[data-testid="trace-mask-option"][data-allowed="true"]').first()).toBeVisible()
    await expect(section.getByTestId('trace-feature').first()).toBeVisible()
    expect(await section.getByTestId('trace-feature').count()).toBeGreaterThan(3)
    // What the page shows is the host's trace for that agent.
    const hostTrace = await trace(server, learnedAgent)
    await expect(section.getByTestId('trace-chosen')).toHaveText(hostTrace.chosen)
    // Its recent decisions by tick: open one to see the mask and probabilities it was made with.
    const entry = section.getByTestId('trace-history-entry').first()
    await expect(entry).toBeVisible()
    await entry.click()
    await expect(section.getByTestId('trace-history-detail')).toContainText('allowed:')
    await section.scrollIntoViewIfNeeded()
    await snap(page, '52-decision-trace')
  })

  await test.step('anneal 0.5: applied from the next tick, in policy.status and the panel', async () => {
    await page.getByTestId('nav-policy').click()
    const slider = page.getByTestId('anneal-slider')
    await slider.focus()
    await slider.press('Home')
    for (let i = 0; i < 10; i++) await slider.press('ArrowRight')
    await expect(page.getByTestId('anneal-value')).toHaveText('0.50')
    await page.getByTestId('anneal-apply').click()
    await expect(page.getByTestId('anneal-result')).toHaveAttribute('data-status', /queued|ok/)
    await stepBy(page, 1)
    await expect(page.getByTestId('anneal-result')).toHaveAttribute('data-status', 'ok')
    await expect.poll(async () => (await policyStatus(server)).identity.anneal_ratio).toBe(0.5)
    await expect(page.getByTestId('policy-anneal-ratio')).toHaveText('0.50')
    await snap(page, '53-anneal')
  })

  // The fridge blocks its own tile: an agent walks to one of its use tiles, its floor neighbours.
  const taken = new Set(full.objects.map((o) => `${o.x},${o.y}`))
  const fridgeTiles = [
    { x: fridge.x, y: fridge.y + 1 },
    { x: fridge.x + 1, y: fridge.y },
    { x: fridge.x - 1, y: fridge.y },
    { x: fridge.x, y: fridge.y - 1 }
  ].filter((t) => full.map.rows[t.y]?.[t.x] === '.' && !taken.has(`${t.x},${t.y}`))
  expect(fridgeTiles.length).toBeGreaterThan(0)
  // Possess whoever stands farthest from the fridge, so the walk is a real one.
  const here = await observerTown(server)
  const walker = [...here.agents].sort((a, b) => tileDistance(b, fridge) - tileDistance(a, fridge) || a.id.localeCompare(b.id))[0]!.id

  await test.step('possess an agent and walk it to the fridge', async () => {
    const id = walker
    await page.getByTestId('nav-agents').click()
    await page.locator(`[data-testid="agent-row"][data-agent-id="${id}"]`).click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-agent-id', id)
    const possession = page.getByTestId('inspector-possession')
    await expect(possession).toHaveAttribute('data-possessed', 'false')
    await possession.getByTestId('possess-button').click()
    await stepBy(page, 1)
    await expect(possession).toHaveAttribute('data-possessed', 'true')
    await expect(possession.getByTestId('possession-state')).toHaveText('possessed')
    expect((await policyStatus(server)).possessed).toContain(id)

    const start = await positionOf(server, id)
    const goal = [...fridgeTiles].sort((a, b) => tileDistance(a, start) - tileDistance(b, start))[0]!
    expect(tileDistance(start, goal)).toBeGreaterThanOrEqual(3)

    // Pick the tile on the map (Walk to… opens it). Picked again if the map was still fitting
    // itself to the panel when clicked, so the click landed on another tile.
    const canvas = page.getByTestId('map-canvas')
    await expect(async () => {
      const pick = possession.getByTestId('possess-walk-pick')
      if ((await pick.getAttribute('aria-pressed')) !== 'true') await pick.click()
      await expect(canvas).toHaveAttribute('data-view', /\d/)
      const [scale, ox, oy] = ((await canvas.getAttribute('data-view')) ?? '').split(' ').map(Number) as [number, number, number]
      await canvas.click({ position: { x: (goal.x + 0.5) * scale + ox, y: (goal.y + 0.5) * scale + oy } })
      await expect(possession.getByTestId('possess-walk-target')).toHaveText(`(${goal.x}, ${goal.y})`, { timeout: 2_000 })
    }).toPass({ timeout: 15_000 })
    await possession.getByTestId('possess-walk').click()
    await expect(possession.getByTestId('possession-last-result')).toHaveAttribute('data-status', /queued|ok/)
    await expect
      .poll(
        async () => {
          const at = await positionOf(server, id)
          if (at.x === goal.x && at.y === goal.y) return true
          await stepBy(page, 2)
          return false
        },
        { timeout: 60_000 }
      )
      .toBe(true)
    expect(tileDistance(await positionOf(server, id), fridge)).toBe(1)
    await expect(page.getByTestId('inspector-position')).toHaveText(`(${goal.x}, ${goal.y})`)
    await expect(possession.getByTestId('possession-last-result')).toHaveAttribute('data-status', 'ok')
    await expect.poll(async () => (await trace(server, id)).decided_by).toBe('operator')
    await expect(page.getByTestId('decision-trace').getByTestId('trace-decided-by')).toHaveAttribute('data-decided-by', 'operator')
    await possession.scrollIntoViewIfNeeded()
    await snap(page, '54-possessed-at-fridge')

    await possession.getByTestId('possess-object').selectOption(fridge.id)
    await possession.getByTestId('possess-use').click()
    await stepBy(page, 2)
    await expect(possession.getByTestId('possession-last-result')).toHaveAttribute('data-status', 'ok')
    await expect.poll(async () => (await trace(server, id)).chosen).toBe('eat')
  })

  await test.step('the Policy panel lists the possessed agent; release hands it back', async () => {
    const id = walker
    await page.getByTestId('nav-policy').click()
    const row = page.locator(`[data-testid="possessed-agent"][data-agent-id="${id}"]`)
    await expect(row).toBeVisible()
    await expect.poll(() => decisionTotal(page, 'operator')).toBeGreaterThan(0)
    await snap(page, '55-possessed-list')
    await page.getByTestId('nav-agents').click()
    await page.locator(`[data-testid="agent-row"][data-agent-id="${id}"]`).click()
    const possession = page.getByTestId('inspector-possession')
    await possession.getByTestId('release-button').click()
    await stepBy(page, 1)
    await expect(possession).toHaveAttribute('data-possessed', 'false')
    await expect(possession.getByTestId('possess-button')).toBeEnabled()
    expect((await policyStatus(server)).possessed).not.toContain(id)
    await page.getByTestId('nav-policy').click()
    await expect(row).toBeHidden()
    await snap(page, '56-released')
  })
})
