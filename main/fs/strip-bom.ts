/**
 * Text files saved as "UTF-8 with BOM" (Notepad, some Windows tools and exporters) start with
 * U+FEFF. `readFile(…, 'utf8')` keeps it, so the first line of a JSON Lines file is not JSON.
 * Only a mark at the very start is a byte order mark; anywhere else U+FEFF is content, left as is.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
