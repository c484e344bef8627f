/**
 * Makes sure Electron's binary is on disk before `npm run dev` / `npm start`, using Electron's own installer.
 *
 * Why this exists (read from the installed sources):
 * - electron@45 has no install script: its package.json only names `install-electron` (install.js) as a bin,
 *   and the binary is fetched lazily by `require('electron')` (index.js, `getElectronPath()` → `downloadElectron()`).
 * - electron-vite@6 never requires electron: `getElectronPath()` in dist/chunks/lib-*.js reads
 *   `node_modules/electron/path.txt` itself and throws `Error('Electron uninstall')` when it is missing
 *   (unless ELECTRON_EXEC_PATH names the binary). So nothing fetches the binary before `electron-vite dev`.
 * - install.js exits at once when `isInstalled()` (dist/version, path.txt and the binary all present); else it
 *   calls @electron/get's `downloadArtifact`, which honours ELECTRON_MIRROR / ELECTRON_CUSTOM_DIR /
 *   ELECTRON_CUSTOM_FILENAME (and their npm_config_electron_* forms from .npmrc; artifact-utils.js `mirrorVar`),
 *   ELECTRON_GET_USE_PROXY, `electron_config_cache` for the cache folder and `force_no_cache`; then it extracts
 *   the zip into dist/ and writes path.txt. On failure it prints `err.stack` and exits 1.
 * - ELECTRON_SKIP_BINARY_DOWNLOAD is no longer read by electron@45 itself, so it is honoured here.
 *
 * Modes: `--optional` (postinstall) warns in one line and exits 0 when the binary cannot be had, so an offline
 * `npm install` still gives a working build and test setup; without it (predev, prestart) it exits 1.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface EnsureResult {
  /** True when the binary is there (or was just installed) and Electron can start. */
  ok: boolean
  /** What to tell the user, as one line; empty when there is nothing to say. */
  message: string
}

/** What electron-vite checks before starting Electron: path.txt, and the binary it names under dist/. */
export function electronBinary(electronDir: string): string | null {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

/** The first line of what install.js printed that is not a stack frame: the error itself. */
function firstErrorLine(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at '))
  return line ?? 'no reason given'
}

/** Installs the binary when it is missing; `say` hears the one progress line (the download is ~100 MB). */
export async function ensureElectron(
  electronDir: string,
  env: NodeJS.ProcessEnv,
  say: (line: string) => void = () => undefined
): Promise<EnsureResult> {
  if (env.ELECTRON_EXEC_PATH && existsSync(env.ELECTRON_EXEC_PATH)) return { ok: true, message: '' }
  if (electronBinary(electronDir)) return { ok: true, message: '' }
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }
  if (isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    return {
      ok: false,
      message:
        `Rapport: Electron ${version}'s binary is not installed because ELECTRON_SKIP_BINARY_DOWNLOAD is set ` +
        '(build and tests work without it). To open the app, unset it and run `npm run dev` again.'
    }
  }
  say(`Rapport: downloading Electron ${version} (about 100 MB, once)…`)
  // stderr is kept, not shown: on failure install.js prints a whole stack where one line says it better.
  const run = await runInstaller(join(electronDir, 'install.js'), env)
  if (run.status === 0 && electronBinary(electronDir))
    return { ok: true, message: `Rapport: Electron ${version} is installed.` }
  const reason = run.error ? run.error.message : firstErrorLine(run.stderr)
  return {
    ok: false,
    message:
      `Rapport: could not download Electron ${version} (${reason}). Check the connection or proxy ` +
      '(ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY), or set ELECTRON_MIRROR to a mirror you can reach, ' +
      'then run `npm run dev` again; build and tests work without it.'
  }
}

/** Runs install.js, showing its stdout and keeping its stderr; resolves with the exit code and stderr. */
function runInstaller(
  script: string,
  env: NodeJS.ProcessEnv
): Promise<{ status: number | null; stderr: string; error?: Error }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', (error) => done({ status: null, stderr, error }))
    child.on('close', (status) => done({ status, stderr }))
  })
}

async function main(): Promise<void> {
  const optional = process.argv.includes('--optional')
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const result = await ensureElectron(electronDir, process.env, (line) => process.stderr.write(`${line}\n`))
  if (result.message) process.stderr.write(`${result.message}\n`)
  if (!result.ok && !optional) process.exitCode = 1
}

if (import.meta.main) await main()
