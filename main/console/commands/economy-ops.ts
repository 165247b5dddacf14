/** The runs of the commands that change the town's economy: `price` and `utility` (descriptors: shared/contract/console-commands/economy-commands.ts). */
import { queue, type CommandRun } from '../command'

export const priceRun: CommandRun<'price'> = (_ctx, args) => queue({ op: 'set_price', key: args.key, value: args.value, mode: args.mode ?? 'set' })

export const utilityRun: CommandRun<'utility'> = (_ctx, args) => queue({ op: 'set_utility', utility: args.utility, on: args.on })
