/**
 * Argument schemas several commands share. Each is a factory so every use carries its own
 * `.describe()` text (the help a field shows is about that command, not the type).
 */
import { z } from 'zod'

export const NEED_NAMES = ['hunger', 'hygiene', 'energy'] as const
export const PRICE_KEYS = ['meal_cost', 'ingredients_cost', 'wage_income'] as const
export const UTILITIES = ['power', 'water'] as const

/** An id as operators type it: an agent, object, home or job. */
export const idArg = (help: string) => z.string().min(1).max(64).describe(help)
export const agentArg = () => idArg('the agent\'s id, e.g. "alice" (see telemetry_snapshot)')
/** A tile coordinate: the map is at most 10,000 tiles a side. */
export const coordArg = (help: string) => z.number().int().min(0).max(10_000).describe(help)
export const unitArg = (help: string) => z.number().min(0).max(1).describe(help)
/** Money, within the range the config accepts for wallets. */
export const moneyArg = (help: string) => z.number().min(-1_000_000).max(1_000_000).describe(help)
/** Ticks an event lasts: at least one; the host also refuses more than a day. */
export const durationArg = (help: string) => z.number().int().min(1).max(1_000_000).describe(help)
