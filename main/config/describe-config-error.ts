import { ConfigErrorDetailsSchema } from '../../shared/contract/dto/config-summary'
import type { AppError } from '../../shared/result'
import { formatIssue } from './load-config'

/** A config error as terminal text: a headline, then one indented line per issue with its YAML line. */
export function describeConfigError(error: AppError): string {
  const details = ConfigErrorDetailsSchema.safeParse(error.details)
  if (!details.success || details.data.issues.length === 0) return error.message
  const { source, issues } = details.data
  return [`${source} is not a valid shard config:`, ...issues.map((i) => `  ${formatIssue(i)}`)].join('\n')
}
