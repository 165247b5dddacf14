/**
 * The engine's view of simulated time. The arithmetic lives in `shared/sim-clock.ts` because
 * the renderer stamps log lines and chart axes with the same day and time the engine reports.
 */
export { clockText, createClock, dayOf, inWindow, minutesOf, tickOfClock, tickOfDay, ticksUntil } from '../../../shared/sim-clock'
export type { SimClock } from '../../../shared/sim-clock'
