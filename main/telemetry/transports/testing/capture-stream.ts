/** A Writable that keeps what is written to it, for the stdout transport's tests. */
import { Writable } from 'node:stream'

export function captureStream(): { stream: Writable; text: () => string } {
  const chunks: string[] = []
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString('utf8'))
        callback()
      }
    }),
    text: () => chunks.join('')
  }
}
