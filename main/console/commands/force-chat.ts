/** `force_chat`: an admin makes two agents chat at the next tick boundary, wherever they stand. */
import { z } from 'zod'
import { defineCommand, queue, refuse } from '../command'
import { resolveAgent } from '../resolve-ids'
import { idArg, unitArg } from './arg-types'

export const forceChatCommand = defineCommand({
  name: 'force_chat',
  role: 'admin',
  destructive: false,
  help: 'Make two agents chat now, wherever they stand: success raises their trust and familiarity, failure (rivals, or quality below chat.failure_below) their rivalry.',
  args: z
    .object({
      speaker: idArg('the agent who starts the chat, e.g. "alice"'),
      listener: idArg('the agent spoken to, e.g. "bob"'),
      quality: unitArg('how well it goes, 0 to 1 (default: what their ties and personalities give)').optional()
    })
    .strict(),
  run({ world }, args) {
    const speaker = resolveAgent(world, args.speaker)
    if (!speaker.ok) return refuse(speaker.code, speaker.message)
    const listener = resolveAgent(world, args.listener)
    if (!listener.ok) return refuse(listener.code, listener.message)
    if (speaker.index === listener.index) return refuse('console.invalid_args', `speaker and listener are both "${args.speaker}": name two different agents`)
    return queue({ op: 'force_chat', speaker: speaker.index, listener: listener.index, ...(args.quality === undefined ? {} : { quality: args.quality }) })
  }
})
