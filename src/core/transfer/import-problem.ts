import { RapportError } from '../rapport-error.ts'

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
