/** Turns what the user typed into the words to look up, and notices month names used as dates. */
import { STOP_WORDS } from './stop-words.ts'
import { words } from './tokenize.ts'
import { ONE_TYPO_FROM, TWO_TYPOS_FROM } from './weights.ts'

const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ')

export interface QueryTerm {
  word: string
  /** The last word while the user is still typing it matches as a prefix. */
  prefix: boolean
  /** How many typos a word may have: none in short words, one from five letters, two from eight. */
  typos: number
  /**
   * A month name next to other words ("pricing in March") is a hint, not a requirement: it scores where
   * the word appears, and entries dated in that month rank higher.
   */
  soft: boolean
  month: number | null
}

export function parseQuery(text: string): QueryTerm[] {
  const all = words(text).slice(0, 12)
  const typing = text.length > 0 && !/\s$/.test(text)
  const meaningful = all.filter((word) => !STOP_WORDS.has(word) || MONTH_NAMES.includes(word))
  // A query of nothing but small words still searches for them.
  const chosen = (meaningful.length > 0 ? meaningful : all).slice(0, 8)
  const onlyMonths = chosen.every((word) => MONTH_NAMES.includes(word))
  return chosen.map((word, i) => {
    const month = MONTH_NAMES.indexOf(word) + 1 || null
    return {
      word,
      prefix: typing && i === chosen.length - 1 && word === all.at(-1),
      typos: typoBudget(word),
      soft: month !== null && !onlyMonths,
      month: onlyMonths ? null : month
    }
  })
}

function typoBudget(word: string): number {
  return word.length >= TWO_TYPOS_FROM ? 2 : word.length >= ONE_TYPO_FROM ? 1 : 0
}
