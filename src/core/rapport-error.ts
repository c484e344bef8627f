import type { ApiError, ApiErrorCode } from '../shared/errors.ts'

/** An expected failure with a message for the user; the handler table turns it into an ApiError. */
export class RapportError extends Error {
  override name = 'RapportError'
  readonly code: ApiErrorCode

  constructor(code: ApiErrorCode, message: string) {
    super(message)
    this.code = code
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message }
  }
}
