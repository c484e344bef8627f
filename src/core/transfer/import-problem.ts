import { RapportError } from '../rapport-error.ts'
import type { SkippedRecord } from '../../shared/transfer.ts'

/**
 * A contact file Rapport will not import, and the line where the trouble is. It is a RapportError
 * ('invalid-input'), so the handler table hands its message to the UI as it is.
 */
export class ImportProblem extends RapportError {
  override name = 'ImportProblem'
  readonly line: number

  constructor(line: number, problem: string) {
    super('invalid-input', `Line ${line}: ${problem}`)
    this.line = line
  }
}

/**
 * Refuses a file in which no record could be read: with the first skipped record's line and reason, and how
 * many others there were; `empty` when the file holds no record at all.
 */
export function refuseUnreadable(skipped: readonly SkippedRecord[], empty: string): never {
  const [first, ...rest] = skipped
  if (!first) throw new ImportProblem(1, empty)
  const others =
    rest.length === 0
      ? ''
      : ` ${rest.length.toLocaleString('en')} more could not be read either (from line ${rest[0]!.line}).`
  throw new ImportProblem(first.line, `${first.reason} No contact in this file could be read.${others}`)
}
