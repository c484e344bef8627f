/** How imports, exports and doctor put a journal's contents and a merge's outcome into words. */
import { COLLECTIONS } from '../../shared/schema/journal.ts'
import type { Collection } from '../../shared/schema/journal.ts'
import type { JournalCounts, MergeSummary } from './journal-transfer.ts'

const NOUNS: Record<Collection, [string, string]> = {
  people: ['person', 'people'],
  conversations: ['conversation', 'conversations'],
  interests: ['interest', 'interests'],
  challenges: ['challenge', 'challenges'],
  values: ['value you brought', 'values you brought'],
  followUps: ['follow-up', 'follow-ups']
}

const noun = (collection: Collection, count: number) =>
  `${count.toLocaleString('en')} ${NOUNS[collection][count === 1 ? 0 : 1]}`

/** "4 people, 12 conversations", or "nothing". */
export function describeCounts(counts: JournalCounts): string {
  const parts = COLLECTIONS.filter((collection) => counts[collection] > 0).map((collection) =>
    noun(collection, counts[collection])
  )
  return parts.length === 0 ? 'nothing' : parts.join(', ')
}

/** The preview's sentence: "12 people added, 3 updated, 140 conversations added, …". */
export function describeMerge(summary: MergeSummary): string {
  if (summary.nothingToDo) return 'Nothing to merge: your journal already has everything in this file.'
  const parts: string[] = []
  for (const collection of COLLECTIONS) {
    const { added, updated } = summary.collections[collection]
    if (added > 0)
      parts.push(`${noun(collection, added)} added${updated > 0 ? `, ${updated.toLocaleString('en')} updated` : ''}`)
    else if (updated > 0) parts.push(`${noun(collection, updated)} updated`)
  }
  if (summary.me === 'taken') parts.push('your name filled in from the file')
  const kept = COLLECTIONS.reduce((sum, collection) => sum + summary.collections[collection].kept, 0)
  if (kept > 0)
    parts.push(
      kept === 1
        ? '1 entry left as it is because yours is as new or newer'
        : `${kept.toLocaleString('en')} entries left as they are because yours are as new or newer`
    )
  const text = parts.join(', ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}
