/** The help texts: the root one lists the commands, each command's adds its own details. */
import type { Command } from './command.ts'
import { COMMANDS } from './command-list.ts'

const GLOBAL_HELP = [
  'Options for every command:',
  '  --data-dir <folder>   the folder that holds journal.json (also RAPPORT_DATA_DIR); by default the',
  '                        app’s own: ~/.config/Rapport, ~/Library/Application Support/Rapport or %APPDATA%\\Rapport',
  '  --passphrase-file <file>  a protected journal’s passphrase, read from a file (also',
  '                        RAPPORT_PASSPHRASE_FILE); without it, asked for at the terminal, never echoed',
  '  -h, --help            show help',
  '  -v, --version         print Rapport’s version'
].join('\n')

const EXIT_HELP = [
  'Exit status:',
  '  0   done',
  '  1   a problem with the journal, a file or a value: no journal yet, a file that cannot be read or',
  '      written, no one (or several people equally) matching a name, an id not in the journal, a value',
  '      the journal refuses (a bad email, say), or problems found by “rapport doctor”',
  '  2   a command line Rapport cannot run (unknown command or option, missing argument, a date it cannot',
  '      read), a journal another program has open (Rapport itself, say), or a wrong passphrase'
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
    EXIT_HELP
  ].join('\n')
}

export function commandHelp(command: Command): string {
  return [`Usage: ${command.usage}`, '', command.help, '', GLOBAL_HELP].join('\n')
}
