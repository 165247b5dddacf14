/** Copying to the clipboard where the page may: the policy hash, a console result's JSON. */

/** Copies text; false where the page may not (render tests, old shells, a denied permission). */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = (globalThis as { navigator?: { clipboard?: { writeText?: (t: string) => Promise<void> } } }).navigator?.clipboard
  if (!clipboard?.writeText) return false
  try {
    await clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
