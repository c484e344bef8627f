/**
 * Strict UTF-8. Rapport writes only UTF-8, so bytes that are not UTF-8 in its files are damage: decoding
 * them leniently would turn them into U+FFFD and the next save would write that over the user's words.
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** The text (a BOM kept, for the caller to judge), or the offset of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: decoder.decode(bytes) }
  } catch {
    return { invalidAt: firstInvalidUtf8(bytes) }
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      let low = 0x80
      let high = 0xbf
      if (k === 1 && b === 0xe0) low = 0xa0
      if (k === 1 && b === 0xed) high = 0x9f
      if (k === 1 && b === 0xf0) low = 0x90
      if (k === 1 && b === 0xf4) high = 0x8f
      if (c === undefined || c < low || c > high) return i
    }
    i += need + 1
  }
  return bytes.length
}
