/**
 * A model's inference failed and the runtime was told not to fall back (`onInferenceError:
 * 'fail'`, what `townlet run` asks for): the step rejects with this, so the caller can stop at
 * the failing tick and exit non-zero instead of finishing a run the model no longer drove.
 */
export class InferenceFailedError extends Error {
  override name = 'InferenceFailedError'
  readonly code = 'policy.inference_failed'

  constructor(
    /** The world's tick when the decision for the next one failed: the run stops there. */
    readonly tick: number,
    /** The model's file name. */
    readonly model: string,
    /** onnxruntime's message, on one line. */
    readonly reason: string,
    options?: { cause?: unknown }
  ) {
    super(`the model ${model} failed at tick ${tick}: ${reason}`, options)
  }
}

/** One line of an inference error's message: onnxruntime's span several and end with a newline. */
export function inferenceReason(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause)
  return text.replace(/\s+/g, ' ').trim()
}
