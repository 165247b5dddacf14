import { z } from 'zod'

/**
 * The operator console. `token_file` names a file (relative to the config file) whose content,
 * trimmed, is the admin token; the host reads it when the config loads and never sends it to the
 * shard. TOWNLET_ADMIN_TOKEN in the host's environment takes precedence over it. With neither,
 * nobody can become admin.
 */
export const ConsoleSectionSchema = z
  .object({
    token_file: z.string().min(1).max(4096).optional()
  })
  .strict()
