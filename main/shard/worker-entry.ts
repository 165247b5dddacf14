/**
 * Entry of the worker threads the host starts from one script: the shard worker (one Shard,
 * driven by the host's messages) or, when started with `workerData.role: 'config-validator'`, the
 * config validator (reads and checks configs and registries, so that building a big town to check
 * it never blocks the host's main thread). It refuses to run on the main thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { runShardWorker } from './shard-worker-loop'
import { runValidatorWorker, VALIDATOR_ROLE } from './validator-worker'

if (isMainThread || !parentPort) {
  throw new Error('shard-worker runs inside a worker_threads Worker started by the host; it cannot run on its own')
}
if ((workerData as { role?: unknown } | null)?.role === VALIDATOR_ROLE) runValidatorWorker(parentPort)
else runShardWorker(parentPort)
