/**
 * Errors that cross the bridge. They are plain data (IPC cannot carry Error subclasses) with a code the UI
 * can branch on and a message written for the person using the app.
 */
export type ApiErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'journal-unreadable'
  | 'journal-locked'
  | 'save-failed'
  | 'forbidden'
  | 'internal'

export interface ApiError {
  code: ApiErrorCode
  message: string
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }
