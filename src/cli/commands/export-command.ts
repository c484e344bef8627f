/** rapport export: the journal as Markdown files (for a notes vault) or as one JSON file (a full backup). */
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { writeFileDurable } from '../../core/journal/durable-write.ts'
import { exportMarkdown } from '../../core/transfer/export-markdown.ts'
import { describeCounts, exportJournalJson, journalCounts } from '../../core/transfer/journal-transfer.ts'
import { CliError, EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { describeFsError, isFsError } from '../fs-errors.ts'
import { readJournalSnapshot } from '../journal-snapshot.ts'
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
      throw new UsageError(format === undefined ? 'rapport export: say markdown or json, as in “rapport export markdown ~/Notes/Rapport”.' : `rapport export: “${format}” is not a format; use markdown or json.`)
    }
    if (target === undefined || target === '') throw new UsageError(`rapport export ${format}: say where, as in “rapport export ${format} ${format === 'json' ? 'rapport.json' : '~/Notes/Rapport'}”.`)
    if (extra.length > 0) throw new UsageError(`rapport export ${format}: one ${format === 'json' ? 'file' : 'folder'} only (“${extra[0]}” is extra). Quote a path that has spaces.`)
    const { journal } = await readJournalSnapshot(dataDir)
    if (format === 'markdown') {
      const result = await exportMarkdown(journal, target, now).catch(explain(target))
      out.line(`Wrote ${count(result.files, 'file')} (${count(journal.people.length, 'person', 'people')}) to ${result.folder}.`)
      return EXIT_OK
    }
    const text = exportJournalJson(journal)
    if (target === '-') {
      process.stdout.write(text)
      return EXIT_OK
    }
    const file = resolve(target)
    await mkdir(dirname(file), { recursive: true })
      .then(() => writeFileDurable(file, text))
      .catch(explain(file))
    out.line(`Exported ${describeCounts(journalCounts(journal))} to ${file}.`)
    return EXIT_OK
  }
}

/** A file system failure as one line naming the path; anything else (the core's own messages) as it is. */
function explain(path: string): (error: unknown) => never {
  return (error) => {
    if (isFsError(error)) throw new CliError(`Cannot write to ${path}: ${describeFsError(error)}.`)
    throw error
  }
}
