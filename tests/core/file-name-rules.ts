/** The rules an exported file-name stem must follow on every OS, written independently of the code under test. */

const RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])( *\..*)?$/i

/** What is wrong with `stem` as a file name (before ".md"), or '' when nothing is. */
export function stemProblem(stem: string): string {
  if (stem === '') return 'empty'
  if (stem === '.' || stem === '..' || stem.startsWith('.')) return 'starts with a dot'
  if (/[<>:"/\\|?*]/.test(stem)) return 'has a character Windows refuses'
  if (/[#^[\]|]/.test(stem)) return 'has a character Obsidian links use'
  if (/\p{Cc}/u.test(stem)) return 'has a control character'
  if (/[ .]$/.test(stem)) return 'ends in a dot or space'
  if (RESERVED.test(stem) || RESERVED.test(`${stem}.md`)) return 'is a reserved Windows name'
  if (stem.length > 120) return 'is longer than 120 UTF-16 units'
  if (new TextEncoder().encode(`${stem}.md`).length > 200) return 'is too many bytes'
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(stem)) return 'has a lone surrogate'
  return ''
}
