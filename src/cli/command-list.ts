/** Every command, in the order the help lists them. */
import type { Command } from './command.ts'
import { addCommand } from './commands/add-command.ts'
import { backupCommand } from './commands/backup-command.ts'
import { briefCommand } from './commands/brief-command.ts'
import { calendarCommand } from './commands/calendar-command.ts'
import { doctorCommand } from './commands/doctor-command.ts'
import { doneCommand } from './commands/done-command.ts'
import { exportCommand } from './commands/export-command.ts'
import { followUpCommand } from './commands/follow-up-command.ts'
import { importCommand } from './commands/import-command.ts'
import { logCommand } from './commands/log-command.ts'
import { passphraseCommand } from './commands/passphrase-command.ts'
import { searchCommand } from './commands/search-command.ts'
import { todayCommand } from './commands/today-command.ts'

export const COMMANDS: readonly Command[] = [
  todayCommand,
  searchCommand,
  briefCommand,
  addCommand,
  logCommand,
  followUpCommand,
  doneCommand,
  exportCommand,
  importCommand,
  calendarCommand,
  backupCommand,
  passphraseCommand,
  doctorCommand
]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name)
}
