/** What a CLI command may touch, passed in so tests can run commands in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown; isTTY?: boolean }
  env: Record<string, string | undefined>
  cwd: string
  /** Built artefacts next to the CLI entry: the shard worker script and the renderer folder. */
  paths: { workerPath: string; rendererDir: string; configsDir: string }
  version: string
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  shutdownSignal(): Promise<string>
}

/** Exit codes of the `townlet` command. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/** A bad command line or config: exit code 2 with a message that says how to fix it. */
export class UsageError extends Error {
  override name = 'UsageError'
}
