/** Handlers for getting data in and out: exports, imports, backups, and the app's settings. */
import { stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BackupInfo } from '../../shared/api.ts'
import { backupsFolder, listBackups, sealedWith, writeBackup } from '../journal/backups.ts'
import { writeFileDurable } from '../journal/durable-write.ts'
import { renderCalendar, writeCalendar } from '../transfer/export-ics.ts'
import { exportMarkdown } from '../transfer/export-markdown.ts'
import { peopleToExport, renderVCards, writeVCards } from '../transfer/export-vcard.ts'
import { safeFileName } from '../transfer/safe-file-name.ts'
import type { Handlers } from './handlers.ts'
import { ImportSessions } from '../transfer/import-sessions.ts'
import type { JournalSession } from '../journal/journal-session.ts'
import { exportJournalJson, journalCounts } from '../transfer/journal-transfer.ts'
import { describeCounts } from '../transfer/transfer-words.ts'
import { localDay } from '../days.ts'
import { checkJournalFolder, moveJournal } from '../journal/journal-move.ts'
import { SettingsFile } from '../journal/settings-file.ts'
import type { ShellPort } from './shell-port.ts'
import type { Settings, SettingsPatch } from '../../shared/settings.ts'
import { IMPORT_KINDS } from '../../shared/transfer.ts'
import type { JournalKey } from '../crypt/journal-key.ts'

export type DataHandlers = Pick<
  Handlers,
  | 'exportMarkdown'
  | 'exportJson'
  | 'exportIcs'
  | 'exportVcard'
  | 'importPick'
  | 'importRemap'
  | 'importApply'
  | 'importCancel'
  | 'backupNow'
  | 'openBackupsFolder'
  | 'moveJournal'
  | 'openJournal'
  | 'getSettings'
  | 'updateSettings'
>

export interface AppSettings {
  /** The settings in force (they follow the journal when it moves). */
  current: () => Settings
  /** Saves a change, calendar files included, and puts it into effect. */
  save: (patch: SettingsPatch) => Promise<Settings>
}

/** The data handlers, and the app's settings for the other handlers. */
export function createDataHandlers(
  session: JournalSession,
  now: () => Date,
  shell: ShellPort,
  initialSettings: SettingsFile
): { handlers: DataHandlers; settings: AppSettings } {
  const imports = new ImportSessions()
  // Settings live beside the journal, so they follow it when it moves or another one is opened.
  let settings = initialSettings
  const follow = async (dataDir: string) => {
    if (!settings.inMemoryOnly) settings = await SettingsFile.open(dataDir)
    await shell.rememberDataDir(dataDir)
    shell.applySettings(settings.settings)
  }
  const save = async (patch: SettingsPatch) => {
    const next = await settings.update(patch)
    shell.applySettings(next)
    return next
  }
  const handlers: DataHandlers = {
    exportMarkdown: async ({ personIds, links }) => {
      const folder = await shell.pickFolder(
        personIds?.length === 1 ? 'Export this person to Markdown' : 'Export the journal to Markdown'
      )
      if (!folder) return { canceled: true }
      const result = await exportMarkdown(session.store().journal, folder, now(), {
        links: links ?? settings.settings.markdownLinks,
        ...(personIds ? { personIds } : {})
      })
      return { canceled: false, ...result }
    },
    exportIcs: async () => {
      const file = await shell.pickSaveFile('Export follow-ups to a calendar', 'Rapport follow-ups.ics', [
        { name: 'Calendar', extensions: ['ics'] }
      ])
      if (!file) return { canceled: true }
      const { text, followUps, keepInTouch } = renderCalendar(session.store().journal, now())
      await writeCalendar(file, text)
      return { canceled: false, file, followUps, keepInTouch }
    },
    exportVcard: async ({ personIds }) => {
      const people = peopleToExport(session.store().journal.people, personIds)
      const name = personIds?.length === 1 && people[0] ? safeFileName(people[0].name) : 'Rapport contacts'
      const file = await shell.pickSaveFile(
        people.length === 1 ? 'Export this person as a vCard' : 'Export contacts as vCards',
        `${name}.vcf`,
        [{ name: 'vCard', extensions: ['vcf'] }]
      )
      if (!file) return { canceled: true }
      await writeVCards(file, renderVCards(people))
      return { canceled: false, file, people: people.length }
    },
    exportJson: async ({ clear }) => {
      const file = await shell.pickSaveFile(
        'Save a full backup of the journal',
        `Rapport backup ${localDay(now())}.json`,
        [{ name: 'Rapport backup', extensions: ['json'] }]
      )
      if (!file) return { canceled: true }
      const { journal, key } = session.store()
      const text = exportJournalJson(journal)
      // A protected journal's backup leaves it encrypted, unless the user asked for a clear one.
      const bytes = key && !clear ? sealedWith(text, key) : text
      await writeFileDurable(file, bytes)
      const contents = describeCounts(journalCounts(journal))
      return { canceled: false, file, bytes: Buffer.byteLength(bytes), contents, encrypted: bytes !== text }
    },
    importPick: async () => {
      const file = await shell.pickFile('Import contacts or a Rapport backup', [
        {
          name: 'Contacts or Rapport backup',
          extensions: Object.keys(IMPORT_KINDS).map((extension) => extension.slice(1))
        },
        { name: 'All files', extensions: ['*'] }
      ])
      if (!file) return { canceled: true }
      return { canceled: false, preview: await imports.preview(session.store(), file) }
    },
    importRemap: async ({ token, mapping }) => imports.remap(session.store(), token, mapping),
    importApply: ({ token, decisions, mode }) => imports.apply(session.store(), token, now(), decisions, mode),
    importCancel: async ({ token }) => {
      imports.cancel(token)
      return true
    },
    backupNow: async () => {
      const store = session.store()
      await store.flush()
      const name = await writeBackup(store.path, 'manual', await store.consistentCopy(), now(), store.key)
      return backupInfo(store.path, name, store.key)
    },
    openBackupsFolder: async () => {
      await shell.openFolder(backupsFolder(session.path))
      return true
    },
    moveJournal: async () => {
      const target = await shell.pickFolder('Move the journal to an empty folder')
      if (!target) return { canceled: true }
      await moveJournal(session, target)
      await follow(target)
      return { canceled: false, dataDir: target }
    },
    openJournal: async () => {
      const folder = await shell.pickFolder('Open the journal in another folder')
      if (!folder) return { canceled: true }
      await checkJournalFolder(folder)
      const status = await session.switchTo(folder)
      await follow(folder)
      return { canceled: false, dataDir: folder, status }
    },
    getSettings: async () => ({
      settings: settings.settings,
      problem: settings.problem,
      dataDir: dirname(session.path)
    }),
    // Calendar files change only by adding or removing one (a file picked in a dialog), never by a patch.
    updateSettings: ({ patch }) =>
      save(
        patch.calendar ? { ...patch, calendar: { ...patch.calendar, files: settings.settings.calendar.files } } : patch
      )
  }
  return { handlers, settings: { current: () => settings.settings, save } }
}

/** The backup just written, described as the list describes it (read with the key, if the journal has one). */
async function backupInfo(journalPath: string, name: string, key: JournalKey | null): Promise<BackupInfo> {
  const found = (await listBackups(journalPath, key)).find((b) => b.name === name)
  if (found) return found
  const info = await stat(join(backupsFolder(journalPath), name))
  return { name, kind: 'manual', createdAt: info.mtime.toISOString(), sizeBytes: info.size, problem: '' }
}
