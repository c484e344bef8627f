/**
 * The journal's reference rules, stated once: ids are unique within each list, and every reference points
 * at something that exists. A whole journal is checked on load (with one id set per list); a change checks
 * only the items it added or replaced, by the same rules (core/change-check.ts).
 */
import type { Journal } from './journal.ts'

type Collection = Exclude<keyof Journal, 'schemaVersion' | 'me'>
type Item<C extends Collection> = Journal[C][number]
/** Whether an item with this id is in that list. */
export type Exists = (collection: 'people' | 'conversations' | 'challenges', id: string) => boolean

const MISSING_PERSON = 'a person who is not in the journal.'

/** Per list: what is wrong with one item's references, or ''. */
const REFERENCE_RULES: { [C in Collection]: (item: Item<C>, exists: Exists) => string } = {
  people: () => '',
  conversations: (c, exists) =>
    c.personIds.every((id) => exists('people', id)) ? '' : `The conversation “${c.title}” names ${MISSING_PERSON}`,
  interests: (i, exists) =>
    i.ownerId === 'me' || exists('people', i.ownerId) ? '' : `The interest “${i.label}” belongs to ${MISSING_PERSON}`,
  challenges: (c, exists) =>
    exists('people', c.personId) ? '' : `The challenge “${c.title}” belongs to ${MISSING_PERSON}`,
  values: (value, exists) => {
    if (!exists('people', value.personId)) return `“${value.title}” belongs to ${MISSING_PERSON}`
    if (value.challengeId !== null && !exists('challenges', value.challengeId)) {
      return `“${value.title}” is linked to a challenge that is not in the journal.`
    }
    return ''
  },
  followUps: (f, exists) => {
    if (!exists('people', f.personId)) return `The follow-up “${f.title}” belongs to ${MISSING_PERSON}`
    if (f.conversationId !== null && !exists('conversations', f.conversationId)) {
      return `The follow-up “${f.title}” is linked to a conversation that is not in the journal.`
    }
    return ''
  }
}

/** The lists, in the order they are checked (and stored). */
const LISTS = Object.keys(REFERENCE_RULES) as Collection[]

export function referenceProblem<C extends Collection>(collection: C, item: Item<C>, exists: Exists): string {
  return REFERENCE_RULES[collection](item, exists)
}

/** Ids are unique, and every reference points at something that exists; '' when all is well. */
export function integrityProblem(journal: Journal): string {
  // One set of ids per list, used for both checks: building them is most of the cost on load.
  const ids = {} as Record<Collection, Set<string>>
  for (const collection of LISTS) {
    ids[collection] = new Set(journal[collection].map((item) => item.id))
    if (ids[collection].size !== journal[collection].length) return duplicateIn(collection)
  }
  const exists: Exists = (collection, id) => ids[collection].has(id)
  for (const collection of LISTS) {
    for (const item of journal[collection]) {
      const problem = referenceProblem(collection, item, exists)
      if (problem) return problem
    }
  }
  return ''
}

function duplicateIn(collection: Collection): string {
  return `Two items in ${collection} share one id.`
}
