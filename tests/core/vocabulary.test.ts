/** The vocabulary's typo search, against the definition it stands for: optimal string alignment distance. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Vocabulary } from '../../src/core/search/vocabulary.ts'

/** Optimal string alignment distance, computed the textbook way (a full table). */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

const word = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'k', 'l', 'm', 'o', 'r', 's', 'z'),
  minLength: 1,
  maxLength: 11
})

describe('typosOf', () => {
  it('finds exactly the words within the budget, with their distances, whatever was searched before', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 60 }),
        fc.array(fc.tuple(word, fc.integer({ min: 1, max: 2 }))),
        (terms, searches) => {
          const vocab = new Vocabulary()
          for (const term of terms) vocab.add(term)
          for (const [query, max] of searches) {
            const expected = terms
              .filter((term) => term !== query && osa(query, term) <= max)
              .map((term) => [vocab.idOf(term)!, osa(query, term)])
              .sort((a, b) => a[0]! - b[0]!)
            expect(vocab.typosOf(query, max).sort((a, b) => a[0] - b[0])).toEqual(expected)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('counts a swap of neighbours as one typo, and two swaps as two', () => {
    const vocab = new Vocabulary()
    const id = vocab.add('kowalczyk')
    expect(vocab.typosOf('kowalcyzk', 1)).toEqual([[id, 1]])
    expect(vocab.typosOf('kowlacyzk', 1)).toEqual([])
    expect(vocab.typosOf('kowlacyzk', 2)).toEqual([[id, 2]])
  })

  it('finds words added after the last search', () => {
    const vocab = new Vocabulary()
    vocab.add('natarajan')
    expect(vocab.typosOf('natarjan', 1)).toHaveLength(1)
    const later = vocab.add('natarajah')
    expect(vocab.typosOf('natarjah', 1)).toEqual([[later, 1]])
  })
})
