/**
 * Reads an HTTP API request's JSON body with bounds: `application/json` only, at most `maxBytes`
 * (a declared length over it is refused before a byte is read; a chunked body is cut off as soon
 * as it crosses it), within `timeoutMs`, UTF-8 only. What it returns is parsed JSON, nothing more:
 * its shape is the registry's to check against the contract. A refusal never quotes the body.
 */
import type { IncomingMessage } from 'node:http'
import type { AppError } from '../../shared/result'

export interface BodyLimits {
  maxBytes: number
  timeoutMs: number
}

export type BodyRead = { ok: true; value: unknown } | { ok: false; status: 400 | 408 | 413 | 415; error: AppError }

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i

export function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyRead> {
  const type = req.headers['content-type']
  if (type === undefined || !JSON_TYPE.test(type.trim())) {
    return Promise.resolve(refuse(415, 'http.unsupported_media_type', "send the body as JSON with 'Content-Type: application/json'"))
  }
  const declared = req.headers['content-length']
  if (declared !== undefined && Number(declared) > limits.maxBytes) return Promise.resolve(tooLarge(limits.maxBytes))
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (outcome: BodyRead): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.off('data', onData)
      // What is still coming is read and dropped by the server once the reply is sent.
      resolve(outcome)
    }
    const timer = setTimeout(() => finish(refuse(408, 'http.timeout', `the body did not arrive within ${limits.timeoutMs / 1000} s`)), limits.timeoutMs)
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limits.maxBytes) return finish(tooLarge(limits.maxBytes))
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('error', () => finish(refuse(400, 'http.invalid_json', 'the body could not be read')))
    req.on('end', () => finish(parse(Buffer.concat(chunks))))
  })
}

function parse(bytes: Buffer): BodyRead {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return refuse(400, 'http.invalid_json', 'the body is not UTF-8 text')
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return refuse(400, 'http.invalid_json', 'the body is not valid JSON: send {"name": "...", "args": {...}, "cmd_id": "..."}')
  }
}

function tooLarge(max: number): BodyRead {
  return refuse(413, 'http.too_large', `the body is bigger than ${max} bytes`)
}

function refuse(status: 400 | 408 | 413 | 415, code: AppError['code'], message: string): BodyRead {
  return { ok: false, status, error: { code, message } }
}
