/**
 * The session's copy of the search index beside the journal (saved-index.ts): read back on opening when it
 * was saved from this very position, saved again after each new snapshot and on closing, one save at a
 * time. It is only a cache: failing to write it costs the next launch a rebuild, nothing more.
 */
import type { JournalKey } from '../crypt/journal-key.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import { readSavedIndex, saveIndex } from './saved-index.ts'
import { SearchIndex } from './search-index.ts'

/** What the keeper needs of the open store. */
export interface IndexedStore {
  readonly readOnly: boolean
  readonly position: string
  readonly journal: Journal
  readonly key: JournalKey | null
}

export class IndexKeeper {
  /** The journal position the saved copy beside the journal is of. */
  #savedFor = ''
  #saving: Promise<void> = Promise.resolve()

  /**
   * The saved index when it is of `store`'s position (`savedFor`, peeked before opening); otherwise built.
   * `prefetched`: its bytes, read while the journal was (prefetchSavedIndex).
   */
  async load(
    path: string,
    store: IndexedStore,
    savedFor: string | null,
    prefetched?: Promise<Uint8Array | null>
  ): Promise<SearchIndex> {
    const { journal, position, key } = store
    const loaded = savedFor === position ? await readSavedIndex(path, journal, position, key, prefetched) : null
    this.#savedFor = loaded ? position : ''
    return loaded ?? SearchIndex.build(journal)
  }

  /** The saved copy is no longer of anything on disk (it was deleted or is in an old format). */
  forget(): void {
    this.#savedFor = ''
  }

  /** Resolves once the saves asked for so far are done. */
  settled(): Promise<void> {
    return this.#saving
  }

  /** Saves the index of the store `current()` names then, unless the copy there is already of its position. */
  save(path: string, current: () => { store: IndexedStore | null; index: SearchIndex | null }): Promise<void> {
    // After whatever asked for it; the encoding itself runs in slices of a few ms (saved-index-encode.ts).
    this.#saving = this.#saving
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(async () => {
        const { store, index } = current()
        if (!store || store.readOnly || !index || store.position === this.#savedFor) return
        const position = store.position
        try {
          await saveIndex(path, index.snapshot(), position, store.key)
          this.#savedFor = position
        } catch (error) {
          console.warn(`Rapport could not save the search index beside ${path}: ${(error as Error).message}`)
        }
      })
    return this.#saving
  }
}
