import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AuditFile } from './audit-file'
import { nodeAuditIo, type AuditIo } from './audit-io'

const line = (n: number): Buffer => Buffer.from(`${JSON.stringify({ n })}\n`)

async function fresh(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'townlet-audit-file-')), 'logs', 'audit.jsonl')
}

describe('audit file', () => {
  it('creates its folder, and drops a file with no newline at all as one torn line', async () => {
    const path = await fresh()
    const file = new AuditFile(path, { io: nodeAuditIo, maxBytes: 1024, maxFiles: 2, onRotateError: () => {} })
    expect(await file.open()).toBe(0)
    await file.close()
    await writeFile(path, '{"half a line')
    expect(await file.open()).toBe(13)
    await file.append(line(1))
    await file.close()
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n')
  })

  it('when a failed write cannot even be cut back, the next open repairs the tail', async () => {
    const path = await fresh()
    let broken = false
    const io: AuditIo = {
      ...nodeAuditIo,
      async open(p) {
        const real = await nodeAuditIo.open(p)
        return {
          ...real,
          async write(bytes) {
            if (!broken) return real.write(bytes)
            await real.write(bytes.subarray(0, 3))
            throw new Error('EIO: i/o error, write')
          },
          async truncate(length) {
            if (broken) throw new Error('EIO: i/o error, ftruncate')
            return real.truncate(length)
          }
        }
      }
    }
    const file = new AuditFile(path, { io, maxBytes: 1024, maxFiles: 2, onRotateError: () => {} })
    await file.open()
    await file.append(line(1))
    broken = true
    await expect(file.append(line(2))).rejects.toThrow(/EIO/)
    broken = false
    expect(await file.open()).toBe(3)
    await file.append(line(3))
    await file.close()
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n')
  })

  it('keeps writing into the live file when rotation fails, and says so once', async () => {
    const path = await fresh()
    const problems: string[] = []
    const io: AuditIo = { ...nodeAuditIo, rename: () => Promise.reject(new Error('EACCES: permission denied, rename')) }
    const file = new AuditFile(path, { io, maxBytes: 20, maxFiles: 3, onRotateError: (m) => problems.push(m) })
    await file.open()
    for (let n = 0; n < 4; n++) await file.append(line(n))
    await file.close()
    expect(await readFile(path, 'utf8')).toBe('{"n":0}\n{"n":1}\n{"n":2}\n{"n":3}\n')
    expect(problems).toHaveLength(1)
    expect(await readdir(join(path, '..'))).toEqual(['audit.jsonl'])
  })
})
