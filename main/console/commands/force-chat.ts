/** `force_chat`: an admin makes two agents chat at the next tick boundary, wherever they stand. */
import { queue, refuse, type CommandRun } from '../command'
import { resolveAgent } from '../resolve-ids'

export const forceChatRun: CommandRun<'force_chat'> = ({ world }, args) => {
  const speaker = resolveAgent(world, args.speaker)
  if (!speaker.ok) return refuse(speaker.code, speaker.message)
  const listener = resolveAgent(world, args.listener)
  if (!listener.ok) return refuse(listener.code, listener.message)
  if (speaker.index === listener.index) return refuse('console.invalid_args', `speaker and listener are both "${args.speaker}": name two different agents`)
  return queue({ op: 'force_chat', speaker: speaker.index, listener: listener.index, ...(args.quality === undefined ? {} : { quality: args.quality }) })
}
