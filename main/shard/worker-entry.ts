/**
 * Entry of the worker threads the host starts from one script: the shard worker (one Shard,
 * driven by the host's messages) or, when started with `workerData.role: 'config-validator'`, the
 * config validator (reads and checks configs and registries, so that building a big town to check
 * it never blocks the host's main thread), or, with `role: 'telemetry-pipe'`, the telemetry
 * transports of `townlet run` (main/telemetry/transports/threaded-pipe.ts). It refuses to run on
 * the main thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { runPipeWorker } from '../telemetry/transports/pipe-worker'
import { PIPE_WORKER_ROLE, type PipeWorkerData } from '../telemetry/transports/pipe-thread-protocol'
import { runShardWorker } from './shard-worker-loop'
import { runValidatorWorker, VALIDATOR_ROLE } from './validator-worker'

if (isMainThread || !parentPort) {
  throw new Error('shard-worker runs inside a worker_threads Worker started by the host; it cannot run on its own')
}
const role = (workerData as { role?: unknown } | null)?.role
if (role === VALIDATOR_ROLE) runValidatorWorker(parentPort)
else if (role === PIPE_WORKER_ROLE) void runPipeWorker(parentPort, workerData as PipeWorkerData)
else runShardWorker(parentPort)
