/**
 * `npm run dev` / `npm start` first make sure Electron's binary is installed (scripts/electron-binary.ts),
 * through Electron's own install.js. A local mirror on 127.0.0.1 stands in for Electron's download host,
 * which also proves ELECTRON_MIRROR reaches the installer.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { electronBinary, ensureElectron } from '../../scripts/electron-binary.ts'
import { storedZip } from '../support/zip.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const SCRIPT = join(ROOT, 'scripts/electron-binary.ts')
const REAL_ELECTRON = join(ROOT, 'node_modules/electron')
const { version } = JSON.parse(await readFile(join(REAL_ELECTRON, 'package.json'), 'utf8')) as { version: string }
const BINARY =
  process.platform === 'win32'
    ? 'electron.exe'
    : process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : 'electron'
const ZIP_NAME = `electron-v${version}-${process.platform}-${process.arch}.zip`
const ZIP = storedZip({ [BINARY]: '#!/bin/sh\necho stand-in\n', version })

let server: Server
let mirror = ''
let requests: string[] = []
let failWith = 0
let copies: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    if (failWith) return void response.writeHead(failWith).end()
    if (request.url === `/v${version}/${ZIP_NAME}`) return void response.end(ZIP)
    if (request.url === `/v${version}/SHASUMS256.txt`) {
      return void response.end(`${createHash('sha256').update(ZIP).digest('hex')} *${ZIP_NAME}\n`)
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(async () => {
  await new Promise((done) => server.close(done))
})
afterEach(async () => {
  requests = []
  failWith = 0
  for (const dir of copies) await rm(dir, { recursive: true, force: true })
  copies = []
})

/** A copy of the installed electron package without its binary, inside node_modules so install.js finds @electron/get. */
async function electronWithoutBinary(): Promise<string> {
  const cache = join(ROOT, 'node_modules/.cache')
  await mkdir(cache, { recursive: true })
  const dir = await mkdtemp(join(cache, 'rapport-electron-'))
  copies.push(dir)
  const electron = join(dir, 'electron')
  await mkdir(electron)
  for (const file of ['package.json', 'install.js', 'checksums.json', 'index.js'])
    await copyFile(join(REAL_ELECTRON, file), join(electron, file))
  return electron
}

/** The environment a user's shell would hand npm, pointed at the local mirror and a fresh download cache. */
async function mirrorEnv(): Promise<NodeJS.ProcessEnv> {
  const cache = await mkdtemp(join(tmpdir(), 'rapport-electron-cache-'))
  copies.push(cache)
  // The stand-in zip is not Electron's, so its checksum comes from the mirror, as electron_use_remote_checksums allows.
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ELECTRON_MIRROR: mirror,
    electron_config_cache: cache,
    electron_use_remote_checksums: '1'
  }
}

describe('Electron binary before the app starts', () => {
  it('downloads it with Electron’s own installer from ELECTRON_MIRROR, and leaves the path.txt electron-vite reads', async () => {
    const electron = await electronWithoutBinary()
    expect(electronBinary(electron)).toBeNull()
    const env = await mirrorEnv()
    const result = await ensureElectron(electron, env)
    expect(result).toEqual({ ok: true, message: `Rapport: Electron ${version} is installed.` })
    expect(requests).toContain(`/v${version}/${ZIP_NAME}`)
    expect(await readFile(join(electron, 'path.txt'), 'utf8')).toBe(BINARY)
    expect(electronBinary(electron)).toBe(join(electron, 'dist', BINARY))
    // The zip is kept in the cache folder electron_config_cache names.
    expect(
      (await readdir(env.electron_config_cache!, { recursive: true })).some((path) => path.endsWith(ZIP_NAME))
    ).toBe(true)
    // Installed once: the next start does not ask the mirror again.
    requests = []
    expect(await ensureElectron(electron, await mirrorEnv())).toEqual({ ok: true, message: '' })
    expect(requests).toEqual([])
  })

  it('says in one line what failed and what to do when the download cannot happen, without a stack', async () => {
    const electron = await electronWithoutBinary()
    failWith = 503
    const result = await ensureElectron(electron, await mirrorEnv())
    expect(result.ok).toBe(false)
    expect(result.message).toContain(`could not download Electron ${version} (`)
    expect(result.message).toContain('503')
    expect(result.message).toContain('ELECTRON_MIRROR')
    expect(result.message).toContain('npm run dev')
    expect(result.message).not.toContain('\n')
    expect(result.message).not.toMatch(/\bat .*:\d+:\d+/)
    expect(existsSync(join(electron, 'path.txt'))).toBe(false)
  })

  it('downloads nothing when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says how to get the binary', async () => {
    const electron = await electronWithoutBinary()
    const result = await ensureElectron(electron, { ...(await mirrorEnv()), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(result.ok).toBe(false)
    expect(result.message).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set')
    expect(requests).toEqual([])
  })

  it('stops npm run dev with exit 1 and one line, but lets npm install finish (--optional)', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
    const strict = spawnSync(process.execPath, [SCRIPT], { cwd: ROOT, env, encoding: 'utf8' })
    expect(strict.status).toBe(1)
    expect(strict.stderr.trim().split('\n')).toHaveLength(1)
    const optional = spawnSync(process.execPath, [SCRIPT, '--optional'], { cwd: ROOT, env, encoding: 'utf8' })
    expect(optional.status).toBe(0)
    expect(optional.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('runs before dev and start, and after install', async () => {
    const { scripts } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(scripts.predev).toBe('node scripts/electron-binary.ts')
    expect(scripts.prestart).toBe('node scripts/electron-binary.ts')
    expect(scripts.postinstall).toBe('node scripts/electron-binary.ts --optional')
  })
})
