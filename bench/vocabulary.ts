/**
 * The words of generated journals: real seller vocabulary at the top ranks, then made-up words from
 * syllables, 20,000+ in all, drawn with a Zipf distribution (a few words very often, most rarely).
 */
import type { Random } from './random.ts'

const COMMON = (
  'the and to of a in we for that is on with they it was about their our this be as have at need from next ' +
  'pricing contract renewal budget team call meeting quarter proposal discount demo pilot integration ' +
  'timeline decision legal procurement security review onboarding invoice volume forecast churn expansion ' +
  'roadmap champion stakeholder approval risk deadline migration support training rollout feedback ' +
  'golf football marathon sourdough kids holiday wine coffee sailing cycling tennis chess garden'
).split(' ')

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cl',
  'dr',
  'fl',
  'gr',
  'pl',
  'st',
  'tr',
  'sh',
  'ch',
  'th'
]
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou']
const CODAS = ['', '', 'n', 'r', 's', 'l', 't', 'm', 'nd', 'st', 'rk']

export class ZipfWords {
  readonly words: string[]
  #cumulative: Float64Array

  constructor(random: Random, size = 22_000, exponent = 1.05) {
    const seen = new Set(COMMON)
    const words = [...COMMON]
    while (words.length < size) {
      let word = ''
      const syllables = random.int(1, 4)
      for (let s = 0; s < syllables; s++) word += random.pick(ONSETS) + random.pick(VOWELS)
      word += random.pick(CODAS)
      if (!seen.has(word)) {
        seen.add(word)
        words.push(word)
      }
    }
    this.words = words
    this.#cumulative = new Float64Array(size)
    let sum = 0
    for (let r = 0; r < size; r++) this.#cumulative[r] = sum += 1 / Math.pow(r + 1, exponent)
    for (let r = 0; r < size; r++) this.#cumulative[r]! /= sum
  }

  draw(random: Random): string {
    const x = random.next()
    let lo = 0
    let hi = this.#cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.#cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return this.words[lo]!
  }

  sentence(random: Random, length: number): string {
    const parts: string[] = []
    for (let i = 0; i < length; i++) parts.push(this.draw(random))
    const text = parts.join(' ')
    return text.charAt(0).toUpperCase() + text.slice(1)
  }

  /** A Markdown-ish body of `count` words in sentences and short paragraphs. */
  body(random: Random, count: number): string {
    const sentences: string[] = []
    let left = count
    while (left > 0) {
      const n = Math.min(left, random.int(6, 18))
      sentences.push(`${this.sentence(random, n)}.`)
      left -= n
    }
    let out = ''
    sentences.forEach((s, i) => (out += (i === 0 ? '' : i % 4 === 0 ? '\n\n' : ' ') + s))
    return out
  }
}
