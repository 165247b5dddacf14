/**
 * Benches drive a real host the way an admin would: this loads a config into it and stops the
 * bench with the host's reason when it is refused, so a figure is never measured on the wrong town.
 */
import type { AppHost } from '../main/host/app-host'
import type { CallContext } from '../main/host/registry'

export async function loadOrFail(host: AppHost, path: string, ctx: CallContext): Promise<void> {
  const loaded = await host.registry.dispatch('config.load', { path }, ctx)
  if (!loaded.ok) throw new Error(`the bench could not load ${path}: ${loaded.error.code}: ${loaded.error.message}`)
}
