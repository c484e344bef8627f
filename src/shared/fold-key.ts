/**
 * How Rapport compares words and names, wherever it does: the search index and its queries, the ranking,
 * the brief's and the command line's name match, duplicate checks on import, interests in common. One fold,
 * so that none of them can disagree ("Jose" is José everywhere, "Oyvind" is Øyvind, "شحن" is in "للشحن").
 */

/** Letters without a decomposition that readers treat as their base letters: "Łódź" = "Lodz", "Straße" = "Strasse". */
const LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
  // Arabic: the forms of yeh, kaf and heh that Arabic and Persian keyboards type differently; tatweel is
  // only stretching.
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ة: 'ه',
  ـ: ''
}
const LETTER = /[øæœßđðłıþħىیکةـ]/g

/**
 * Marks that are optional in writing: accents of Latin, Greek and Cyrillic, Hebrew points, Arabic vowel
 * signs and hamza. Marks that are part of a letter's sound (Devanagari and Thai vowel signs, Japanese
 * voicing) are kept: without them different words would meet.
 */
const OPTIONAL_MARK = /[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g
const ARABIC = /[\u0600-\u06ff]/

/**
 * The definite article and the particles written onto it ("ال", "لل", "وال", "بال", "كال", "فال"): in
 * Arabic they are part of the word, so "الشحن" (the shipping) and "للشحن" (for the shipping) must meet
 * "شحن". Longest first. Only these: a lone و, ب or ل also starts many names (وليد, بشير, لبنى).
 */
const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'ولل', 'ال', 'لل']

/** Folds one word: case, optional marks, look-alike letters, and Arabic's attached article. */
export function foldWord(word: string): string {
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 127) return foldUnicode(word)
  }
  // ASCII, almost every word of a note: only the case.
  return word.toLowerCase()
}

function foldUnicode(word: string): string {
  // NFKD also unpacks compatibility forms (ﬁ, full-width Latin, Arabic presentation forms); NFC then puts
  // Hangul syllables and kana back together.
  const folded = word
    .toLowerCase()
    .normalize('NFKD')
    .replace(OPTIONAL_MARK, '')
    .replace(LETTER, (char) => LETTERS[char]!)
    .normalize('NFC')
  if (!ARABIC.test(folded)) return folded
  // At least two letters must remain: "ال" alone, or "الف", stay as they are.
  const article = ARTICLES.find((prefix) => folded.startsWith(prefix) && folded.length - prefix.length >= 2)
  return article ? folded.slice(article.length) : folded
}

/** The source of the fold, so a saved search index made with other rules is not trusted (saved-index.ts). */
export const FOLD_RULES = [foldWord, foldUnicode, JSON.stringify(LETTERS), OPTIONAL_MARK, ARABIC, ARTICLES].join('\n')

/** Letters, digits and the marks on them: what a word is made of, in any script. */
export const WORD_CHARS = /[\p{L}\p{N}\p{M}]+/gu

/** Case- and accent-blind key of a name or label: "José  GARCÍA" and "jose garcia" match, so do "Øyvind" and "Oyvind". */
export function foldKey(text: string): string {
  return text.replace(WORD_CHARS, foldWord).replace(/\s+/g, ' ').trim()
}

/** The folded words of a text: "Ana García-López" → ana, garcia, lopez. */
export function foldedWords(text: string): string[] {
  return Array.from(text.matchAll(WORD_CHARS), ([word]) => foldWord(word))
}
