/**
 * Child process for publish-set.test.ts (run with `node --import tsx`): commits a set of three
 * files in two folders and, at the step named on the command line, says "at <step>" and hangs
 * there until the test kills it with SIGKILL: a crash at that exact point, nothing cleaned up.
 *
 * argv: <root> <step>, step one of stage-0..2, journal, rename-0..2
 * The set: <root>/models/a.onnx, <root>/models/a.json, <root>/versions.json (journal in <root>).
 */
import { join } from 'node:path'
import { commitFileSet } from './publish-set'

const [root, step] = process.argv.slice(2)
if (root === undefined || step === undefined) throw new Error('usage: file-set-child.ts <root> <step>')

const hang = (at: string) => {
  if (at !== step) return Promise.resolve()
  process.stdout.write(`at ${at}\n`)
  setInterval(() => undefined, 1_000)
  return new Promise<void>(() => undefined)
}

void commitFileSet(
  [
    { path: join(root, 'models', 'a.onnx'), data: 'new-a' },
    { path: join(root, 'models', 'a.json'), data: 'new-b' },
    { path: join(root, 'versions.json'), data: 'new-c' }
  ],
  {
    journalDir: root,
    hooks: {
      afterStage: (i) => hang(`stage-${i}`),
      afterJournal: () => hang('journal'),
      afterRename: (i) => hang(`rename-${i}`)
    }
  }
).then(() => process.stdout.write('committed\n'))
