import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { watchFileChanges, type FileWatch } from './file-watcher'

let watch: FileWatch | undefined
afterEach(() => {
  watch?.close()
  watch = undefined
})

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('watchFileChanges', () => {
  it('sees in-place writes and rename-over saves, debounced, and ignores other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-watch-'))
    const file = join(dir, 'registry.yaml')
    await writeFile(file, 'a: 1\n')
    let calls = 0
    watch = watchFileChanges(file, () => calls++, { debounceMs: 100 })
    await writeFile(join(dir, 'other.yaml'), 'x\n')
    await writeFile(file, 'a: 2\n')
    await writeFile(file, 'a: 3\n')
    await until(() => calls >= 1)
    // Two writes in quick succession make one call (a slow machine may split them).
    expect(calls).toBeLessThanOrEqual(2)
    let seen = calls
    // An editor's save: write a temp file, then rename it over the original (a new inode).
    await writeFile(join(dir, '.registry.yaml.tmp'), 'a: 4\n')
    await rename(join(dir, '.registry.yaml.tmp'), file)
    await until(() => calls > seen)
    seen = calls
    // Still watching after the rename.
    await writeFile(file, 'a: 5\n')
    await until(() => calls > seen)
    await new Promise((r) => setTimeout(r, 150))
    seen = calls
    watch.close()
    await writeFile(file, 'a: 6\n')
    // Nothing to poll for: a closed watch must stay silent past its debounce.
    await new Promise((r) => setTimeout(r, 300))
    expect(calls).toBe(seen)
    await rm(dir, { recursive: true, force: true })
  })
})
