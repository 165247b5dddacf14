/**
 * The three streams as JSON and back: each stream's xoroshiro128+ state, four 32-bit integers.
 * An all-zero state would make the generator return zeros forever, so it is refused with the rest.
 */
import { at, numberArray, objectWithKeys, Problems, type Parsed, INT32 } from '../snapshot/json-problems'
import { STREAM_NAMES, streamsFromState, streamsState, type RngState, type RngStreams } from './rng-streams'

export type RngJson = RngState

/** Words of one stream's state. */
const STATE_WORDS = 4

export function rngToJSON(streams: RngStreams): RngJson {
  return streamsState(streams)
}

export function rngFromJSON(json: unknown, path = 'rng'): Parsed<RngStreams> {
  const p = new Problems()
  const o = objectWithKeys(p, path, json, STREAM_NAMES)
  const state = {} as RngState
  if (o) {
    for (const name of STREAM_NAMES) {
      const words = numberArray(p, at(path, name), o[name], { length: STATE_WORDS }, INT32)
      if (words && words.every((w) => w === 0)) p.add(at(path, name), 'an all-zero state is not one a stream can have')
      if (words) state[name] = [...words]
    }
  }
  return p.result(() => streamsFromState(state))
}
