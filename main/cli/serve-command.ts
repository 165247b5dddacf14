/**
 * `townlet serve`: browser mode. The same host the Electron app creates, with its worker, bound to
 * a token-protected WebSocket and a static server for the built renderer.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { WORKSPACE_OPTION } from './cli-workspace'
import { createAppHost, type AppHost } from '../host/app-host'
import { ListenError, startBrowserServer, DEFAULT_PORT } from '../server/browser-server'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { integerOption, parseCommandArgs } from './parse-args'

export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('serve', argv, {
    config: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'admin-token-file': { type: 'string' },
    'read-only': { type: 'boolean', default: false },
    ...WORKSPACE_OPTION
  })
  if (args.workspace === '') throw new UsageError('--workspace needs a folder: the one clients may open configs, models and drill files from')
  const workspaceDir = args.workspace === undefined ? io.cwd : resolve(io.cwd, args.workspace)
  const tokenFile = args['admin-token-file']
  if (tokenFile === '') throw new UsageError('--admin-token-file needs a file name: a small text file holding the admin token')
  if (tokenFile !== undefined && args['read-only']) throw new UsageError('--read-only and --admin-token-file contradict each other: a read-only host has no admin role')
  const port = integerOption('port', args.port, { min: 0, max: 65_535 }) ?? DEFAULT_PORT
  const { paths } = io
  if (!existsSync(join(paths.rendererDir, 'index.html'))) {
    throw new UsageError(`the renderer is not built (${paths.rendererDir} has no index.html): run npm run build first`)
  }
  const stderrLog = (line: string) => io.stderr.write(`${line}\n`)
  const host = createAppHost({
    mode: 'browser',
    version: io.version,
    workerPath: paths.workerPath,
    configsDir: paths.configsDir,
    cwd: io.cwd,
    workspaceDir,
    env: io.env,
    auditPath: join(io.cwd, 'logs', 'console-audit.jsonl'),
    testHooks: io.env.TOWNLET_TEST_HOOKS === '1',
    // The admin token is the host's: TOWNLET_ADMIN_TOKEN, else the file named here, else one made
    // for this run and printed below for whoever started it. --read-only keeps everyone a viewer.
    ...(args['read-only'] ? { env: { ...io.env, TOWNLET_ADMIN_TOKEN: undefined } } : {}),
    admin: args['read-only'] ? {} : { ...(tokenFile === undefined ? {} : { tokenFile }), generate: true },
    ...(args.config ? { initialConfigPath: args.config } : {}),
    log: (entry) => {
      if (entry.level !== 'debug') stderrLog(`[${entry.source}] ${entry.level}: ${entry.message}`)
    }
  })
  try {
    await host.start()
  } catch (e) {
    await host.dispose()
    throw new UsageError((e as Error).message)
  }
  let server
  try {
    server = await startBrowserServer({ registry: host.registry, events: host.events, rendererDir: paths.rendererDir, host: args.host, port, onSessionEnd: (session) => host.sessionEnded(session), metrics: () => host.metrics(), telemetry: host.telemetry })
  } catch (e) {
    await host.dispose()
    if (e instanceof ListenError) throw new UsageError(e.message)
    throw e
  }
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    stderrLog(`warning: listening on ${args.host}; anyone who can reach it and learns the token controls the shard`)
  }
  io.stdout.write(`townlet browser mode: ${server.url}\n`)
  io.stdout.write(`${adminLine(host.adminToken())}\n`)
  io.stdout.write('open that URL in a browser; press Ctrl+C to stop\n')
  const signal = await io.shutdownSignal()
  stderrLog(`received ${signal}; stopping`)
  await server.close()
  await host.dispose()
  return EXIT.ok
}

/** How to become admin on this host; the token itself only when the host made it for this run. */
function adminLine(admin: ReturnType<AppHost['adminToken']>): string {
  if (admin.generated !== null) return `admin token (this run only): ${admin.generated} — enter it in Console → Become admin to change the shard`
  if (admin.available) return `admin token: the one from ${admin.source} — enter it in Console → Become admin to change the shard`
  return 'read-only: this host has no admin token, so every session is a viewer'
}
