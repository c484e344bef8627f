/**
 * Whether a session's search index was read back from the copy saved beside the journal rather than built.
 * The app never needs to know, so the core does not say: this remembers every index SearchIndex.fromSnapshot
 * returns (for the tests and the benchmark).
 */
import type { JournalSession } from '../../src/core/journal/journal-session.ts'
import { SearchIndex } from '../../src/core/search/search-index.ts'

const restored = new WeakSet<SearchIndex>()
const fromSnapshot = SearchIndex.fromSnapshot.bind(SearchIndex)
SearchIndex.fromSnapshot = (journal, snapshot) => {
  const index = fromSnapshot(journal, snapshot)
  if (index) restored.add(index)
  return index
}

export function indexWasSaved(session: JournalSession): boolean {
  return restored.has(session.index())
}
