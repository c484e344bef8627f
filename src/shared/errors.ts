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
  /** Maintenance (a restore, a move) is replacing the journal: nothing was changed, try again in a moment. */
  | 'busy'
  /** The journal is protected and locked: unlock it first. */
  | 'locked'
  /** The passphrase does not unlock the journal; nothing was changed. */
  | 'wrong-passphrase'
  | 'internal'

export interface ApiError {
  code: ApiErrorCode
  message: string
  /**
   * Where in the call's argument the refused value is, as a dot path ("patch.email"), when the argument's
   * schema refused one field: forms show the message beside that field.
   */
  field?: string
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }
