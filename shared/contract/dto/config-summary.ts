import { z } from 'zod'

/** What the UI and logs show about the loaded shard config: its identity and clock settings. */
export const ConfigSummarySchema = z.object({
  config_id: z.string(),
  seed: z.number().int(),
  tick_ms: z.number().int().positive(),
  /** The simulated day (`world.ticks_per_day`, `world.start_time`), so clients print day and time for any tick. */
  ticks_per_day: z.number().int().positive(),
  start_time: z.string().regex(/^\d\d:\d\d$/),
  /** Where it came from: an absolute path, or `embedded:default` for the built-in default. */
  source: z.string(),
  /** sha256 (hex) of the YAML text, so two files with the same config_id can be told apart. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})
export type ConfigSummary = z.infer<typeof ConfigSummarySchema>

/** One problem found while loading a config, located in the YAML. */
export const ConfigIssueSchema = z.object({
  /** The file the problem is in, when it is not the config itself (e.g. its affordance registry). */
  file: z.string().optional(),
  /** Dotted YAML path such as `runtime.tick_ms`; empty for the document itself. */
  path: z.string(),
  /** 1-based line and column in the file, when the node could be located. */
  line: z.number().int().positive().optional(),
  col: z.number().int().positive().optional(),
  message: z.string()
})
export type ConfigIssue = z.infer<typeof ConfigIssueSchema>

/** The `details` of a `config.invalid` error. */
export const ConfigErrorDetailsSchema = z.object({
  source: z.string(),
  issues: z.array(ConfigIssueSchema)
})
export type ConfigErrorDetails = z.infer<typeof ConfigErrorDetailsSchema>

/** A config file the operator can pick from the project's `configs/` folder. */
export const ConfigFileSchema = z.object({
  /** Path relative to the configs folder, e.g. `default.yaml`. */
  name: z.string(),
  /** Absolute path to pass to `config.load`. */
  path: z.string()
})
export type ConfigFile = z.infer<typeof ConfigFileSchema>
