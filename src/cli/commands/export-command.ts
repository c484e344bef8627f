/** rapport export: the journal as Markdown files (for a notes vault) or as one JSON file (a full backup). */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { describeFsError, isFsError } from '../../core/fs-errors.ts'
import { CliError, EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { withJournal } from '../journal-access.ts'
import { count } from '../output.ts'

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the journal as Markdown files or as one JSON file',
  usage: 'rapport export markdown <folder>\n       rapport export json <file>',
  help: [
    'markdown <folder>   writes People/<Name>.md for everyone, index.md and Follow-ups.md into the folder',
    '                    (created if needed; files Rapport wrote before are overwritten). Links work in',
    '                    Obsidian and any Markdown viewer.',
    'json <file>         writes the whole journal as one JSON file that “rapport import” and the app can',
    '                    read back; “-” prints it instead.',
    '',
    'Both only read the journal, so they work while Rapport is open.'
  ].join('\n'),
  options: {},
  readOnly: true,
  async run({ dataDir, args, out, now }) {
    const [format, target, ...extra] = args
    if (format !== 'markdown' && format !== 'json') {
      throw new UsageError(
        format === undefined
          ? 'rapport export: say markdown or json, as in “rapport export markdown ~/Notes/Rapport”.'
          : `rapport export: “${format}” is not a format; use markdown or json.`
      )
    }
    if (target === undefined || target === '')
      throw new UsageError(
        `rapport export ${format}: say where, as in “rapport export ${format} ${format === 'json' ? 'rapport.json' : '~/Notes/Rapport'}”.`
      )
    if (extra.length > 0)
      throw new UsageError(
        `rapport export ${format}: one ${format === 'json' ? 'file' : 'folder'} only (“${extra[0]}” is extra). Quote a path that has spaces.`
      )
    if (format === 'markdown') {
      const { files, folder, people } = await withJournal(
        dataDir,
        { mode: 'read', mustExist: true, now, picks: { folder: target } },
        async ({ call }) => {
          const status = await call('journalStatus', {})
          const result = await call('exportMarkdown', {}).catch(explain(target))
          return { ...picked(result), people: status.state === 'ready' ? status.people : 0 }
        }
      )
      out.line(`Wrote ${count(files, 'file')} (${count(people, 'person', 'people')}) to ${folder}.`)
      return EXIT_OK
    }
    if (target === '-') {
      // The app's export writes a file; this one is written where no one else can see it, then printed.
      const scratch = await mkdtemp(join(tmpdir(), 'rapport-export-'))
      try {
        const file = join(scratch, 'journal.json')
        await withJournal(dataDir, { mode: 'read', mustExist: true, now, picks: { saveAs: file } }, ({ call }) =>
          call('exportJson', {})
        )
        process.stdout.write(await readFile(file))
      } finally {
        await rm(scratch, { recursive: true, force: true })
      }
      return EXIT_OK
    }
    const file = resolve(target)
    const result = await withJournal(
      dataDir,
      { mode: 'read', mustExist: true, now, picks: { saveAs: file } },
      async ({ call }) => {
        await mkdir(dirname(file), { recursive: true }).catch(explain(file))
        return picked(await call('exportJson', {}).catch(explain(file)))
      }
    )
    out.line(`Exported ${result.contents} to ${file}.`)
    return EXIT_OK
  }
}

/** The result of a call whose dialog the command line always answers. */
function picked<T extends object>(result: { canceled: true } | ({ canceled: false } & T)): T {
  if (result.canceled) throw new CliError('internal: a dialog of the app was left unanswered.')
  return result
}

/** A file system failure as one line naming the path; anything else (the core's own messages) as it is. */
function explain(path: string): (error: unknown) => never {
  return (error) => {
    if (isFsError(error)) throw new CliError(`Cannot write to ${path}: ${describeFsError(error)}.`)
    throw error
  }
}
