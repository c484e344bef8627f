/** Every command, in the order the help lists them. */
import type { Command } from './command.ts'
import { backupCommand } from './commands/backup-command.ts'
import { briefCommand } from './commands/brief-command.ts'
import { doctorCommand } from './commands/doctor-command.ts'
import { exportCommand } from './commands/export-command.ts'
import { importCommand } from './commands/import-command.ts'
import { searchCommand } from './commands/search-command.ts'

export const COMMANDS: readonly Command[] = [
  searchCommand,
  briefCommand,
  exportCommand,
  importCommand,
  backupCommand,
  doctorCommand
]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name)
}
