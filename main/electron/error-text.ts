/**
 * Turns a host error into text for a native error box: the message, then one line per config
 * issue with its YAML path and position when the error carries them.
 */
import { ConfigErrorDetailsSchema } from '../../shared/contract/dto/config-summary'
import type { AppError } from '../../shared/result'

/** At most this many issues are listed; an error box is not a scroll view. */
const MAX_ISSUES = 20

/** Format an AppError for `dialog.showErrorBox`. */
export function errorText(error: AppError): string {
  const details = ConfigErrorDetailsSchema.safeParse(error.details)
  if (!details.success || details.data.issues.length === 0) return error.message
  const { issues } = details.data
  const lines = issues.slice(0, MAX_ISSUES).map((i) => {
    const where = i.line === undefined ? '' : ` (line ${i.line}${i.col === undefined ? '' : `, col ${i.col}`})`
    return `• ${i.path || '(document)'}${where}: ${i.message}`
  })
  if (issues.length > MAX_ISSUES) lines.push(`… and ${issues.length - MAX_ISSUES} more`)
  return `${error.message}\n\n${lines.join('\n')}`
}
