/** Where the journal lives: `--data-dir <folder>` wins, then RAPPORT_DATA_DIR, then the app's default folder. */
import { resolve } from 'node:path'

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const flag = flagValue(argv, '--data-dir')
  if (flag) return resolve(flag)
  if (env.RAPPORT_DATA_DIR) return resolve(env.RAPPORT_DATA_DIR)
  return fallback
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === flag) return argv[i + 1]
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1)
  }
  return undefined
}
