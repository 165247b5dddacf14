/**
 * The pipe worker: a TelemetryPipe over the configured transports, on its own thread, so that
 * delivering the stream (batching, rotation, sockets, retries, HTTP) never takes the tick's
 * thread. It answers every batch with the transports' status, which is how the tick's side
 * learns of a failure without asking.
 */
import type { MessagePort } from 'node:worker_threads'
import { Workspace } from '../../fs/workspace'
import { TelemetryPipe, type TelemetryPipeStatus } from './telemetry-pipe'
import type { FromPipeWorker, PipeWorkerData, ToPipeWorker } from './pipe-thread-protocol'

const NO_STATUS: TelemetryPipeStatus = { transports: [], connected: true, dropped_messages: 0, queued_bytes: 0, unencodable_messages: 0 }

export async function runPipeWorker(port: MessagePort, data: PipeWorkerData): Promise<void> {
  const post = (message: FromPipeWorker) => port.postMessage(message)
  const made = await TelemetryPipe.create(data.block, { workspace: await Workspace.fromJSON(data.workspace), base: data.base })
  if (!made.ok) {
    post({ type: 'ready', error: made.error, status: NO_STATUS })
    port.close()
    return
  }
  const pipe = made.value
  post({ type: 'ready', error: null, status: pipe.status() })
  port.on('message', (message: ToPipeWorker) => {
    switch (message.type) {
      case 'lines':
        if (message.tick !== null) pipe.setTick(message.tick)
        for (const line of message.lines) pipe.sendJson(line)
        post({ type: 'took', status: pipe.status() })
        return
      case 'flush':
        void pipe.flush(message.timeoutMs).then((ok) => post({ type: 'flushed', id: message.id, ok, status: pipe.status() }))
        return
      case 'close':
        void pipe.close(message.timeoutMs).then(() => {
          post({ type: 'closed', id: message.id, status: pipe.status() })
          port.close()
        })
        return
    }
  })
}
