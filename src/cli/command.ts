/** What every command declares: its name, its help, its options (for node:util parseArgs) and how it runs. */
import type { ParseArgsOptionsConfig } from 'node:util'
import type { Output } from './output.ts'

export type OptionValues = Record<string, string | boolean | string[] | undefined>

export interface CommandContext {
  /** The journal's folder: --data-dir, RAPPORT_DATA_DIR, or the app's own. */
  dataDir: string
  /** The arguments after the command's name. */
  args: string[]
  options: OptionValues
  out: Output
  now: Date
}

export interface Command {
  name: string
  /** One line for the root help. */
  summary: string
  /** "rapport search <query> [--json]" */
  usage: string
  /** The rest of the command's help: what it does and its options. */
  help: string
  options: ParseArgsOptionsConfig
  /** Whether it works while Rapport has the journal open (it never writes). */
  readOnly: boolean
  run(context: CommandContext): Promise<number>
}
