// Moved to main/sim/agents/spawn-agent.ts (the agents domain owns its console operations); kept
// for main/snapshots/legacy/import-agents.ts, another owner's file, until it imports the new path.
export { spawnAgent } from '../agents/spawn-agent'
