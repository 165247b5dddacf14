/**
 * Personalities: the traits as the document has them (clamped into [−1, 1]) and the profile by
 * name. An unknown profile keeps the town's profile for the agent while the document's traits
 * still apply, as the original fell back to the stored traits. Runs once the society's arrays
 * cover every slot (syncAgents), agents added by the import included.
 */
import { PROFILE_NAMES } from '../../config/sections/society'
import { clamp, type ImportContext } from './import-context'

const TRAITS = ['extroversion', 'forgiveness', 'ambition'] as const

export function importPersonalities(ctx: ImportContext): void {
  const { world, report } = ctx
  const society = world.state.society
  for (const legacy of ctx.state.agents) {
    const slot = ctx.slots.get(legacy.agent_id)
    if (slot === undefined) continue
    const traits = legacy.personality
    if (!traits) report.keep('agents.personality', "not in the document: the town's personality for the agent")
    else {
      for (const trait of TRAITS) {
        const v = traits[trait]
        if (v === undefined) report.keep(`agents.personality.${trait}`, "not in the document: the town's value")
        else {
          society[trait][slot] = clamp(v, -1, 1)
          report.map(`agents.personality.${trait}`, 1, v < -1 || v > 1 ? 'clamped into [−1, 1]' : undefined)
        }
      }
    }
    const name = legacy.personality_profile
    if (name === undefined) continue
    const profile = (PROFILE_NAMES as readonly string[]).indexOf(name)
    if (profile < 0) report.drop('agents.personality_profile', "no such profile here (balanced, industrious, socialite, stoic): the town's profile stands, the document's traits apply", legacy.agent_id)
    else {
      society.profile[slot] = profile
      report.map('agents.personality_profile', 1, 'by name')
    }
  }
}
