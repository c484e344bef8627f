/**
 * Writing an export into a folder that may hold an earlier one, so the folder follows the journal: a renamed
 * person's file is renamed, a deleted person's removed, unchanged files are not rewritten — and only files the
 * manifest says Rapport wrote, unedited since, are ever renamed, replaced or removed. A file the user edited,
 * or made, where a new one must go is kept beside it as "<name> (edited <day>).md"; an edited file that is no
 * longer wanted is left where it is. Everything is read and checked before anything is changed.
 */
import { lstat, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { ExportChanges } from '../../shared/transfer.ts'
import { sha256 } from '../journal/file-hash.ts'
import { eachLimited, readExported, writeExported } from './export-folder.ts'
import { manifestText, MANIFEST_FILE, readManifest } from './export-manifest.ts'
import type { Manifest } from './export-manifest.ts'

export interface PlannedFile {
  /** From the folder's root, with forward slashes: "People/Ana García.md". */
  path: string
  id?: string
  text: string
}

type Step =
  | { kind: 'write'; file: PlannedFile; keepAs?: string }
  | { kind: 'rename'; from: string; file: PlannedFile }
  | { kind: 'remove'; path: string }

/**
 * Writes `files` into `root`. `full`: this is the whole journal, so files of people no longer in it go;
 * otherwise (one person's export) the manifest's other files are left as they are.
 */
export async function syncExport(
  root: string,
  files: readonly PlannedFile[],
  full: boolean,
  today: string
): Promise<ExportChanges> {
  const manifest = await readManifest(root)
  const changes: ExportChanges = { written: 0, unchanged: 0, renamed: [], removed: [], kept: [] }
  const next: Manifest = new Map(
    full ? [] : [...manifest].filter(([, entry]) => !files.some((f) => f.id !== undefined && f.id === entry.id))
  )
  const planned = new Set(files.map((f) => fold(f.path)))
  const taken = new Set(planned)
  const steps: Step[] = []
  const read = async (path: string) => {
    const bytes = await readExported(root, join(root, path))
    return bytes === null ? null : { hash: sha256(bytes), ino: (await lstat(join(root, path))).ino }
  }
  const ours = (path: string, hash: string) => manifest.get(path)?.sha256 === hash

  for (const file of files) {
    const hash = sha256(file.text)
    next.set(file.path, { ...(file.id === undefined ? {} : { id: file.id }), sha256: hash })
    const current = await read(file.path)
    // Earlier files of the same person under another name: renamed since, or a case-only change.
    const olds =
      file.id === undefined
        ? []
        : [...manifest].filter(([path, entry]) => entry.id === file.id && path !== file.path).map(([path]) => path)
    let placed = current !== null
    for (const old of olds) {
      const before = await read(old)
      if (before === null) continue
      const sameFile = current !== null && before.ino === current.ino
      if (!ours(old, before.hash)) {
        if (!sameFile) changes.kept.push({ path: old, keptAs: old, reason: 'edited' })
        continue
      }
      if (!placed || sameFile) {
        steps.push({ kind: 'rename', from: old, file })
        changes.renamed.push({ from: old, to: file.path })
        placed = true
      } else {
        steps.push({ kind: 'remove', path: old })
        changes.removed.push(old)
      }
    }
    if (steps.some((step) => step.kind === 'rename' && step.file === file)) continue
    if (current === null) {
      steps.push({ kind: 'write', file })
    } else if (current.hash === hash) {
      changes.unchanged++
    } else if (ours(file.path, current.hash)) {
      steps.push({ kind: 'write', file })
    } else {
      const keepAs = await keptName(root, file.path, today, taken)
      steps.push({ kind: 'write', file, keepAs })
      changes.kept.push({
        path: file.path,
        keptAs: keepAs,
        reason: manifest.has(file.path) ? 'edited' : 'not-from-rapport'
      })
    }
  }

  if (full) {
    for (const [path, entry] of manifest) {
      if (planned.has(fold(path)) || (entry.id !== undefined && files.some((f) => f.id === entry.id))) continue
      const current = await read(path)
      if (current === null) continue
      if (ours(path, current.hash)) {
        steps.push({ kind: 'remove', path })
        changes.removed.push(path)
      } else {
        changes.kept.push({ path, keptAs: path, reason: 'edited' })
      }
    }
  }

  // Removals and renames first, so a new name that only differs in case, or reuses a freed one, is free.
  for (const step of steps) {
    if (step.kind === 'remove') await unlink(join(root, step.path))
    if (step.kind === 'rename') await rename(join(root, step.from), join(root, step.file.path))
  }
  for (const step of steps)
    if (step.kind === 'write' && step.keepAs) await rename(join(root, step.file.path), join(root, step.keepAs))
  const writes = steps.flatMap((step) => (step.kind === 'write' || step.kind === 'rename' ? [step.file] : []))
  await eachLimited(writes, 16, (file) => writeExported(root, join(root, file.path), file.text))
  changes.written = writes.length
  const text = manifestText(next)
  const saved = await readExported(root, join(root, MANIFEST_FILE))
  if (saved?.toString('utf8') !== text) await writeExported(root, join(root, MANIFEST_FILE), text)
  return changes
}

/** Case is ignored, as on the default macOS and Windows file systems. */
function fold(path: string): string {
  return path.normalize('NFC').toLowerCase()
}

/** "People/Ana García (edited 2026-11-23).md", numbered if that is taken too. */
async function keptName(root: string, path: string, today: string, taken: Set<string>): Promise<string> {
  const stem = path.replace(/\.md$/, '')
  for (let n = 1; ; n++) {
    const candidate = `${stem} (edited ${today}${n === 1 ? '' : `, ${n}`}).md`
    const exists = await lstat(join(root, candidate)).then(
      () => true,
      () => false
    )
    if (exists || taken.has(fold(candidate))) continue
    taken.add(fold(candidate))
    return candidate
  }
}
