/** The help texts: the root one lists the commands, each command's adds its own details. */
import type { Command } from './command.ts'
import { COMMANDS } from './command-list.ts'

const GLOBAL_HELP = [
  'Options for every command:',
  '  --data-dir <folder>   the folder that holds journal.json (also RAPPORT_DATA_DIR); by default the',
  '                        app’s own: ~/.config/Rapport, ~/Library/Application Support/Rapport or %APPDATA%\\Rapport',
  '  -h, --help            show help'
].join('\n')

export function rootHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2
  return [
    'rapport: your Rapport journal from the command line.',
    '',
    'Usage: rapport <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map(
      (command) =>
        `  ${command.name.padEnd(width)}${command.summary}${command.readOnly ? '' : ' (Rapport must be closed)'}`
    ),
    `  ${'help'.padEnd(width)}show help for a command, as in “rapport help search”`,
    '',
    GLOBAL_HELP,
    '',
    'Exit status: 0 done, 1 a problem with the journal or a file, 2 a wrong command line or a journal',
    'another program has open.'
  ].join('\n')
}

export function commandHelp(command: Command): string {
  return [`Usage: ${command.usage}`, '', command.help, '', GLOBAL_HELP].join('\n')
}
