/**
 * Foreign text (an error from the OS or a peer, a spec an operator typed) never reaches status or
 * an error message verbatim: at most a short snippet, with control and formatting characters
 * replaced, so a hostile endpoint cannot write terminal escapes, fake log lines or megabytes into
 * our status block.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu

/** A quoted, bounded, printable snippet of `text`: `"abc…"`. */
export function snippet(text: string, max = 48): string {
  const chars = Array.from(text.slice(0, max * 2 + 2))
  const cut = chars.length > max || text.length > max * 2 + 2
  const safe = chars.slice(0, max).join('').replace(UNSAFE, '?')
  return `"${safe}${cut ? '…' : ''}"`
}

/** An errno-style code (`ECONNREFUSED`) when the value looks like one, else null. */
export function errnoCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(code) ? code : null
}
