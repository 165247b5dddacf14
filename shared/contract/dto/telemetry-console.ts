/**
 * Which telemetry schema this console reads, and the warning it shows when a shard reports
 * another. The telemetry commands' answers (telemetry_snapshot, conflict_status, health_status)
 * carry `schema_version`, the shard's telemetry schema ("MAJOR.MINOR"). The rule follows the
 * stream's (main/telemetry/stream/stream-compat.ts): a newer minor only adds fields, which this
 * console does not know to show; a newer major may change what fields mean; an older one lacks
 * fields this console expects. The version is echoed only once it is known to be two numbers.
 */

/** The telemetry schema this build knows; equal to the stream's STREAM_SCHEMA_VERSION (a test holds them together). */
export const CONSOLE_TELEMETRY_SCHEMA = '1.2'

/** Commands whose answers carry the telemetry schema_version. */
export const TELEMETRY_RESULT_COMMANDS: readonly string[] = ['telemetry_snapshot', 'conflict_status', 'health_status']

const VERSION = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/

/** The warning for one command's answer, or null when there is nothing to warn about (or it is not a telemetry answer). */
export function telemetrySchemaWarning(name: string, result: unknown, known: string = CONSOLE_TELEMETRY_SCHEMA): string | null {
  if (!TELEMETRY_RESULT_COMMANDS.includes(name)) return null
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return null
  const reported = (result as { schema_version?: unknown }).schema_version
  const mine = VERSION.exec(known)
  if (!mine) return null
  // A shard from before the schema was reported (conflict_status and health_status had none).
  if (reported === undefined) return null
  // telemetry_snapshot counted its versions as whole numbers before it followed the telemetry schema.
  if (reported === 1) return `shard reports the old telemetry_snapshot version 1, older than this console's telemetry schema ${known}: update the shard; fields may be missing`
  if (typeof reported !== 'string' || reported.length > 16 || !VERSION.test(reported)) {
    return `the shard reports a telemetry schema this console cannot read (it knows ${known}): update the workstation or the shard; fields may be missing`
  }
  const [major, minor] = reported.split('.').map(Number) as [number, number]
  const [knownMajor, knownMinor] = [Number(mine[1]), Number(mine[2])]
  if (major > knownMajor) return `shard reports telemetry schema ${reported}, this console knows ${known}: update the workstation; fields may be missing or mean something else`
  if (major === knownMajor && minor > knownMinor) return `shard reports telemetry schema ${reported}, this console knows ${known}: update the workstation; fields may be missing`
  if (major < knownMajor) return `shard reports telemetry schema ${reported}, older than this console's ${known}: update the shard; fields may be missing`
  return null
}
