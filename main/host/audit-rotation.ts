/**
 * Size-based rotation of the audit log: `console-audit.jsonl` becomes `.1`, `.1` becomes `.2` …
 * and the oldest kept file (`.{maxFiles - 1}`) is dropped, so the log never holds more than
 * `maxFiles` files. The caller rotates only between whole lines, so no line spans two files.
 */
import type { AuditIo } from './audit-io'

/** 10 MiB a file, 5 files in all (the live one and `.1` … `.4`). */
export const AUDIT_MAX_BYTES = 10 * 1024 * 1024
export const AUDIT_MAX_FILES = 5

/** The name of the `n`th older file (`n` ≥ 1). */
export function rotatedName(path: string, n: number): string {
  return `${path}.${n}`
}

/** Shift every file one place older; the live file's name is free afterwards. */
export async function rotateFiles(io: AuditIo, path: string, maxFiles: number): Promise<void> {
  if (maxFiles <= 1) {
    await io.remove(path)
    return
  }
  await io.remove(rotatedName(path, maxFiles - 1))
  for (let n = maxFiles - 2; n >= 1; n--) await renameIfThere(io, rotatedName(path, n), rotatedName(path, n + 1))
  await io.rename(path, rotatedName(path, 1))
}

/** A gap in the older files (removed by hand, a first rotation) is not an error. */
async function renameIfThere(io: AuditIo, from: string, to: string): Promise<void> {
  try {
    await io.rename(from, to)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
}
