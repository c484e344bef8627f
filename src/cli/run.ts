/**
 * One run of the command: read the command line, find the journal's folder, run the command, and turn
 * every failure into one line on stderr and an exit status.
 */
import { resolveDataDir } from '../core/journal/data-dir.ts'
import { JournalLocked, JournalProblem } from '../core/journal/journal-session.ts'
import { RapportError } from '../core/rapport-error.ts'
import { CliError, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from './cli-error.ts'
import { readCommandLine } from './command-line.ts'
import { defaultDataDir } from './default-data-dir.ts'
import { describeFsFailure, isFsError } from '../core/fs-errors.ts'
import { commandHelp, rootHelp } from './help.ts'
import { stdout } from './output.ts'
import { usePassphrases } from './journal-access.ts'
import { passphraseSource } from './passphrase-input.ts'
// Bundled into the built command, so it always names the version it was built as.
import { version } from '../../package.json'

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const line = readCommandLine(argv)
    if (line.kind === 'version') {
      stdout.line(`rapport ${version}`)
      return EXIT_OK
    }
    if (line.kind === 'help') {
      stdout.line(line.command ? commandHelp(line.command) : rootHelp())
      return EXIT_OK
    }
    const dataDir = resolveDataDir(argv, env, defaultDataDir())
    usePassphrases(passphraseSource(line.options, env))
    return await line.command.run({ dataDir, args: line.args, options: line.options, out: stdout, now: new Date() })
  } catch (failure) {
    const [message, status] = describeFailure(failure)
    process.stderr.write(`${message}\n`)
    return status
  }
}

function describeFailure(failure: unknown): [string, number] {
  if (failure instanceof CliError) return [prefixed(failure.message), failure.exitCode]
  // The lock's message names the process that has the journal; the app shows it as it is, and so do we.
  if (failure instanceof JournalLocked) return [prefixed(failure.message), EXIT_USAGE]
  if (failure instanceof RapportError || failure instanceof JournalProblem)
    return [prefixed(failure.message), EXIT_PROBLEM]
  if (isFsError(failure)) return [prefixed(`${describeFsFailure(failure)}.`), EXIT_PROBLEM]
  const detail = failure instanceof Error ? failure.message : String(failure)
  return [prefixed(`something went wrong (${detail}). Nothing was changed.`), EXIT_PROBLEM]
}

function prefixed(message: string): string {
  return /^rapport[ :]/.test(message) ? message : `rapport: ${message}`
}
