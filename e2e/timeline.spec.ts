/**
 * The session timeline against the real host, clicked through in Chromium: run 600 ticks, click
 * the scrubber about 500 ticks back (a past tick, read-only: the banner says so and the live town
 * keeps its tick), step one tick forward, fork there as admin (the shard resumes from that tick
 * and the abandoned future is listed as a branch), run on, then reopen the abandoned branch and
 * be back at its last tick with the very state it had (the host's own hash of that tick).
 */
import type { Page } from '@playwright/test'
import type { ShardStatus } from '../shared/contract/dto/shard-status'
import type { TimelineFrame, TimelineStatus } from '../shared/contract/dto/timeline'
import { becomeAdmin, readTick, snap, stepBy } from './fixtures/app'
import { invokeHost } from './fixtures/host-client'
import { expect, expectReady, type RunningServer, test } from './fixtures/server'

test.use({ serveOptions: { config: 'e2e/fixtures/fast.yaml' } })

const timeline = (server: RunningServer) => invokeHost<TimelineStatus>(server, 'timeline.status')
const status = (server: RunningServer) => invokeHost<ShardStatus>(server, 'shard.status')

/** Clicks the full scrubber where `tick` lies, and returns the tick the page now views. */
async function clickTrackAt(page: Page, tick: number, span: { earliest: number; live: number }): Promise<number> {
  const track = page.getByTestId('timeline-track')
  const box = await track.boundingBox()
  if (!box) throw new Error('the scrubber track is not laid out')
  const fraction = (tick - span.earliest) / (span.live - span.earliest)
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2)
  const banner = page.getByTestId('past-banner')
  await expect(banner).toBeVisible()
  await expect(banner).toHaveAttribute('data-loading', 'false')
  return Number(await banner.getAttribute('data-tick'))
}

test('scrub back 500 ticks, fork there, and reopen the abandoned branch', async ({ page, server }) => {
  test.setTimeout(180_000)
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  const live = await stepBy(page, 600)
  const abandonedHash = (await invokeHost<TimelineFrame>(server, 'timeline.frame', { tick: live })).hash

  await page.getByTestId('nav-snapshots').click()
  await expect(page.getByTestId('timeline-track')).toBeVisible()
  const span = await timeline(server)
  expect(span.earliest_tick).toBe(0)
  expect(span.live_tick).toBe(live)

  const viewed = await clickTrackAt(page, live - 500, { earliest: span.earliest_tick, live: span.live_tick })
  expect(Math.abs(viewed - (live - 500))).toBeLessThanOrEqual(10)
  await expect(page.getByTestId('past-banner-text')).toContainText('past, read-only')
  // The live town is where it was: viewing the past changes nothing.
  expect((await status(server)).tick).toBe(live)
  expect(await readTick(page)).toBe(live)

  // One tick forward replays it (no tick skipped) and the frame is the host's own for that tick.
  await page.getByTestId('timeline-scrubber').getByTestId('timeline-step-forward').click()
  const at = viewed + 1
  await expect(page.getByTestId('past-banner')).toHaveAttribute('data-tick', String(at))
  await expect(page.getByTestId('past-banner')).toHaveAttribute('data-loading', 'false')
  const frame = await invokeHost<TimelineFrame>(server, 'timeline.frame', { tick: at })
  await expect(page.getByTestId('past-events')).toHaveAttribute('title', `State hash ${frame.hash}`)
  await snap(page, '80-timeline-past')

  await page.getByTestId('btn-fork-here').click()
  await page.getByTestId('confirm-yes').click()
  await expect.poll(() => readTick(page)).toBe(at)
  await expect(page.getByTestId('past-banner')).toBeHidden()
  const branches = page.getByTestId('timeline-branch')
  await expect(branches).toHaveCount(2)
  const abandoned = branches.filter({ has: page.getByTestId('btn-reopen-branch') })
  await expect(abandoned).toHaveCount(1)
  await expect(abandoned).toContainText(`${live}`)

  // The fork runs on from the fork point.
  await stepBy(page, 20)
  expect((await status(server)).tick).toBe(at + 20)
  await expect(page.getByTestId('timeline-branch').filter({ hasText: 'running' })).toContainText(`${at}–${at + 20}`)
  await snap(page, '81-timeline-forked')

  await abandoned.getByTestId('btn-reopen-branch').click()
  await page.getByTestId('confirm-yes').click()
  await expect.poll(() => readTick(page)).toBe(live)
  expect((await invokeHost<TimelineFrame>(server, 'timeline.frame', { tick: live })).hash).toBe(abandonedHash)
  await expect(page.getByTestId('timeline-branch')).toHaveCount(2)
  await snap(page, '82-timeline-reopened')
})
