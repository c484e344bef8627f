/**
 * `.rapport-export.json`, kept in the export folder: which files Rapport wrote there, for whom, and the hash of
 * what it wrote. It is how a re-export knows a renamed or deleted person's old file, and a file the user edited
 * since, from a file the user made (which it never touches). Obsidian hides dot-files, so it stays out of sight.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import * as v from 'valibot'
import { sha256 } from '../journal/file-hash.ts'
import { readExported } from './export-folder.ts'
import { FOLLOW_UPS_FILE, INDEX_FILE, PEOPLE_FOLDER } from './export-index.ts'

export const MANIFEST_FILE = '.rapport-export.json'

export interface ManifestEntry {
  /** The person the file is about; none for index.md and Follow-ups.md. */
  id?: string
  sha256: string
}

/** Exported files by their path in the folder ("People/Ana García.md"). */
export type Manifest = Map<string, ManifestEntry>

const EntrySchema = v.object({
  id: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  sha256: v.pipe(v.string(), v.regex(/^[a-f0-9]{64}$/))
})
const ManifestSchema = v.object({
  app: v.literal('Rapport'),
  format: v.literal(1),
  files: v.record(v.string(), EntrySchema)
})

// Only paths of the export's own shape are ever acted on, whatever a damaged or crafted manifest says.
const PERSON_FILE = new RegExp(`^${PEOPLE_FOLDER}/[^/\\\\:*?"<>|#^[\\]]+\\.md$`)
export const isExportPath = (path: string) =>
  path === INDEX_FILE || path === FOLLOW_UPS_FILE || (PERSON_FILE.test(path) && !path.includes('/..'))

// A user's copy kept beside a new file (see export-sync.ts) is never taken for one of Rapport's.
export const KEPT_COPY = / \(edited \d{4}-\d{2}-\d{2}(, \d+)?\)\.md$/

/**
 * The manifest in `root`; without one (a folder exported to by an older Rapport, or never), the files that
 * carry Rapport's mark and a person's `id` are taken as Rapport's, as they were when written.
 */
export async function readManifest(root: string): Promise<Manifest> {
  const bytes = await readExported(root, join(root, MANIFEST_FILE))
  if (bytes !== null) {
    const parsed = v.safeParse(ManifestSchema, parseJson(bytes.toString('utf8')))
    if (parsed.success) return new Map(Object.entries(parsed.output.files).filter(([path]) => isExportPath(path)))
  }
  return adopt(root)
}

export function manifestText(manifest: Manifest): string {
  const files = Object.fromEntries([...manifest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return `${JSON.stringify({ app: 'Rapport', format: 1, files }, null, 2)}\n`
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

const MARK = '_Exported from Rapport'
const ID_LINE = /^---\nid: "([A-Za-z0-9_-]{1,64})"\n/

async function adopt(root: string): Promise<Manifest> {
  const manifest: Manifest = new Map()
  const names = await readdir(join(root, PEOPLE_FOLDER)).catch(() => [] as string[])
  const candidates = [
    INDEX_FILE,
    FOLLOW_UPS_FILE,
    ...names.filter((name) => name.endsWith('.md') && !KEPT_COPY.test(name)).map((name) => `${PEOPLE_FOLDER}/${name}`)
  ]
  for (const path of candidates.filter(isExportPath)) {
    const bytes = await readExported(root, join(root, path)).catch(() => null)
    const text = bytes?.toString('utf8') ?? ''
    if (!text.includes(MARK)) continue
    const id = ID_LINE.exec(text)?.[1]
    if (path.startsWith(`${PEOPLE_FOLDER}/`) && id === undefined) continue
    manifest.set(path, { ...(id === undefined ? {} : { id }), sha256: sha256(bytes!) })
  }
  return manifest
}
