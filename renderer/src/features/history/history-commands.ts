/**
 * The History panel's requests: the workspace's recorded runs and one run in detail. Replies go
 * straight back to the panel (it keeps them while shown); nothing here throws.
 */
import type { HistoryRunDetail, HistoryRuns } from '../../../../shared/contract/dto/history'
import type { Result } from '../../../../shared/result'
import type { TownletClient } from '../../api/townlet-client'

export function createHistoryCommands(client: TownletClient) {
  return {
    historyRuns: (): Promise<Result<HistoryRuns>> => client.invoke('history.runs', {}),
    historyRun: (id: number): Promise<Result<HistoryRunDetail>> => client.invoke('history.run', { id })
  }
}
