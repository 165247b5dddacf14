/** Reading static markup in render tests: the text under a test id, how often one occurs, an element's tag. */

/** The text inside the first element carrying `data-testid="id"` (one with no nested tag of its own name). */
export function textOf(html: string, id: string): string {
  const doc = html.replace(/<!-- -->/g, '')
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>(.*?)</\\1>`).exec(doc)
  if (!match) throw new Error(`no element with data-testid="${id}" in ${doc}`)
  return match[2]!.replace(/<[^>]+>/g, '')
}

export function countOf(html: string, id: string): number {
  return html.split(`data-testid="${id}"`).length - 1
}

/** The opening tag of the first element with this test id. */
export function tagOf(html: string, id: string): string {
  const match = new RegExp(`<[^>]*data-testid="${id}"[^>]*>`).exec(html)
  if (!match) throw new Error(`no element with data-testid="${id}"`)
  return match[0]
}

/** True when the element with this test id carries the `disabled` attribute. */
export function isDisabled(html: string, id: string): boolean {
  return /\sdisabled=""/.test(tagOf(html, id))
}
