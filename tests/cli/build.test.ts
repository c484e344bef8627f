/** The `rapport` command is built with the app, runs on its own, and never loads Electron. */
import { readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assertCliBuilt, CLI } from './cli-harness.ts'

/** The file and every chunk it imports, transitively. */
async function bundleFiles(entry: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const visit = async (path: string): Promise<void> => {
    if (files.has(path)) return
    const text = await readFile(path, 'utf8')
    files.set(path, text)
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g))
      await visit(join(dirname(path), spec!))
  }
  await visit(entry)
  return files
}

describe('the built rapport command', () => {
  it('is out/main/cli.js, starting with its #! line, and executable', async () => {
    assertCliBuilt()
    const text = await readFile(CLI, 'utf8')
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true)
    if (process.platform !== 'win32') expect((await stat(CLI)).mode & 0o111).not.toBe(0)
  })

  it('shares the core through a chunk and imports electron nowhere', async () => {
    const files = await bundleFiles(CLI)
    expect(files.size).toBeGreaterThan(1)
    for (const [path, text] of files) {
      const electron = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)["']electron(?:\/[^"']*)?["']/.exec(text)
      expect(electron?.[0], path).toBeUndefined()
    }
  })

  it('is what package.json names as the rapport bin and script', async () => {
    const pkg = JSON.parse(await readFile(join(dirname(CLI), '../../package.json'), 'utf8')) as {
      bin: Record<string, string>
      scripts: Record<string, string>
    }
    expect(pkg.bin.rapport).toBe('./out/main/cli.js')
    expect(pkg.scripts.rapport).toBe('node out/main/cli.js')
  })
})
