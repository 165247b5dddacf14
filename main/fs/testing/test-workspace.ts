/**
 * A workspace for tests that are not about the workspace: the repository (its configs and
 * fixtures) and the system's temp folder (where tests write their own files).
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ShardFiles } from '../../shard/shard'
import { Workspace } from '../workspace'

const repoRoot = join(__dirname, '../../..')

export function testWorkspace(): Promise<Workspace> {
  return Workspace.create([
    { name: 'repository', path: repoRoot },
    { name: 'temp', path: tmpdir() }
  ])
}

/** The same as ShardFiles, relative paths from the repository. */
export async function testFiles(): Promise<ShardFiles> {
  return { workspace: await testWorkspace(), base: repoRoot }
}
