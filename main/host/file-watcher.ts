/**
 * Watch one file for changes, robustly enough for editors: it watches the file's folder (and the
 * folder of its real path, when it is a symlink) and filters events by name, so a save that writes
 * a temp file and renames it over the original is seen, and the watch outlives the file's inode.
 * Bursts of events (an editor's write + rename + chmod) are debounced into one call. If the folder
 * cannot be watched (it vanished, inotify limits), it falls back to polling the file's stats.
 */
import { watch, watchFile, unwatchFile, realpathSync, type FSWatcher, type Stats } from 'node:fs'
import { basename, dirname } from 'node:path'

export interface FileWatch {
  /** Call `onChange` after the debounce, as if the file had changed (a catch-up check). */
  poke(): void
  close(): void
}

export interface FileWatchOptions {
  /** Quiet time after the last event before `onChange` runs (default 150 ms). */
  debounceMs?: number
  /** Interval of the polling fallback (default 500 ms). */
  pollMs?: number
  /** Told when folder watching failed and polling took over. */
  onFallback?(reason: string): void
}

/** Names compare case-insensitively where the file system usually does. */
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin'

export function watchFileChanges(path: string, onChange: () => void, options: FileWatchOptions = {}): FileWatch {
  const debounceMs = options.debounceMs ?? 150
  let timer: NodeJS.Timeout | undefined
  let closed = false
  let polling = false
  const watchers: FSWatcher[] = []

  const trigger = (): void => {
    if (closed) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      if (!closed) onChange()
    }, debounceMs)
  }

  const onStats = (current: Stats, previous: Stats): void => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) trigger()
  }

  const poll = (reason: string): void => {
    if (closed || polling) return
    polling = true
    for (const w of watchers.splice(0)) w.close()
    options.onFallback?.(reason)
    watchFile(path, { interval: options.pollMs ?? 500, persistent: false }, onStats)
    // Whatever happened while switching over is worth a look.
    trigger()
  }

  const targets = new Map<string, string>([[dirname(path), basename(path)]])
  try {
    const real = realpathSync(path)
    targets.set(dirname(real), basename(real))
  } catch {
    // Not there (yet): watching its folder sees it appear.
  }
  const same = (a: string, b: string): boolean => (CASE_INSENSITIVE ? a.toLowerCase() === b.toLowerCase() : a === b)
  try {
    for (const [dir, name] of targets) {
      const watcher = watch(dir, { persistent: false }, (_event, filename) => {
        // Some platforms omit the name: treat that as a possible change (the reload is cheap).
        if (filename === null || same(filename.toString(), name)) trigger()
      })
      watcher.on('error', (e) => poll(`cannot watch ${dir}: ${e.message}`))
      watchers.push(watcher)
    }
  } catch (e) {
    poll(`cannot watch the folder of ${path}: ${(e as Error).message}`)
  }

  return {
    poke: trigger,
    close() {
      if (closed) return
      closed = true
      clearTimeout(timer)
      for (const w of watchers.splice(0)) w.close()
      if (polling) unwatchFile(path, onStats)
    }
  }
}
