/**
 * A command as it reaches the router: the client's name, args and optional cmd_id, plus the
 * issuer and role the host stamped from the session (a client never chooses its own role).
 */
import { z } from 'zod'
import { RoleSchema } from '../../shared/contract/dto/console'

export const ConsoleEnvelopeSchema = z
  .object({
    name: z.string().max(64),
    /** Checked by the router (size, then the command's own schema). */
    args: z.unknown(),
    cmd_id: z.string().max(128).optional(),
    issuer: z.string().max(256),
    role: RoleSchema
  })
  .strict()
export type ConsoleEnvelope = z.infer<typeof ConsoleEnvelopeSchema>
