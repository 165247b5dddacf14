/**
 * The engine's three named random streams. Every draw in the simulation comes from one of them,
 * and their state is part of the world, so a run replays exactly from a snapshot plus its input log.
 * - `world`: building the town and its agents;
 * - `events`: perturbations and other scheduled surprises (engine issue II);
 * - `policy`: choices the controller makes (tie-breaks, anneal draws).
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

export const STREAM_NAMES = ['world', 'events', 'policy'] as const
export type StreamName = (typeof STREAM_NAMES)[number]

export type RngStreams = Record<StreamName, RandomGenerator>
/** JSON-safe state of every stream, for snapshots and hashing. */
export type RngState = Record<StreamName, number[]>

/** 32-bit FNV-1a of a string: gives each stream its own seed from the one config seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function createStreams(seed: number): RngStreams {
  // Fold the high bits of seeds above 2^32 in, so seeds differing only there still differ.
  const base = (seed % 2 ** 32) ^ Math.floor(seed / 2 ** 32)
  const make = (name: StreamName) => xoroshiro128plus((base ^ fnv1a(name)) | 0)
  return { world: make('world'), events: make('events'), policy: make('policy') }
}

export function streamsState(streams: RngStreams): RngState {
  return { world: [...streams.world.getState()], events: [...streams.events.getState()], policy: [...streams.policy.getState()] }
}

export function streamsFromState(state: RngState): RngStreams {
  return {
    world: xoroshiro128plusFromState(state.world),
    events: xoroshiro128plusFromState(state.events),
    policy: xoroshiro128plusFromState(state.policy)
  }
}

/** One stream from its state (as `streamsState` gives it): e.g. the `policy` stream a tick adopts from its inputs. */
export function streamFromState(state: readonly number[]): RandomGenerator {
  return xoroshiro128plusFromState(state)
}

/** A float in [0, 1). */
export function nextFloat(rng: RandomGenerator): number {
  return (rng.next() >>> 0) / 4294967296
}

/** An integer in [0, n). */
export function nextInt(rng: RandomGenerator, n: number): number {
  return Math.floor(nextFloat(rng) * n)
}
