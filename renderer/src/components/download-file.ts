/**
 * Saves generated text as a file through the page's own download (a link with `download`):
 * the browser's download bar in browser mode, Electron's save dialog in the desktop shell.
 */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own copy once click() returns; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
