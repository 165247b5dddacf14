/**
 * `npm run docs`: rewrites the generated tables in the docs from the code (see doc-tables.ts).
 * Prints which files changed; run it after adding a console command, a shortcut or a channel.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fillGenerated } from './doc-tables'
import { DOC_FILES } from './doc-files'

const root = join(__dirname, '../..')
for (const file of DOC_FILES) {
  const path = join(root, file)
  const before = readFileSync(path, 'utf8')
  const after = fillGenerated(before)
  if (after !== before) {
    writeFileSync(path, after)
    console.log(`updated ${file}`)
  } else console.log(`${file} is up to date`)
}
