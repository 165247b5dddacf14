/**
 * Saves generated text as a file through the page's own download (a link with `download`):
 * the browser's download bar in browser mode, Electron's save dialog in the desktop shell.
 */

/** The little of the DOM this needs; render tests type-check without the DOM library. */
interface DownloadLink {
  href: string
  download: string
  click(): void
  remove(): void
}
interface DownloadDocument {
  createElement(tag: 'a'): DownloadLink
  body: { append(node: DownloadLink): void }
}

export function downloadText(fileName: string, text: string, mime: string): void {
  const doc = (globalThis as unknown as { document: DownloadDocument }).document
  const url = URL.createObjectURL(new Blob([text], { type: mime }))
  const link = doc.createElement('a')
  link.href = url
  link.download = fileName
  doc.body.append(link)
  link.click()
  link.remove()
  // The download has its own copy once click() returns; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
