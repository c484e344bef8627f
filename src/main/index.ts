/**
 * App lifecycle: one instance, one window, one journal. Each concern lives in its own setupX().
 */
import { app, BrowserWindow, dialog } from 'electron'
import { sendCommand, tellPage } from './send-command.ts'
import { CalendarSource } from '../core/calendar/calendar-source.ts'
import { desktopClock } from './clock.ts'
import { MeetingReminders } from './meeting-reminders.ts'
import { createHandlers } from '../core/api/handlers.ts'
import { resolveDataDir } from '../core/journal/data-dir.ts'
import { readLocation } from './journal-location.ts'
import { JournalLocked } from '../core/journal/journal-lock.ts'
import type { JournalSession } from '../core/journal/journal-session.ts'
import { openJournal } from './lock-prompt.ts'
import { SettingsFile } from '../core/journal/settings-file.ts'
import { createDesktop } from './desktop.ts'
import { setupIpc } from './ipc.ts'
import { Keychain } from './keychain.ts'
import { setupMenu } from './menu.ts'
import { Reminders } from './reminders.ts'
import { setupSecurity } from './security.ts'
import { appUrl, createMainWindow } from './window.ts'

const isDev = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL)
const appDir = app.getPath('userData')
// Resolved in start(), so a bad --data-dir is reported in a dialog like any other failure to open.
let dataDir = ''
let mainWindow: BrowserWindow | null = null
let journal: JournalSession | null = null

if (!app.requestSingleInstanceLock()) {
  // Another Rapport already has the journal; it will bring its window forward.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // catch, not then(start, fail): a failure inside start() must reach the dialog too.
  app.whenReady().then(start).catch(fail)
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (!journal) return
    // Let pending saves finish and release the lock before the process ends.
    event.preventDefault()
    const closing = journal
    journal = null
    void closing.close().finally(() => app.quit())
  })
}

async function start(): Promise<void> {
  setupSecurity(isDev)
  dataDir = resolveDataDir(process.argv, process.env, appDir)
  // A journal the user moved elsewhere (Settings) is found through the pointer in the app's folder.
  const moved = await readLocation(appDir)
  if (moved) dataDir = resolveDataDir(process.argv, process.env, moved)
  journal = await openJournal(dataDir)
  if (!journal) {
    app.quit()
    return
  }
  const settings = await SettingsFile.open(dataDir)
  const session = journal
  const current = () => {
    try {
      return session.store().journal
    } catch {
      return null
    }
  }
  const reminders = new Reminders(current, () => sendCommand(mainWindow, 'go-today'))
  const clock = desktopClock()
  // Calendar files are read on launch (when settings are applied below) and again when they change on disk.
  const calendar = new CalendarSource({ now: () => clock.now(), watch: true })
  let calendarSettings = settings.settings.calendar
  const desktop = createDesktop({
    appDir,
    window: () => mainWindow,
    // From another app, what is wanted most is to jot a note down: quick capture (Ctrl/Cmd+K there searches).
    onShortcut: () => sendCommand(mainWindow, 'quick-capture'),
    onReminderSettings: (next) => {
      reminders.schedule(next)
      calendarSettings = next.calendar
      void calendar.use(next.calendar.files).then(() => meetingReminders.plan())
    }
  })
  // A protected journal whose key the user asked Rapport to remember opens unlocked.
  const keychain = new Keychain(appDir, () => settings.settings.rememberKey)
  await keychain.restore(session)
  const all = createHandlers(session, { shell: desktop, settings, calendar, now: () => clock.now() })
  const handlers = keychain.follow(all, session)
  const meetingReminders = new MeetingReminders({
    meetings: async () => (await handlers.getMeetings({})).meetings,
    settings: () => calendarSettings.notify,
    openBrief: (ids) => sendCommand(mainWindow, 'open-brief', ids.join(',')),
    clock
  })
  calendar.on('change', () => {
    tellPage(mainWindow, 'calendar-changed')
    void meetingReminders.plan()
  })
  setupIpc(handlers, appUrl())
  setupMenu(isDev, (command) => sendCommand(mainWindow, command))
  try {
    desktop.applySettings(settings.settings)
  } catch (error) {
    // A global shortcut another program holds must not stop Rapport from starting.
    console.error('rapport:', (error as Error).message)
  }
  mainWindow = await createMainWindow(dataDir)
  mainWindow.on('closed', () => (mainWindow = null))
  reminders.updateBadge()
  // A save may match an attendee to someone, or log a meeting: the next reminder is planned again.
  session.onStoreChange(() => {
    reminders.updateBadge()
    void meetingReminders.plan()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      void createMainWindow(dataDir).then((window) => (mainWindow = window))
  })
  app.on('will-quit', () => {
    reminders.stop()
    meetingReminders.stop()
    calendar.close()
  })
}

function fail(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error)
  const message =
    error instanceof JournalLocked || !dataDir ? detail : `Rapport could not open its journal in ${dataDir}: ${detail}`
  dialog.showErrorBox('Rapport cannot start', message)
  app.exit(1)
}
