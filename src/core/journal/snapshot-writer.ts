/**
 * Writes a journal snapshot without freezing the main thread: the text is made item by item, a few
 * milliseconds at a time, each slice handed to the disk (off-thread) before the next starts, so IPC and
 * timers run between slices. The bytes are exactly `serializeSnapshot`'s; the write is atomic and durable
 * like writeFileDurable's (temp file, fsync, rename, folder fsync). A protected journal's snapshot is the
 * same text sealed as it goes (sealed-file.ts): one AES-GCM stream, fed slice by slice.
 */
import { createHash } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import type { Journal } from '../../shared/schema/journal.ts'
import type { JournalKey } from '../crypt/journal-key.ts'
import { sealHeaderBytes } from '../crypt/sealed-file.ts'
import { commitTemp, naming, PRIVATE_FILE_MODE, tempPathFor } from './durable-write.ts'

/** A slice's budget: well under a 60 Hz frame, leaving room for the write and hash that follow it. */
const SLICE_MS = 4
const SLICE_CHARS = 256 * 1024

/** The snapshot's fields in file order: the log position right after the schema version. */
function snapshotFields(journal: Journal, logSeq: number): Array<[string, unknown]> {
  const { schemaVersion, ...rest } = journal
  return [['schemaVersion', schemaVersion], ['logSeq', logSeq], ...Object.entries(rest)]
}

/** A snapshot's bytes in one go (for small journals and tests): two-space JSON and a final newline. */
export function serializeSnapshot(journal: Journal, logSeq: number): string {
  return `${JSON.stringify(Object.fromEntries(snapshotFields(journal, logSeq)), null, 2)}\n`
}

/** The same text as serializeSnapshot, in pieces: one per top-level value, one per list item. */
function* snapshotPieces(journal: Journal, logSeq: number): Generator<string> {
  const fields = snapshotFields(journal, logSeq)
  yield '{\n'
  for (const [n, [key, value]] of fields.entries()) {
    const comma = n < fields.length - 1 ? ',' : ''
    if (!Array.isArray(value) || value.length === 0) {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}${comma}\n`
      continue
    }
    yield `  ${JSON.stringify(key)}: [\n`
    for (let i = 0; i < value.length; i++) {
      yield `    ${JSON.stringify(value[i], null, 2).replaceAll('\n', '\n    ')}${i < value.length - 1 ? ',' : ''}\n`
    }
    yield `  ]${comma}\n`
  }
  yield '}\n'
}

/** Writes the snapshot durably to `path` in slices; returns the SHA-256 of the bytes written. */
export async function writeSnapshotSliced(
  path: string,
  journal: Journal,
  logSeq: number,
  key: JournalKey | null = null
): Promise<string> {
  const tmp = tempPathFor(path)
  const file = await open(tmp, 'wx', PRIVATE_FILE_MODE)
  const hash = createHash('sha256')
  const head = key ? sealHeaderBytes(key) : null
  const sealer = key && head ? key.sealer(head) : null
  const put = async (bytes: Buffer) => {
    hash.update(bytes)
    // The write runs on libuv's threads; awaiting it is where the main thread gets to do other work.
    await file.write(bytes)
  }
  try {
    if (head) await put(head)
    const pieces = snapshotPieces(journal, logSeq)
    for (let done = false; !done;) {
      const started = performance.now()
      let text = ''
      for (;;) {
        const piece = pieces.next()
        if (piece.done) {
          done = true
          break
        }
        text += piece.value
        if (text.length >= SLICE_CHARS || performance.now() - started >= SLICE_MS) break
      }
      const bytes = Buffer.from(text)
      await put(sealer ? sealer.update(bytes) : bytes)
    }
    if (sealer) await put(sealer.final())
    await file.sync()
    await file.close()
  } catch (error) {
    await file.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw naming(error, path)
  }
  await commitTemp(tmp, path)
  return hash.digest('hex')
}
