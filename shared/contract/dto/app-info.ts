import { z } from 'zod'

/** What the renderer needs to know about the host it talks to. */
export const AppInfoSchema = z.object({
  mode: z.enum(['electron', 'browser']),
  version: z.string(),
  /** True when the native open-file dialog is available (Electron only). */
  can_pick_file: z.boolean(),
  /** True when test-only hooks (such as crashing the worker) are enabled. */
  test_hooks: z.boolean(),
  configs_dir: z.string()
})
export type AppInfo = z.infer<typeof AppInfoSchema>
