import { SOCKET_PATH } from '../../../shared/contract/socket-protocol'

export interface PageLocation {
  protocol: string
  host: string
  search: string
}

/**
 * The browser-mode socket URL for the page we were served from. The server prints the page URL
 * as `http://127.0.0.1:PORT/?token=TOKEN`; the token goes on to the socket unchanged.
 */
export function socketUrlFor(location: PageLocation): string {
  const token = new URLSearchParams(location.search).get('token') ?? ''
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}${SOCKET_PATH}?token=${encodeURIComponent(token)}`
}

/** True when the page URL carries no token at all, so the refusal message can say so. */
export function hasToken(location: PageLocation): boolean {
  return (new URLSearchParams(location.search).get('token') ?? '') !== ''
}
