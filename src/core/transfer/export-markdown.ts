/**
 * Markdown export: a file per person (People/<Name>.md), index.md linking everyone, and Follow-ups.md with
 * every open follow-up, into a folder the user picked — kept in step with the journal on every re-export
 * (export-sync.ts). Links are Obsidian wikilinks or standard relative Markdown links (export-links.ts).
 */
import { mkdir } from 'node:fs/promises'
import { PRIVATE_FOLDER_MODE } from '../journal/durable-write.ts'
import { join, resolve } from 'node:path'
import type { Journal } from '../../shared/schema/journal.ts'
import type { ExportChanges, LinkStyle } from '../../shared/transfer.ts'
import { insideFolder, refuseLinkedFolder } from './export-folder.ts'
import { FOLLOW_UPS_FILE, INDEX_FILE, indexJournal, notFound, PEOPLE_FOLDER, personTarget } from './export-index.ts'
import { linkerFor } from './export-links.ts'
import type { Linker } from './export-links.ts'
import { renderFollowUps, renderIndex } from './export-lists.ts'
import { syncExport } from './export-sync.ts'
import type { PlannedFile } from './export-sync.ts'
import { renderPerson } from './person-markdown.ts'

export { FOLLOW_UPS_FILE, INDEX_FILE, PEOPLE_FOLDER } from './export-index.ts'
export { insideFolder } from './export-folder.ts'

export interface ExportOptions {
  /** Only these people: each one's file exactly as the full export writes it, and nothing else. */
  personIds?: string[]
  /** How files link to each other (default auto: wikilinks inside an Obsidian vault). */
  links?: LinkStyle
}

export interface ExportResult extends ExportChanges {
  /** How many files the export holds (written or already up to date). */
  files: number
  /** The absolute folder written to. */
  folder: string
  links: Linker['style']
}

/**
 * One person's Markdown file, as an export into `folder` writes it (the folder's vault decides the links);
 * without a folder, with Markdown links.
 */
export async function renderPersonMarkdown(
  journal: Journal,
  personId: string,
  now: Date,
  options: { folder?: string; links?: LinkStyle } = {}
): Promise<string> {
  const linker = await linkerFor(
    resolve(options.folder ?? '.'),
    options.links ?? (options.folder === undefined ? 'markdown' : 'auto')
  )
  return renderPerson(indexJournal(journal, now, linker), personId)
}

/** Writes the export into `folder` (created if needed) and says what it changed there. */
export async function exportMarkdown(
  journal: Journal,
  folder: string,
  now: Date,
  options: ExportOptions = {}
): Promise<ExportResult> {
  const root = resolve(folder)
  // 0700: the file names are people's names, and the files what you know about them.
  await mkdir(join(root, PEOPLE_FOLDER), { recursive: true, mode: PRIVATE_FOLDER_MODE })
  await refuseLinkedFolder(root, join(root, PEOPLE_FOLDER), PEOPLE_FOLDER)
  const linker = await linkerFor(root, options.links ?? 'auto')
  const index = indexJournal(journal, now, linker)
  const ids =
    options.personIds === undefined
      ? index.sorted.map((p) => p.id)
      : [...new Set(options.personIds)].map((id) => (index.people.has(id) ? id : notFound()))
  const files: PlannedFile[] = ids.map((id) => ({
    path: checked(root, `${personTarget(index, id)}.md`),
    id,
    text: renderPerson(index, id)
  }))
  if (options.personIds === undefined)
    files.push(
      { path: checked(root, INDEX_FILE), text: renderIndex(index) },
      { path: checked(root, FOLLOW_UPS_FILE), text: renderFollowUps(index) }
    )
  const changes = await syncExport(root, files, options.personIds === undefined, index.today)
  return { files: files.length, folder: root, links: linker.style, ...changes }
}

function checked(root: string, path: string): string {
  insideFolder(root, path)
  return path
}
