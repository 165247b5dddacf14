/**
 * The migrations this workstation ships, in one registry. Add a step here when a shipped config
 * changes in a way that old snapshots must follow (and ship the old config beside it, so its
 * snapshots can still be written and tested).
 */
import { MigrationRegistry } from './migration-registry'
import { defaultV1ToDefault } from './migrations/default-v1-to-default'

export function builtinMigrations(): MigrationRegistry {
  return new MigrationRegistry([defaultV1ToDefault])
}
