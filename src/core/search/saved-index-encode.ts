/**
 * Writes the saved index's bytes (saved-index-format.ts), in one go or in slices of a few milliseconds with the
 * event loop free between them: at 20,000 entries the index is ~9 MB, and encoding it in one go held the main
 * thread for ~0.1 s after every compaction.
 */
import { createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { FIELDS } from './documents.ts'
import { align4, HASH_BYTES, KIND_CODES, MAGIC, META, RULES } from './saved-index-format.ts'
import type { Header, IndexSnapshot } from './saved-index-format.ts'

export function encodeIndex(snapshot: IndexSnapshot, journalHash: string): Uint8Array {
  const steps = encodeSteps(snapshot, journalHash)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * encodeIndex in slices of a few milliseconds, with the event loop free between them: at 20,000 entries the
 * index is ~9 MB and encoding it in one go held the main thread for ~0.1 s after every compaction.
 */
export async function encodeIndexSliced(snapshot: IndexSnapshot, journalHash: string): Promise<Uint8Array> {
  const steps = encodeSteps(snapshot, journalHash)
  let started = performance.now()
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (performance.now() - started >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      started = performance.now()
    }
  }
}

const SLICE_MS = 4
/** Words, documents or values per step of the loops below: a step stays around a millisecond. */
const WORDS_PER_STEP = 1024
const VALUES_PER_STEP = 4096

/** The file's bytes, made in steps (each `yield` is a place to pause). */
function* encodeSteps(snapshot: IndexSnapshot, journalHash: string): Generator<void, Uint8Array> {
  // The bytes of JSON.stringify(header), made and encoded a few thousand values at a time; `journal` stays first
  // (a launch peeks at it). The header type is what decodeIndex reads back.
  const parts: Uint8Array[] = []
  const encoder = new TextEncoder()
  const put = (text: string) => parts.push(encoder.encode(text))
  const list = function* (key: keyof Header, values: readonly unknown[], last: boolean): Generator<void> {
    put(`"${key}":[`)
    for (let from = 0; from < values.length; from += VALUES_PER_STEP) {
      const json = JSON.stringify(values.slice(from, from + VALUES_PER_STEP))
      put(`${from > 0 ? ',' : ''}${json.slice(1, -1)}`)
      yield
    }
    put(last ? ']}' : '],')
  }
  put(`{"journal":${JSON.stringify(journalHash)},"rules":${JSON.stringify(RULES)},`)
  yield* list('terms', snapshot.terms, false)
  put('"kinds":"')
  for (let from = 0; from < snapshot.docs.length; from += VALUES_PER_STEP) {
    put(
      snapshot.docs
        .slice(from, from + VALUES_PER_STEP)
        .map((doc) => (doc ? KIND_CODES[doc.kind] : '-'))
        .join('')
    )
    yield
  }
  put('",')
  const ids: string[] = []
  for (let from = 0; from < snapshot.docs.length; from += VALUES_PER_STEP) {
    for (const doc of snapshot.docs.slice(from, from + VALUES_PER_STEP)) ids.push(doc?.id ?? '')
    yield
  }
  yield* list('ids', ids, true)
  const headerLength = parts.reduce((sum, part) => sum + part.length, 0)
  const words = snapshot.terms.length
  const meta = new Uint32Array(words * META)
  let dataLength = 0
  for (let word = 0; word < words; word++) {
    for (let field = 0; field < FIELDS; field++) {
      const list = snapshot.lists[word * FIELDS + field]!
      const at = (word * FIELDS + field) * 3
      meta[at] = list.size
      meta[at + 1] = list.length
      meta[at + 2] = list.last
      dataLength += list.size
    }
    if (word % WORDS_PER_STEP === 0) yield
  }
  const metaAt = align4(4 + headerLength)
  const dataAt = metaAt + meta.byteLength
  const file = new Uint8Array(MAGIC.length + HASH_BYTES + dataAt + dataLength * 2)
  const rest = file.subarray(MAGIC.length + HASH_BYTES)
  new DataView(rest.buffer, rest.byteOffset).setUint32(0, headerLength, true)
  let headerAt = 4
  for (const part of parts) {
    rest.set(part, headerAt)
    headerAt += part.length
  }
  rest.set(new Uint8Array(meta.buffer), metaAt)
  yield
  // rest starts at byte 40 of the file, so its data (dataAt is a multiple of 4) is 2-byte aligned.
  const data = new Uint16Array(file.buffer, file.byteOffset + MAGIC.length + HASH_BYTES + dataAt, dataLength)
  let at = 0
  for (let word = 0; word < words; word++) {
    for (let field = 0; field < FIELDS; field++) {
      const list = snapshot.lists[word * FIELDS + field]!
      data.set(list.data.subarray(0, list.size), at)
      at += list.size
    }
    if (word % WORDS_PER_STEP === 0) yield
  }
  const hash = createHash('sha256')
  for (let from = 0; from < rest.length; from += HASH_STEP_BYTES) {
    hash.update(rest.subarray(from, from + HASH_STEP_BYTES))
    yield
  }
  file.set(new TextEncoder().encode(MAGIC), 0)
  file.set(hash.digest(), MAGIC.length)
  return file
}

/** Bytes hashed per step: ~1 ms of SHA-256. */
const HASH_STEP_BYTES = 1 << 20
