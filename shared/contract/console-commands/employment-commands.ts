/**
 * Employment exits at the console: `employment_status` (anyone may look) and `employment_exit`
 * (review the queue, approve an exit, or defer it). `employment_exit` is admin as a whole: the
 * router decides the role per command before it reads arguments (so a viewer learns nothing of
 * an admin command's arguments), so a viewer reads the same queue through `employment_status`.
 */
import { z } from 'zod'
import { agentArg } from './arg-types'
import { defineDescriptor } from './descriptor'

export const employmentStatusDescriptor = defineDescriptor({
  name: 'employment_status',
  role: 'viewer',
  destructive: false,
  help: 'The employment exit queue, exits waiting at the gate, exits today, the caps in force, absences per job and replacements on their way.',
  args: z.object({}).strict()
})

export const employmentExitDescriptor = defineDescriptor({
  name: 'employment_exit',
  role: 'admin',
  // approve takes an agent out of the town: a retried command must not apply twice.
  destructive: true,
  help: 'Review the employment exit queue, approve a queued exit (the agent leaves at the next tick, reason eviction, through the exit gate) or defer it (it leaves the queue and its absences reset).',
  args: z
    .object({
      action: z.enum(['review', 'approve', 'defer']).describe('review the queue, approve an exit or defer it'),
      agent: agentArg().optional().describe('the agent to approve or defer (not for review)')
    })
    .strict()
    .superRefine((a, ctx) => {
      if (a.action !== 'review' && a.agent === undefined) ctx.addIssue({ code: 'custom', path: ['agent'], message: `${a.action} needs the agent: see the queue with employment_exit {action: "review"}` })
    })
})
