/**
 * Creates and starts the host, binding it to IPC before it starts so that no renderer request
 * can arrive without a handler. If the config named at launch is bad, the operator is told and
 * the app carries on with the embedded default instead of refusing to open.
 */
import type { LogEntry } from '../../shared/contract/dto/events'
import { createAppHost, type AppHost, type HostOptions } from '../host/app-host'

export interface StartedHost {
  host: AppHost
  /** Removes the IPC binding made for this host. */
  unbind: () => void
}

/** Shows a problem to the operator (a native error box in the app). */
export type ReportProblem = (title: string, message: string) => void

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

async function attempt(options: HostOptions, bind: (host: AppHost) => () => void): Promise<StartedHost> {
  const host = createAppHost(options)
  const unbind = bind(host)
  try {
    await host.start()
    return { host, unbind }
  } catch (e) {
    // Undo this attempt fully so a retry can bind the same channels again.
    unbind()
    await host.dispose().catch(() => {})
    throw e
  }
}

/**
 * Start the host. A bad launch config falls back to the embedded default (after telling the
 * operator); a failure with the default rejects, and the caller quits with that message.
 */
export async function startHost(
  options: HostOptions,
  bind: (host: AppHost) => () => void,
  report: ReportProblem
): Promise<StartedHost> {
  try {
    return await attempt(options, bind)
  } catch (e) {
    if (options.initialConfigPath === undefined) throw e
    report(
      'Could not load the launch config',
      `${messageOf(e)}\n\nTownlet Workstation continues with the embedded default config.`
    )
    const { initialConfigPath: _dropped, ...fallback } = options
    return attempt(fallback, bind)
  }
}

/** Host and shard log lines on stderr, for operators who launch from a terminal. */
export function logToStderr(entry: LogEntry): void {
  process.stderr.write(`[${entry.source}] ${entry.level}: ${entry.message}\n`)
}
