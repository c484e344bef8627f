/**
 * The bulk tokeniser knows ASCII words by their hashes and folds the rest as strings; both ways must land on
 * the same words as the query side (tokenize.ts), whichever spelling of a word comes first.
 */
import { describe, expect, it } from 'vitest'
import { STOP_WORDS } from '../../src/core/search/stop-words.ts'
import { tokenizeDocs } from '../../src/core/search/tokenize-docs.ts'
import type { TokenizedDocs } from '../../src/core/search/tokenize-docs.ts'
import { words } from '../../src/core/search/tokenize.ts'
import { foldWord } from '../../src/shared/fold-key.ts'

const STOP = [...STOP_WORDS]

/** Tokenises documents given as [title, about, body] texts. */
const tokenize = (...docs: Array<[string, string, string]>) =>
  tokenizeDocs(
    [0, 1, 2].map((field) => docs.map((doc) => doc[field]!)),
    STOP,
    foldWord
  )

/** Each document's (word, field) pairs, as words: field 0 is the title, 1 the about, 2 the body. */
function postings(result: TokenizedDocs): Array<Array<[string, number]>> {
  const out: Array<Array<[string, number]>> = []
  let k = 0
  for (const end of result.docEnds) {
    const doc: Array<[string, number]> = []
    for (; k < end; k++) doc.push([result.terms[Math.floor(result.keys[k]! / 3)]!, result.keys[k]! % 3])
    out.push(doc)
  }
  return out
}

describe('tokenizeDocs', () => {
  it('folds case and accents into one word, whichever spelling comes first', () => {
    const result = tokenize(['Café', '', 'cafe CAFE'], ['cafe', '', 'Café café'], ['CAFÉ', '', 'CAFE'])
    expect(result.terms).toEqual(['cafe'])
    expect(postings(result)).toEqual([
      [
        ['cafe', 0],
        ['cafe', 2]
      ],
      [
        ['cafe', 0],
        ['cafe', 2]
      ],
      [
        ['cafe', 0],
        ['cafe', 2]
      ]
    ])
  })

  it('finds the same words as the query side in mixed scripts, marks, digits and symbols', () => {
    const texts = [
      'Zoë met JOSÉ at the Café-Müller (2024) — naïve façade, ÅSA Øster',
      'Nguyễn Văn An, 王伟 and İstanbul; e\u0301cole vs école',
      'Q3 budget: $40k, v2.1 roll-out 🚀 on 𝐁old text',
      "O'Brien's deal — 50/50 split_with/rest",
      'Øyvind Łukasz Straße Yılmaz Đức للشحن بالشحن ＡＢＣ प्रिया ガ'
    ]
    const result = tokenize(...texts.map((text): [string, string, string] => [text, '', '']))
    const fromQuerySide = [...new Set(texts.flatMap((text) => words(text)))]
    expect(new Set(result.terms)).toEqual(new Set(fromQuerySide))
    expect(result.terms).toContain('cafe')
    expect(result.terms).toContain('ecole')
    for (const folded of ['oyvind', 'lukasz', 'strasse', 'yilmaz', 'duc', 'شحن', 'abc', 'प्रिया']) {
      expect(result.terms).toContain(folded)
    }
  })

  it('posts each word once per document and field, and skips small words in bodies only', () => {
    const result = tokenize(['The renewal', 'the CFO', 'the renewal, the RENEWAL'], ['Other', '', 'renewal'])
    expect(postings(result)).toEqual([
      [
        ['the', 0],
        ['renewal', 0],
        ['the', 1],
        ['cfo', 1],
        ['renewal', 2]
      ],
      [
        ['other', 0],
        ['renewal', 2]
      ]
    ])
  })

  it('keeps apart many words that share their length and letters in another order', () => {
    const letters = 'abcdefgh'
    const all: string[] = []
    // Every arrangement of eight letters: 40,320 words of one length, many hashes to tell apart.
    const permute = (prefix: string, rest: string): void => {
      if (rest === '') all.push(prefix)
      for (let i = 0; i < rest.length; i++) permute(prefix + rest.charAt(i), rest.slice(0, i) + rest.slice(i + 1))
    }
    permute('', letters)
    const result = tokenize(['', '', all.join(' ')])
    expect(result.terms.length).toBe(all.length)
    expect(result.length).toBe(all.length)
  })
})
