/** How names are compared wherever Rapport matches them: case, accents and spacing set aside. */

const FOLDED: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', ı: 'i', þ: 'th' }

/** Case- and accent-blind key: "José  GARCÍA" and "jose garcia" match, so do "Øyvind" and "Oyvind". */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłıþ]/g, (char) => FOLDED[char]!)
    .replace(/\s+/g, ' ')
    .trim()
}

/** The folded words of a text: "Ana García-López" → ana, garcia, lopez. */
export function foldedWords(text: string): string[] {
  return foldKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}
