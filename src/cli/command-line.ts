/**
 * Reading the command line with node:util parseArgs: first which command (options may come before it),
 * then that command's own options, strictly, so a mistyped option is an error rather than ignored.
 */
import { parseArgs } from 'node:util'
import type { ParseArgsOptionsConfig } from 'node:util'
import { UsageError } from './cli-error.ts'
import type { Command, OptionValues } from './command.ts'
import { findCommand } from './command-list.ts'

export const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  'passphrase-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' }
} as const satisfies ParseArgsOptionsConfig

export type CommandLine =
  | { kind: 'help'; command: Command | null }
  | { kind: 'version' }
  | { kind: 'run'; command: Command; args: string[]; options: OptionValues }

export function readCommandLine(argv: readonly string[]): CommandLine {
  const first = parse([...argv], GLOBAL_OPTIONS, false, 'rapport')
  const [name, ...rest] = first.positionals
  if (name === undefined) {
    // No command: an option that is not a global one is the mistake to report.
    const { values } = parse([...argv], GLOBAL_OPTIONS, true, 'rapport')
    if (values.help) return { kind: 'help', command: null }
    if (values.version) return { kind: 'version' }
    throw new UsageError(
      'rapport: say what to do, as in “rapport search pricing”. Run “rapport --help” for the commands.'
    )
  }
  if (name === 'help') {
    if (rest.length === 0) return { kind: 'help', command: null }
    return { kind: 'help', command: commandNamed(rest[0]!) }
  }
  const command = commandNamed(name)
  const { values, positionals } = parse(
    [...argv],
    { ...GLOBAL_OPTIONS, ...command.options },
    true,
    `rapport ${command.name}`
  )
  if (values.help) return { kind: 'help', command }
  // An empty folder (an unset shell variable, say) must not quietly open the default journal instead.
  if (typeof values['data-dir'] === 'string' && values['data-dir'].trim() === '') {
    throw new UsageError(
      `rapport ${command.name}: “--data-dir” needs a folder, and it was given an empty one. Name the folder that holds journal.json.`
    )
  }
  // The command's name is the first positional; what follows belongs to the command.
  return { kind: 'run', command, args: positionals.slice(1), options: values }
}

function commandNamed(name: string): Command {
  const command = findCommand(name)
  if (!command) throw new UsageError(`rapport: “${name}” is not a command. Run “rapport --help” for the commands.`)
  return command
}

function parse(
  args: string[],
  options: ParseArgsOptionsConfig,
  strict: boolean,
  who: string
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, strict, allowPositionals: true })
    return { values: values as OptionValues, positionals }
  } catch (error) {
    throw new UsageError(`${who}: ${describeParseError(error)} Run “${who} --help”.`)
  }
}

/** parseArgs' messages, shortened to what was wrong. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `there is no option “${option}”.`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /argument missing/.test(message) ? `“${option}” needs a value.` : `“${option}” takes no value.`
  return message.split('\n')[0]!
}
