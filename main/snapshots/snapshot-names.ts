/** How the store names snapshot files, shared by saving, listing and pruning. */

/** A file name the store writes and lists: no folders, no dot files (temps), one of our extensions. */
export const SNAPSHOT_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,195}\.json(\.gz)?$/
export const AUTOSAVE_PREFIX = 'autosave-'
export const MANUAL_PREFIX = 'snapshot-'

/** `snapshot-<tick>-<id>` (`autosave-…`), `<id>` the first 8 hex digits of the checksum. */
export function snapshotStem(tick: number, checksum: string, autosave: boolean): string {
  return `${autosave ? AUTOSAVE_PREFIX : MANUAL_PREFIX}${tick}-${checksum.slice(0, 8)}`
}

/** The tick an autosave's name carries, or -1. */
export function tickOfName(name: string): number {
  const m = /^[a-z]+-(\d{1,16})-/.exec(name)
  return m ? Number(m[1]) : -1
}
