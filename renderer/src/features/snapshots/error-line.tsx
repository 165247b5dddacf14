import type { AppError } from '../../../../shared/result'

/** A failed request as the operator needs it: the stable code, then the message. */
export function ErrorLine({ error, testId }: { error: AppError; testId: string }) {
  return (
    <p className="snapshot-error" role="alert" data-testid={testId} data-code={error.code}>
      <code className="snapshot-error-code">{error.code}</code> {error.message}
    </p>
  )
}
