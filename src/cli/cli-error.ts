/**
 * Failures the command reports in one line. Exit codes: 1 for a problem with the journal or a file,
 * 2 for a command line Rapport cannot run (and for a journal another process holds).
 */
export const EXIT_OK = 0
export const EXIT_PROBLEM = 1
export const EXIT_USAGE = 2

export class CliError extends Error {
  override name = 'CliError'
  readonly exitCode: number

  constructor(message: string, exitCode: number = EXIT_PROBLEM) {
    super(message)
    this.exitCode = exitCode
  }
}

/** The command line itself is wrong: an unknown command or option, a missing argument. */
export class UsageError extends CliError {
  override name = 'UsageError'

  constructor(message: string) {
    super(message, EXIT_USAGE)
  }
}
