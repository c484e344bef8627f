/**
 * The launch smoke test: the BUILT main process (out/main/index.js) started in plain Node with a recording
 * stand-in for 'electron' (launch/electron-stand-in.ts), checked for what the real app must do on a laptop.
 */
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { apiNames } from '../../src/shared/api.ts'
import { writeCalendar } from '../support/calendar-files.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { LaunchLog } from './launch/electron-stand-in.ts'
import { SECURE_WEB_PREFERENCES } from './secure-web-preferences.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const MAIN = join(ROOT, 'out/main/index.js')
const REGISTER = join(import.meta.dirname, 'launch/register.ts')
const temp: string[] = []
const MARTA = { name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' }

afterEach(async () => {
  for (const dir of temp.splice(0)) await rm(dir, { recursive: true, force: true })
})

interface Launch {
  log: LaunchLog
  code: number | null
  stderr: string
  dataDir: string
}

/** Starts the built app with `--data-dir`, lets the stand-in play its session, and reads what was recorded. */
interface LaunchOptions {
  env?: NodeJS.ProcessEnv
  /** The data folder's command-line arguments; `--data-dir <folder>` by default. */
  args?: (dataDir: string) => string[]
  /** A folder the test prepared; a fresh one by default. */
  dataDir?: string
}

async function launch({ env = {}, args = (dir) => ['--data-dir', dir], dataDir }: LaunchOptions = {}): Promise<Launch> {
  if (!existsSync(MAIN)) throw new Error(`launch test: ${MAIN} is missing; run npm run build first.`)
  dataDir ??= await makeTempDir('rapport-launch-data-')
  const userData = await makeTempDir('rapport-launch-app-')
  temp.push(dataDir, userData)
  const logFile = join(userData, 'stand-in.json')
  const childEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RAPPORT_STAND_IN_LOG: logFile,
    RAPPORT_STAND_IN_USER_DATA: userData,
    ...env
  }
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', REGISTER, MAIN, ...args(dataDir)],
      { env: childEnv, encoding: 'utf8' },
      (error, _stdout, stderr) => {
        void readFile(logFile, 'utf8').then(
          (text) =>
            done({
              log: JSON.parse(text) as LaunchLog,
              code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
              stderr,
              dataDir
            }),
          () => done({ log: { errors: [`no log written; stderr: ${stderr}`] } as LaunchLog, code: -1, stderr, dataDir })
        )
      }
    )
  })
}

describe('the built app, launched with a stand-in Electron', () => {
  it('opens one secure window on the built page, answers every API call and only those, and closes the journal on quit', async () => {
    const { log, code, stderr, dataDir } = await launch()
    expect(log.errors).toEqual([])
    expect(log.errorBoxes).toEqual([])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(log.singleInstanceLocks).toBe(1)

    expect(log.windows).toHaveLength(1)
    const [window] = log.windows
    expect(window!.options.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES)
    const preload = (window!.options.webPreferences as { preload: string }).preload
    expect(preload).toBe(join(ROOT, 'out/preload/index.cjs'))
    expect(existsSync(preload)).toBe(true)
    expect(window!.options.show).toBe(false)
    expect(window!.shown).toBe(true)
    expect(window!.loadedUrl).toBeNull()
    expect(window!.loadedFile).toBe(join(ROOT, 'out/renderer/index.html'))
    expect(existsSync(window!.loadedFile!)).toBe(true)

    expect([...log.channels].sort()).toEqual([...apiNames].sort())
    expect(log.menus).toHaveLength(1)
    expect(JSON.stringify(log.menus[0])).toContain('"Log Conversation"')
    expect(JSON.stringify(log.menus[0])).toContain('{"label":"Quick Capture…","accelerator":"CmdOrCtrl+Shift+L"}')
    expect(JSON.stringify(log.menus[0])).toContain('"Export Contacts (vCard)…"')
    expect(log.securityHandlers.sort()).toEqual(['before-request', 'permission-check', 'permission-request'])
    expect(log.internetRequest).toEqual({ cancel: true })

    // The page's calls reach the journal in the data folder; a foreign frame is refused.
    const [created, listed, foreign] = log.calls
    expect(created).toMatchObject({ channel: 'createPerson', result: { ok: true, value: { name: 'Launch Smoke' } } })
    expect(listed).toMatchObject({ channel: 'listPeople', result: { ok: true } })
    expect(JSON.stringify(listed!.result)).toContain('Launch Smoke')
    expect(foreign).toMatchObject({
      channel: 'listPeople',
      sender: 'foreign',
      result: { ok: false, error: { code: 'forbidden' } }
    })

    // Quit waits for the journal to close: saved, index saved beside it, lock released.
    expect(log.willQuitPrevented).toBe(1)
    const files = await readdir(dataDir)
    expect(files).toContain('journal.json')
    expect(files).toContain('journal.json.search-index')
    expect(files).not.toContain('journal.json.lock')
    expect(await readFile(join(dataDir, 'journal.json'), 'utf8')).toContain('Launch Smoke')
  })

  it('a second Rapport only hands over to the first: no window, no handlers, the journal untouched', async () => {
    const { log, code, dataDir } = await launch({ env: { RAPPORT_STAND_IN_SECOND_INSTANCE: '1' } })
    expect(log.errors).toEqual([])
    expect(code).toBe(0)
    expect(log.singleInstanceLocks).toBe(1)
    expect(log.quitRequests).toBe(1)
    expect(log.windows).toEqual([])
    expect(log.channels).toEqual([])
    expect(await readdir(dataDir)).toEqual([])
  })

  it('refuses an empty --data-dir in a dialog instead of opening the default journal', async () => {
    const { log, code } = await launch({ args: () => ['--data-dir', ''] })
    expect(log.errors).toEqual([])
    expect(log.errorBoxes).toEqual([
      'Rapport cannot start: --data-dir needs a folder, and it was given an empty one. Name the folder that holds journal.json.'
    ])
    expect(code).toBe(1)
    expect(log.windows).toEqual([])
    expect(log.channels).toEqual([])
  })

  it('says who has the journal, in a dialog, when another program holds its lock', async () => {
    const dataDir = await makeTempDir('rapport-launch-held-')
    const holder = await JournalSession.open(dataDir, { owner: 'cli' })
    try {
      const { log, code } = await launch({ dataDir })
      expect(log.errors).toEqual([])
      expect(log.errorBoxes).toHaveLength(1)
      expect(log.errorBoxes[0]).toMatch(/^Rapport cannot start: .*journal.*open/i)
      expect(log.errorBoxes[0]).toContain(String(process.pid))
      expect(code).toBe(1)
      expect(log.windows).toEqual([])
    } finally {
      await holder.close()
    }
  })

  it('never lets Chromium fetch spellcheck dictionaries from the internet: they come from a local folder', async () => {
    const { log } = await launch()
    expect(log.errors).toEqual([])
    expect(log.spellcheckDictionaries).toMatch(/^file:\/\/.+\/dictionaries\/$/)
  })

  describe('a web link the page asks to open', () => {
    const LINK = 'https://acme-logistics.example/rfp/2026?contact=ana%20garc%C3%ADa#pricing'

    it('is shown to the user in full, and opened in their browser only when they choose Open Link', async () => {
      const { log } = await launch({ env: { RAPPORT_STAND_IN_LINK: LINK, RAPPORT_STAND_IN_CLICK: 'Open Link' } })
      expect(log.errors).toEqual([])
      expect(log.windowOpenAnswers).toEqual([{ action: 'deny' }])
      expect(log.messageBoxes).toEqual([
        {
          message: 'Open this link in your browser?',
          detail: LINK,
          buttons: ['Cancel', 'Open Link'],
          clicked: 'Open Link'
        }
      ])
      expect(log.openedExternally).toEqual([LINK])
    })

    it('is not opened when the user cancels', async () => {
      const { log } = await launch({ env: { RAPPORT_STAND_IN_LINK: LINK } })
      expect(log.errors).toEqual([])
      expect(log.messageBoxes.map((box) => box.clicked)).toEqual(['Cancel'])
      expect(log.openedExternally).toEqual([])
    })

    it('is not even asked about when it is not a web link', async () => {
      const { log } = await launch({
        env: { RAPPORT_STAND_IN_LINK: 'file:///etc/passwd', RAPPORT_STAND_IN_CLICK: 'Open Link' }
      })
      expect(log.messageBoxes).toEqual([])
      expect(log.openedExternally).toEqual([])
    })
  })

  describe('a lock naming a running program that may not be Rapport (its process number reused)', () => {
    async function lockedByAnotherProgram(): Promise<{ dataDir: string; other: ChildProcess; lock: string }> {
      const dataDir = await makeTempDir('rapport-launch-reused-')
      const other = spawn('sleep', ['600'])
      await new Promise((done) => other.once('spawn', done))
      // As Rapport 0.1 left it after a crash: a number and a host, nothing that tells processes apart.
      const lock = JSON.stringify({ pid: other.pid, host: hostname(), owner: 'app', since: '2026-11-30T09:12:00.000Z' })
      await writeFile(join(dataDir, 'journal.json.lock'), lock)
      return { dataDir, other, lock }
    }

    it('asks the user, naming the program, and opens the journal once they choose Open Anyway', async () => {
      const { dataDir, other } = await lockedByAnotherProgram()
      try {
        const { log, code } = await launch({ dataDir, env: { RAPPORT_STAND_IN_CLICK: 'Open Anyway' } })
        expect(log.errors).toEqual([])
        expect(log.messageBoxes).toHaveLength(1)
        const [box] = log.messageBoxes
        expect(box!.buttons).toEqual(['Quit', 'Open Anyway'])
        expect(box!.detail).toContain(`process ${other.pid}`)
        expect(box!.detail).toContain('“sleep 600”')
        expect(log.errorBoxes).toEqual([])
        expect(code).toBe(0)
        expect(log.windows).toHaveLength(1)
        expect(log.calls[0]).toMatchObject({ channel: 'createPerson', result: { ok: true } })
        expect(await readdir(dataDir)).not.toContain('journal.json.lock')
      } finally {
        other.kill()
      }
    })

    it('quits without touching the lock or the journal when the user chooses Quit', async () => {
      const { dataDir, other, lock } = await lockedByAnotherProgram()
      try {
        const { log, code } = await launch({ dataDir, env: { RAPPORT_STAND_IN_CLICK: 'Quit' } })
        expect(log.errors).toEqual([])
        expect(log.messageBoxes.map((box) => box.clicked)).toEqual(['Quit'])
        expect(log.windows).toEqual([])
        expect(code).toBe(0)
        expect(await readdir(dataDir)).toEqual(['journal.json.lock'])
        expect(await readFile(join(dataDir, 'journal.json.lock'), 'utf8')).toBe(lock)
      } finally {
        other.kill()
      }
    })
  })

  it('reminds of a meeting with someone in the journal 10 minutes before it, and a click opens their brief', async () => {
    const dataDir = await makeTempDir('rapport-launch-meeting-')
    const meeting = new Date('2025-03-11T10:00:00Z')
    const calendar = await writeCalendar(join(dataDir, 'work.ics'), [
      { uid: 'pricing', title: 'Hudson Freight: pricing', start: meeting, attendees: [MARTA] },
      { uid: 'dentist', title: 'Dentist', start: new Date('2025-03-11T09:55:00Z') }
    ])
    const prepared = await openTempJournal(dataDir)
    const marta = await prepared.handlers.createPerson({ person: MARTA })
    await prepared.session.close()
    const notify = { enabled: true, minutes: 10 }
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({ calendar: { files: [calendar], myEmails: [], notify } })
    )

    // The app's clock starts at 9:48 UTC and jumps to each timer the app sets.
    const { log, code } = await launch({ dataDir, env: { RAPPORT_STAND_IN_NOW: '2025-03-11T09:48:00Z' } })
    expect(log.errors).toEqual([])
    expect(code).toBe(0)
    const time = meeting.toTimeString().slice(0, 5)
    expect(log.notifications).toEqual([
      {
        title: 'Call with Marta Nowak in 10 min',
        body: `“Hudson Freight: pricing” at ${time} — open the brief`,
        at: '2025-03-11T09:50:00.000Z'
      }
    ])
    expect(log.sent).toContainEqual(['rapport:command', 'open-brief', marta.id])
  })
})
