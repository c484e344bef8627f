/** Where the journal lives: `--data-dir <folder>` wins, then RAPPORT_DATA_DIR, then the app's default folder. */
import { resolve } from 'node:path'
import { RapportError } from '../rapport-error.ts'

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const flag = flagValue(argv, '--data-dir')
  // An empty --data-dir (an unset shell variable, say) must not quietly open the default journal instead.
  if (flag !== undefined && flag.trim() === '') {
    throw new RapportError(
      'invalid-input',
      '--data-dir needs a folder, and it was given an empty one. Name the folder that holds journal.json.'
    )
  }
  if (flag) return resolve(flag)
  if (env.RAPPORT_DATA_DIR) return resolve(env.RAPPORT_DATA_DIR)
  return fallback
}

/** The flag's value; '' when the flag is last with no value after it. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === flag) return argv[i + 1] ?? ''
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1)
  }
  return undefined
}
