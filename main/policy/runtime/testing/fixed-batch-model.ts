/**
 * Test support: a real ONNX model that loads but fails inside onnxruntime's run once the town's
 * population changes. It is the random MLP with one more node, a Reshape of the logits to a
 * constant [batch, options]: every load check passes (inputs, outputs and metadata are those of
 * a good model, the batch dim stays dynamic), and onnxruntime cannot tell at load time that the
 * shape is wrong, because the batch is only known when `run` is called. With `batch` living
 * agents it scores as usual; with any other count `run` throws ("cannot reshape …").
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { onnx } from 'onnx-proto'
import { AGENT_OPTIONS } from '../../../../shared/contract/dto/world-summary'
import type { ObservationSpec } from '../../observations/observation-types'
import { writeRandomModel } from './random-model'

/** Writes `<tmp>/<name>.onnx` for `spec`, fit only for exactly `batch` agents, and answers its path. */
export function writeFixedBatchModel(spec: ObservationSpec, batch: number, name = 'fixed-batch'): string {
  const file = writeRandomModel(spec, 11, name)
  const model = onnx.ModelProto.decode(readFileSync(file))
  const graph = model.graph
  const last = graph?.node?.at(-1)
  if (!graph || !last) throw new Error(`${file}: the exporter wrote no graph to extend`)
  // The last Gemm now feeds the Reshape, which takes over the graph output's name.
  last.output = ['logits_unshaped']
  last.name = 'logits_unshaped'
  const shape = new Uint8Array(16)
  const view = new DataView(shape.buffer)
  view.setBigInt64(0, BigInt(batch), true)
  view.setBigInt64(8, BigInt(AGENT_OPTIONS.length), true)
  graph.initializer = [...(graph.initializer ?? []), onnx.TensorProto.create({ name: 'fixed_shape', dims: [2], dataType: onnx.TensorProto.DataType.INT64, rawData: shape })]
  graph.node = [...(graph.node ?? []), onnx.NodeProto.create({ opType: 'Reshape', input: ['logits_unshaped', 'fixed_shape'], output: ['logits'], name: 'logits' })]
  writeFileSync(file, onnx.ModelProto.encode(model).finish())
  return file
}
