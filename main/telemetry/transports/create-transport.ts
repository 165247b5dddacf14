/**
 * One transport from its config entry: the block's buffer and retry settings with the entry's
 * overrides, paths checked against the workspace before anything is opened. Only what cannot be
 * right at all is an error here (a path outside the workspace, a CA file that cannot be read);
 * an endpoint that is down or a file that cannot be written yet is a status, retried.
 */
import type { Writable } from 'node:stream'
import { err, ok, type Result } from '../../../shared/result'
import type { TransportBlockConfig, TransportEntry } from '../../config/sections/telemetry'
import type { Workspace } from '../../fs/workspace'
import { FileTransport } from './file-transport'
import { HttpTransport } from './http-transport'
import type { QueuedOptions } from './queued-transport'
import { StdoutTransport } from './stdout-transport'
import { resolveStreamPath } from './stream-path'
import { TcpTransport } from './tcp-transport'
import type { TelemetryTransport, TickSource } from './transport'

export interface TransportContext {
  workspace: Workspace
  /** Relative paths (a stream file, a CA file) are taken from here: the folder the run starts in. */
  base: string
  ticks: TickSource
  /** The stdout transport's stream (process.stdout by default). */
  stdout?: Writable
  /** Backoff jitter; tests fix it. */
  random?: () => number
}

const MAX_CA_BYTES = 1024 * 1024

export async function createTransport(entry: TransportEntry, block: Pick<TransportBlockConfig, 'buffer' | 'retry'>, ctx: TransportContext): Promise<Result<TelemetryTransport>> {
  const common: QueuedOptions = {
    buffer: { ...block.buffer, ...stripUndefined(entry.buffer ?? {}) },
    retry: entry.retry ?? block.retry,
    ticks: ctx.ticks,
    random: ctx.random
  }
  switch (entry.kind) {
    case 'stdout':
      return ok(new StdoutTransport({ ...common, stream: ctx.stdout }))
    case 'file': {
      const path = await resolveStreamPath(ctx.workspace, entry.path, ctx.base)
      if (!path.ok) return path
      return ok(await FileTransport.create({ ...common, path: path.value, rotate: entry.rotate, workspace: ctx.workspace }))
    }
    case 'tcp': {
      let ca: Buffer | null = null
      if (entry.ca_file !== null) {
        const read = await ctx.workspace.readBytes(entry.ca_file, { base: ctx.base, what: 'TLS certificate authority file', maxBytes: MAX_CA_BYTES, codes: { notFound: 'config.not_found', unreadable: 'config.unreadable' } })
        if (!read.ok) return read
        ca = read.value.bytes
      }
      return ok(new TcpTransport({ ...common, host: entry.host, port: entry.port, tls: entry.tls, ca, connect_timeout_ms: entry.connect_timeout_ms }))
    }
    case 'http':
      return ok(new HttpTransport({ ...common, url: entry.url, timeout_ms: entry.timeout_ms, headers: entry.headers }))
    default:
      return err('telemetry.invalid_spec', 'unknown transport kind')
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
