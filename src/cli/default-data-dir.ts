/**
 * Where the app keeps its journal when no folder is given: Electron's userData folder for the app name
 * "Rapport". Computed here because the command line must not load Electron.
 */
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

export const APP_NAME = 'Rapport'

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir()
): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_NAME)
  // Electron follows the XDG base directory spec on Linux and the BSDs.
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), APP_NAME)
}
