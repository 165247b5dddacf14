/**
 * Request deadlines of the host's worker client, against a real worker thread that answers late:
 * building a town (init, load-config) may take as long as its check did, anything else is
 * answered `shard.timeout` after the request timeout.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ShardWorkerClient } from './shard-worker-client'

/** A worker that answers every request after `delayMs` with an error naming the request. */
async function lateWorker(delayMs: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-late-worker-'))
  const path = join(dir, 'late-worker.cjs')
  await writeFile(
    path,
    `const { parentPort } = require('node:worker_threads')
parentPort.on('message', (m) => setTimeout(() => parentPort.postMessage({ type: 'reply', seq: m.seq, result: { ok: false, error: { code: 'internal.error', message: 'answered ' + m.type } } }), ${delayMs}))\n`
  )
  return path
}

let client: ShardWorkerClient | undefined
afterEach(async () => {
  await client?.terminate()
  client = undefined
})

describe('the worker client’s deadlines', () => {
  it('waits past the request timeout for a town being built, not for a pause', async () => {
    client = new ShardWorkerClient({ workerPath: await lateWorker(1_200), requestTimeoutMs: 300, onFrame: () => {}, onLog: () => {}, onFailure: () => {} })
    const [pause, init] = await Promise.all([client.request({ type: 'pause' }), client.request({ type: 'init', loaded: undefined as never, files: { roots: [], base: '/' } })])
    expect(pause).toMatchObject({ ok: false, error: { code: 'shard.timeout' } })
    // The worker's own answer, late: a big town's build is not cut off at the request timeout.
    expect(init).toMatchObject({ ok: false, error: { code: 'internal.error', message: 'answered init' } })
  })
})
