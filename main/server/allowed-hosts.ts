/**
 * The names browser mode answers to: the loopback names and the address it is bound to, each
 * with its port. A DNS-rebinding page reaches the server under its own name (`evil.example:5170`
 * resolving to 127.0.0.1), which is not on the list, so neither its HTTP requests nor its socket
 * get anywhere; a page may connect only from one of these same origins.
 */
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]']

/** `host:port` strings, lowercase; an IPv6 bound address in brackets. */
export function allowedHosts(bound: string, port: number): ReadonlySet<string> {
  const boundName = bound.includes(':') ? `[${bound}]` : bound
  return new Set([...LOOPBACK, boundName].map((name) => `${name.toLowerCase()}:${port}`))
}

export function hostAllowed(hosts: ReadonlySet<string>, header: string | undefined): boolean {
  return header !== undefined && hosts.has(header.toLowerCase())
}

/** The page's origin must be `http://` one of our own names: never derived from the request. */
export function originAllowed(hosts: ReadonlySet<string>, origin: string): boolean {
  const lower = origin.toLowerCase()
  return lower.startsWith('http://') && hosts.has(lower.slice('http://'.length))
}
