/** SHA-256 of a file's bytes (or of a text as UTF-8): how the saved search index knows its journal. */
import { createHash } from 'node:crypto'

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}
