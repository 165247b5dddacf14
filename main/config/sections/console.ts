import { z } from 'zod'

/**
 * The operator console's section. It used to name the admin token's file (`token_file`); the
 * token belongs to the host now (TOWNLET_ADMIN_TOKEN, or --admin-token-file when the host starts),
 * so a config can neither grant nor take away the admin role. The key is refused with a message
 * that says where the token lives instead of a bare "unknown key".
 */
export const ConsoleSectionSchema = z
  .object({
    token_file: z
      .unknown()
      .optional()
      .superRefine((value, ctx) => {
        if (value === undefined) return
        ctx.addIssue({
          code: 'custom',
          message:
            'a shard config cannot name the admin token: it belongs to the host. Remove console.token_file and start the host with TOWNLET_ADMIN_TOKEN set, or with --admin-token-file (the admin_token_file setting in the app)'
        })
      })
  })
  .strict()
