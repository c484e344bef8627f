/** Every command, in the order the help lists them. */
import type { Command } from './command.ts'
import { backupCommand } from './commands/backup.ts'
import { briefCommand } from './commands/brief.ts'
import { doctorCommand } from './commands/doctor.ts'
import { exportCommand } from './commands/export.ts'
import { importCommand } from './commands/import.ts'
import { searchCommand } from './commands/search.ts'

export const COMMANDS: readonly Command[] = [searchCommand, briefCommand, exportCommand, importCommand, backupCommand, doctorCommand]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name)
}
