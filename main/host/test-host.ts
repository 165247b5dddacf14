/**
 * Test helper: a real AppHost whose worker runs the TypeScript source through tsx (source-worker.cjs), so host tests
 * exercise a real worker thread without a build.
 */
import { join } from 'node:path'
import type { EventName } from '../../shared/contract/channels'
import { createAppHost, type AppHost, type HostOptions } from './app-host'

export const repoRoot = join(__dirname, '../..')

export interface TestHost extends AppHost {
  received: { name: EventName; payload: unknown }[]
  call(channel: string, payload?: unknown): ReturnType<AppHost['registry']['dispatch']>
  /** Resolves with the first event matching the predicate (already received or future). */
  waitFor(name: EventName, predicate?: (payload: never) => boolean, timeoutMs?: number): Promise<unknown>
}

export function createTestHost(overrides: Partial<HostOptions> = {}): TestHost {
  const host = createAppHost({
    mode: 'browser',
    version: '0.0.0-test',
    workerPath: join(repoRoot, 'main/host/source-worker.cjs'),
    configsDir: join(repoRoot, 'configs'),
    cwd: repoRoot,
    ...overrides
  })
  const received: TestHost['received'] = []
  host.events.subscribe((name, payload) => received.push({ name, payload }))
  return {
    ...host,
    received,
    call: (channel, payload = {}) => host.registry.dispatch(channel, payload, { trusted: true, sender: 'test' }),
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
