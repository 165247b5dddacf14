/**
 * Test support: a real ONNX model that fits a world's observation spec, with random weights
 * (seeded), written by the same exporter the behaviour-cloning pipeline uses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AGENT_OPTIONS } from '../../../../shared/contract/dto/world-summary'
import { initMlp } from '../../bc/mlp'
import { exportMlpOnnx } from '../../onnx/export-mlp'
import type { ObservationSpec } from '../../observations/observation-types'

/** Writes `<tmp>/<name>.onnx` for `spec` and answers its path. */
export function writeRandomModel(spec: ObservationSpec, seed = 7, name = 'random'): string {
  const params = initMlp({ mapSize: spec.mapSize, featureSize: spec.featureSize, outputs: AGENT_OPTIONS.length, hidden: [16, 16] }, seed)
  const bytes = exportMlpOnnx(params, {
    variant: spec.variant,
    mapShape: spec.mapShape,
    mapChannels: spec.mapChannels,
    featureNames: spec.featureNames,
    options: AGENT_OPTIONS,
    dataset: 'random-test',
    seed,
    accuracy: 0
  })
  const file = join(mkdtempSync(join(tmpdir(), 'townlet-model-')), `${name}.onnx`)
  writeFileSync(file, bytes)
  return file
}
