/**
 * rapport export: Markdown files (for a notes vault), one JSON file (a full backup), a calendar (.ics), or
 * contacts as vCard 4.0 (everyone, or one person).
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { describeFsError, isFsError } from '../../core/fs-errors.ts'
import { LINK_STYLES } from '../../shared/transfer.ts'
import type { LinkStyle, Picked } from '../../shared/transfer.ts'
import { CliError, EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command, CommandContext } from '../command.ts'
import { withJournal } from '../journal-access.ts'
import type { CliJournal } from '../journal-access.ts'
import { count } from '../output.ts'
import { findPerson } from '../person-match.ts'

const FORMATS = ['markdown', 'json', 'ics', 'vcard'] as const
type Format = (typeof FORMATS)[number]
const EXAMPLE: Record<Format, string> = {
  markdown: '~/Notes/Rapport',
  json: 'rapport.json',
  ics: 'follow-ups.ics',
  vcard: 'contacts.vcf'
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the journal as Markdown files, one JSON file, a calendar of follow-ups, or contacts (vCard)',
  usage:
    'rapport export markdown <folder> [--links auto|wikilinks|markdown] [--json]\n       rapport export json <file> [--clear]\n       rapport export ics <file> [--json]\n       rapport export vcard <file> [--person <name>] [--json]',
  help: [
    'markdown <folder>   writes People/<Name>.md for everyone, index.md and Follow-ups.md into the folder',
    '                    (created if needed). Run again into the same folder, it brings it up to date: a',
    '                    renamed person’s file is renamed, a deleted person’s removed, unchanged files are',
    '                    left as they are. It only ever replaces or removes files it wrote (listed in the',
    '                    folder’s .rapport-export.json); a file you edited since, or made, is kept beside',
    '                    the new one as “<Name> (edited <day>).md”, and listed.',
    'json <file>         writes the whole journal as one JSON file that “rapport import” and the app can',
    '                    read back; “-” prints it instead. A journal protected with a passphrase writes',
    '                    it encrypted (it opens only in that journal) unless --clear asks for readable JSON.',
    'ics <file>          writes a calendar of open follow-ups and keep-in-touch dates, as all-day events',
    '                    any calendar app imports; “-” prints it. Replaces only a calendar Rapport wrote.',
    'vcard <file>        writes everyone (or one person, with --person) as vCard 4.0, the contacts file',
    '                    Google Contacts, Apple Contacts and Outlook import: name, company, job title,',
    '                    every email and phone, location, tags and “How we met” as the note. “-” prints',
    '                    it. Replaces only a contacts file Rapport wrote.',
    '',
    'Options:',
    '  --links <style>   markdown only: auto (the default, and the app’s setting: [[wikilinks]] when the',
    '                    folder is inside an Obsidian vault, else Markdown links), wikilinks or markdown',
    '  --person <name>   vcard only: just this person (found as “rapport brief” finds them)',
    '  --json            print what was done as JSON',
    '  --clear           json only: readable JSON even from a journal protected with a passphrase',
    '',
    'All of them only read the journal, so they work while Rapport is open.'
  ].join('\n'),
  options: {
    links: { type: 'string' },
    person: { type: 'string' },
    json: { type: 'boolean' },
    clear: { type: 'boolean' }
  },
  readOnly: true,
  async run(context) {
    const [format, target, ...extra] = context.args
    if (!FORMATS.includes(format as Format)) {
      throw new UsageError(
        format === undefined
          ? 'rapport export: say markdown, json, ics or vcard, as in “rapport export markdown ~/Notes/Rapport”.'
          : `rapport export: “${format}” is not a format; use markdown, json, ics or vcard.`
      )
    }
    const kind = format as Format
    if (target === undefined || target === '')
      throw new UsageError(`rapport export ${kind}: say where, as in “rapport export ${kind} ${EXAMPLE[kind]}”.`)
    if (extra.length > 0)
      throw new UsageError(
        `rapport export ${kind}: one ${kind === 'markdown' ? 'folder' : 'file'} only (“${extra[0]}” is extra). Quote a path that has spaces.`
      )
    if (context.options.links !== undefined && kind !== 'markdown')
      throw new UsageError(`rapport export ${kind}: --links is for markdown only.`)
    if (context.options.clear !== undefined && kind !== 'json')
      throw new UsageError(`rapport export ${kind}: --clear is for json only.`)
    if (context.options.person !== undefined && kind !== 'vcard')
      throw new UsageError(`rapport export ${kind}: --person is for vcard only.`)
    if (kind === 'markdown') return exportMarkdown(context, target)
    if (kind === 'ics') return exportIcs(context, target)
    if (kind === 'vcard') return exportVcard(context, target)
    return exportJson(context, target)
  }
}

async function exportMarkdown({ dataDir, options, out, now }: CommandContext, target: string): Promise<number> {
  const links = linkStyle(options.links)
  const result = await withJournal(
    dataDir,
    { mode: 'read', mustExist: true, now, picks: { folder: target } },
    async ({ call }) => picked(await call('exportMarkdown', links ? { links } : {}).catch(explain(target)))
  )
  if (options.json) {
    out.json(result)
    return EXIT_OK
  }
  const changed =
    result.written === 0
      ? 'all up to date'
      : `${count(result.written, 'file')} written, ${result.unchanged.toLocaleString('en')} already up to date`
  out.line(
    `Exported ${count(result.files, 'file')} to ${result.folder} (${result.links === 'wikilinks' ? '[[wikilinks]]' : 'Markdown links'}): ${changed}.`
  )
  for (const { from, to } of result.renamed) out.line(`Renamed   ${from} → ${to}`)
  for (const path of result.removed) out.line(`Removed   ${path}`)
  for (const kept of result.kept) {
    const why = kept.reason === 'edited' ? 'edited since Rapport wrote it' : 'not written by Rapport'
    out.line(
      kept.keptAs === kept.path
        ? `Kept      ${kept.path} (${why}; Rapport no longer updates it)`
        : `Kept      ${kept.path} as ${kept.keptAs} (${why})`
    )
  }
  return EXIT_OK
}

async function exportIcs({ dataDir, options, out, now }: CommandContext, target: string): Promise<number> {
  const saved = await saveFile(dataDir, now, target, 'follow-ups.ics', (call) => call('exportIcs', {}))
  if (saved === null) return EXIT_OK
  if (options.json) out.json(saved.result)
  else
    out.line(
      `Wrote ${count(saved.result.followUps, 'open follow-up')} and ${count(saved.result.keepInTouch, 'keep-in-touch date')} to ${saved.file}.`
    )
  return EXIT_OK
}

async function exportVcard({ dataDir, options, out, now }: CommandContext, target: string): Promise<number> {
  const name = options.person
  if (name !== undefined && (typeof name !== 'string' || name.trim() === ''))
    throw new UsageError('rapport export vcard: --person needs a name, as in --person "Ana García".')
  const saved = await saveFile(dataDir, now, target, 'contacts.vcf', async (call) =>
    call('exportVcard', name ? { personIds: [(await findPerson({ call }, name)).id] } : {})
  )
  if (saved === null) return EXIT_OK
  if (options.json) out.json(saved.result)
  else out.line(`Wrote ${count(saved.result.people, 'contact')} to ${saved.file} (vCard 4.0).`)
  return EXIT_OK
}

async function exportJson({ dataDir, out, now, options }: CommandContext, target: string): Promise<number> {
  const clear = options.clear === true
  const saved = await saveFile(dataDir, now, target, 'journal.json', (call) =>
    call('exportJson', clear ? { clear } : {})
  )
  const how = saved?.result.encrypted ? ', encrypted (it opens only in this journal; --clear for readable JSON)' : ''
  if (saved !== null) out.line(`Exported ${saved.result.contents} to ${saved.file}${how}.`)
  return EXIT_OK
}

/**
 * Runs one of the app's save-a-file exports with `target` as the dialog's answer, its folder created first;
 * for “-” the file is written where no one else can see it, printed, and null returned.
 */
async function saveFile<T extends object>(
  dataDir: string,
  now: Date,
  target: string,
  name: string,
  save: (call: CliJournal['call']) => Promise<Picked<T>>
): Promise<{ file: string; result: T } | null> {
  const run = (file: string) =>
    withJournal(dataDir, { mode: 'read', mustExist: true, now, picks: { saveAs: file } }, async ({ call }) => {
      await mkdir(dirname(file), { recursive: true }).catch(explain(file))
      return picked(await save(call).catch(explain(file)))
    })
  if (target === '-') {
    const scratch = await mkdtemp(join(tmpdir(), 'rapport-export-'))
    try {
      await run(join(scratch, name))
      process.stdout.write(await readFile(join(scratch, name)))
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
    return null
  }
  const file = resolve(target)
  return { file, result: await run(file) }
}

function linkStyle(value: unknown): LinkStyle | undefined {
  if (value === undefined) return undefined
  const style = LINK_STYLES.find((s) => s === value)
  if (!style)
    throw new UsageError(`rapport export markdown: --links is auto, wikilinks or markdown; not “${shown(value)}”.`)
  return style
}

/** The result of a call whose dialog the command line always answers. */
function picked<T extends object>(result: Picked<T>): T {
  if (result.canceled) throw new CliError('internal: a dialog of the app was left unanswered.')
  const { canceled: _, ...rest } = result
  return rest as T
}

/** A file system failure as one line naming the path; anything else (the core's own messages) as it is. */
function explain(path: string): (error: unknown) => never {
  return (error) => {
    if (isFsError(error)) throw new CliError(`Cannot write to ${path}: ${describeFsError(error)}.`)
    throw error
  }
}

/** An option's value as typed, for a message. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}
