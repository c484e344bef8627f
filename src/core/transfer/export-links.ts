/**
 * How the export links its files to each other: Obsidian's `[[wikilinks]]`, or standard relative Markdown
 * links that any viewer follows. `auto` picks wikilinks when the folder is inside an Obsidian vault.
 */
import { stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import type { LinkStyle } from '../../shared/transfer.ts'
import { link } from './markdown-text.ts'

export interface Linker {
  style: 'wikilinks' | 'markdown'
  /**
   * A link to `target` (a path from the export folder's root, without ".md"), written in a file that sits in
   * `from` (a folder, relative to the same root: '' or 'People').
   */
  to(text: string, target: string, from: string): string
}

/** The vault the folder sits in (the nearest folder up from it holding `.obsidian/`), or null. */
export async function vaultOf(folder: string): Promise<string | null> {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (
      await stat(join(dir, '.obsidian')).then(
        (info) => info.isDirectory(),
        () => false
      )
    )
      return dir
    if (dirname(dir) === dir) return null
  }
}

export async function linkerFor(folder: string, style: LinkStyle): Promise<Linker> {
  const vault = style === 'markdown' ? null : await vaultOf(folder)
  if (style === 'markdown' || (style === 'auto' && vault === null)) return { style: 'markdown', to: markdownLink }
  // Paths from the vault's root resolve in Obsidian wherever the link is; without a vault, from the export's.
  const prefix =
    vault === null
      ? ''
      : relative(vault, folder)
          .split(sep)
          .filter(Boolean)
          .map((part) => `${part}/`)
          .join('')
  return { style: 'wikilinks', to: (text, target) => wikilink(text, `${prefix}${target}`) }
}

function markdownLink(text: string, target: string, from: string): string {
  const slash = target.lastIndexOf('/')
  const folder = slash === -1 ? '' : target.slice(0, slash)
  if (folder === from) return link(text, `${target.slice(slash + 1)}.md`)
  return link(text, `${from === '' ? '' : '../'}${target}.md`)
}

/** `[[People/Ana García|Ana García]]`: the display text is shown as typed, less what would end the link. */
function wikilink(text: string, target: string): string {
  const display = text
    .replace(/[[\]|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return display === '' || display === target ? `[[${target}]]` : `[[${target}|${display}]]`
}
