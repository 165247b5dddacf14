/**
 * Test helper: a real AppHost whose worker runs the TypeScript source through tsx (source-worker.cjs), so host tests
 * exercise a real worker thread without a build.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventName } from '../../shared/contract/channels'
import { createAppHost, type AppHost, type HostOptions } from './app-host'

export const repoRoot = join(__dirname, '../..')

export interface TestHost extends AppHost {
  received: { name: EventName; payload: unknown }[]
  call(channel: string, payload?: unknown): ReturnType<AppHost['registry']['dispatch']>
  /** The same as `call`, from another session (its console role is its own). */
  callAs(session: string, channel: string, payload?: unknown): ReturnType<AppHost['registry']['dispatch']>
  /** The same as `call`, from the session `admin`, which presents the host's admin token first. */
  admin(channel: string, payload?: unknown): ReturnType<AppHost['registry']['dispatch']>
  /** The console audit log of this host (in a fresh temp folder unless overridden). */
  auditPath: string
  /** Resolves with the first event matching the predicate (already received or future). */
  waitFor(name: EventName, predicate?: (payload: never) => boolean, timeoutMs?: number): Promise<unknown>
}

/** The admin token of a test host unless a test gives its own (`env`), or none (`env: {}`). */
export const TEST_ADMIN_TOKEN = 'test-host-admin-token'

export function createTestHost(overrides: Partial<HostOptions> = {}): TestHost {
  const auditPath = overrides.auditPath ?? join(mkdtempSync(join(tmpdir(), 'townlet-audit-')), 'console-audit.jsonl')
  const env = overrides.env ?? { TOWNLET_ADMIN_TOKEN: TEST_ADMIN_TOKEN }
  const host = createAppHost({
    // The developer's environment must not leak in: the token is the test's own.
    env,
    auditPath,
    mode: 'browser',
    version: '0.0.0-test',
    workerPath: join(repoRoot, 'main/host/source-worker.cjs'),
    configsDir: join(repoRoot, 'configs'),
    cwd: repoRoot,
    // Tests write their configs to temp folders: the temp folder stands in for the app's data
    // root, unless a test (one about the workspace) names its own.
    dataDir: tmpdir(),
    ...overrides
  })
  const received: TestHost['received'] = []
  const asAdmin = { trusted: true, sender: 'test admin', session: 'admin' }
  let authed: Promise<unknown> | undefined
  host.events.subscribe((name, payload) => received.push({ name, payload }))
  return {
    ...host,
    received,
    auditPath,
    call: (channel, payload = {}) => host.registry.dispatch(channel, payload, { trusted: true, sender: 'test', session: 'test' }),
    callAs: (session, channel, payload = {}) => host.registry.dispatch(channel, payload, { trusted: true, sender: `test ${session}`, session }),
    async admin(channel, payload = {}) {
      authed ??= host.registry.dispatch('console.auth', { token: env.TOWNLET_ADMIN_TOKEN ?? '' }, asAdmin).then((r) => {
        if (!r.ok) throw new Error(`the test host's admin session could not authenticate: ${r.error.message}`)
      })
      await authed
      return host.registry.dispatch(channel, payload, asAdmin)
    },
    waitFor(name, predicate = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const hit = received.find((e) => e.name === name && predicate(e.payload as never))
        if (hit) return resolve(hit.payload)
        const timer = setTimeout(() => {
          stop()
          reject(new Error(`no '${name}' event within ${timeoutMs} ms`))
        }, timeoutMs)
        const stop = host.events.subscribe((n, payload) => {
          if (n === name && predicate(payload as never)) {
            clearTimeout(timer)
            stop()
            resolve(payload)
          }
        })
      })
    }
  }
}

/** The value of an ok Result envelope; a failed one fails the test with its error. */
export function okValue<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}
