/** The perturbation commands, in the order `help` lists them (registered as one entry in index.ts). */
import type { AnyCommand } from '../command'
import { arrangeMeetCommand, perturbationCancelCommand, perturbationTriggerCommand } from './perturbation-ops'
import { perturbationQueueCommand } from './perturbation-queue'

export const PERTURBATION_COMMANDS = [perturbationQueueCommand, perturbationTriggerCommand, perturbationCancelCommand, arrangeMeetCommand] as AnyCommand[]
