/**
 * The layout docs/architecture.md describes, kept by the tree: the journal core lives outside the Electron
 * shell, the command line comes in by the app's front door (the session and the handlers), and no two modules
 * share a name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const src = join(root, 'src')

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(ts|svelte)$/.test(path))
    .map((path) => join(dir, path))
}

/** The files under src/ that `file` imports, as paths from src/ ("core/days.ts"). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) =>
    relative(src, resolve(dirname(file), m[1]!))
  )
}

describe('the layout', () => {
  it('keeps the plain-Node journal core out of the Electron shell', () => {
    expect(existsSync(join(src, 'core'))).toBe(true)
    expect(existsSync(join(src, 'main', 'core'))).toBe(false)
  })

  it('lets the command line reach the core only through the session, the handlers and small helpers', () => {
    const frontDoor = [
      'core/journal/journal-session.ts',
      'core/api/handlers.ts',
      'core/api/shell-port.ts',
      'core/journal/data-dir.ts',
      'core/days.ts',
      'core/fs-errors.ts',
      'core/rapport-error.ts'
    ]
    const reached = new Set(
      modulesUnder(join(src, 'cli'))
        .flatMap(importsOf)
        .filter((path) => path.startsWith('core/'))
    )
    expect([...reached].filter((path) => !frontDoor.includes(path))).toEqual([])
    expect(reached).toContain('core/journal/journal-session.ts')
    expect(reached).toContain('core/api/handlers.ts')
  })

  it('gives every module its own file name (but the entry points of main, the preload and the command line)', () => {
    const byName = new Map<string, string[]>()
    for (const file of modulesUnder(src)) {
      byName.set(basename(file), [...(byName.get(basename(file)) ?? []), relative(src, file)])
    }
    const shared = [...byName].filter(([, files]) => files.length > 1)
    expect(shared).toEqual([['index.ts', ['cli/index.ts', 'main/index.ts', 'preload/index.ts']]])
  })

  it('keeps modules at 300 lines or fewer and components at 150 or fewer', () => {
    const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length - 1
    const over = [...modulesUnder(src), ...['scripts', 'build', 'bench'].flatMap((d) => modulesUnder(join(root, d)))]
      .map((file) => ({ file: relative(root, file), lines: lines(file), limit: file.endsWith('.svelte') ? 150 : 300 }))
      .filter(({ lines, limit }) => lines > limit)
    expect(over).toEqual([])
  })
})
