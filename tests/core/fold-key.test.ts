/**
 * One fold for every comparison of words and names: the index and its queries (words), the name match of the
 * brief and the command line (foldKey, foldedWords), interests in common. They must never disagree.
 */
import { describe, expect, it } from 'vitest'
import { words } from '../../src/core/search/tokenize.ts'
import { foldedWords, foldKey, foldWord } from '../../src/shared/fold-key.ts'
import { interestKey } from '../../src/shared/schema/interest.ts'

const NAMES = [
  'José Martínez',
  'Małgorzata Kowalczyk',
  'Øyvind Bøe',
  'Sigríður Jónsdóttir',
  'Trần Minh Đức',
  'Elif Yılmaz',
  'Jonas Weiß',
  'يوسف المنصوري',
  'Дмитрий Петров',
  '陈静',
  'Park Seo-yeon',
  'प्रिया रमन',
  'Ciarán O’Brien'
]

describe('the fold', () => {
  it('gives the index, the query and the name match the same words for any name', () => {
    for (const name of NAMES) expect(words(name), name).toEqual(foldedWords(name))
  })

  it('folds case, accents and look-alike letters the way people type names', () => {
    expect(foldKey('  José  GARCÍA ')).toBe('jose garcia')
    expect(foldedWords('Øyvind Łukasz Sigríður Đức Yılmaz Weiß')).toEqual([
      'oyvind',
      'lukasz',
      'sigridur',
      'duc',
      'yilmaz',
      'weiss'
    ])
    expect(foldWord('ＡＢＣ')).toBe('abc')
  })

  it('keeps marks that are part of a letter’s sound', () => {
    // Devanagari vowel signs and Japanese voicing change the word; stripping them would merge words.
    expect(foldWord('प्रिया')).not.toBe(foldWord('पर'))
    expect(foldWord('ガス')).not.toBe(foldWord('カス'))
  })

  it('takes Arabic’s attached article off, leaving at least two letters', () => {
    expect(['للشحن', 'الشحن', 'بالشحن', 'والشحن', 'شحن'].map(foldWord)).toEqual(['شحن', 'شحن', 'شحن', 'شحن', 'شحن'])
    expect(foldWord('أحمد')).toBe('احمد')
    expect(foldWord('الف')).toBe('الف')
    // A lone و or ب starts names too: it stays.
    expect(foldWord('وليد')).toBe('وليد')
  })

  it('matches interests by label the same way', () => {
    expect(interestKey('Café  Racers')).toBe(interestKey('cafe racers'))
    expect(interestKey('Øl')).toBe(interestKey('ol'))
  })
})
