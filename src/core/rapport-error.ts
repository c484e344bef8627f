import type { ApiError, ApiErrorCode } from '../shared/errors.ts'

/** An expected failure with a message for the user; the handler table turns it into an ApiError. */
export class RapportError extends Error {
  override name = 'RapportError'
  readonly code: ApiErrorCode
  /** The refused value's path in the call's argument, when the argument's schema refused one field. */
  readonly field: string

  constructor(code: ApiErrorCode, message: string, field = '') {
    super(message)
    this.code = code
    this.field = field
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) }
  }
}
