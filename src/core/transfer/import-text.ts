/** The text of a contact file: UTF-8 only, so nothing is imported with garbled letters. */
import { firstInvalidUtf8 } from '../journal/utf8.ts'
import { ImportProblem } from './import-problem.ts'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Decodes UTF-8 (dropping a BOM) or throws ImportProblem naming the line of the first bad byte. */
export function decodeImportText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportProblem(1, 'the file is empty.')
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportProblem(1, 'the file is in UTF-16, not UTF-8. Save or export it again as UTF-8 and import that.')
  }
  try {
    return decoder.decode(bytes)
  } catch {
    const line = lineOfOffset(bytes, firstInvalidUtf8(bytes))
    throw new ImportProblem(
      line,
      'this line is not valid UTF-8 text (the file may be in an older encoding such as Latin-1 or Windows-1252). Save or export it again as UTF-8 and import that.'
    )
  }
}

/** 1-based line number of a byte offset, counting LF (and lone CR, as old Mac files end lines with it). */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++
  }
  return line
}
