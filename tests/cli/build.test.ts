/** The `rapport` command is built with the app, runs on its own, and never loads Electron. */
import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-journal.ts'
import { assertCliBuilt, CLI } from './cli-harness.ts'

const ROOT = join(dirname(CLI), '../..')

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

  it('is started by bin/rapport.js, which package.json names as the rapport bin and script', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>
      scripts: Record<string, string>
    }
    expect(pkg.bin.rapport).toBe('./bin/rapport.js')
    expect(pkg.scripts.rapport).toBe('node bin/rapport.js')
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/rapport.js'), '--help'], { encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^rapport: your Rapport journal from the command line\./)
  })

  it('says in one line to build first when run before a build, instead of a stack', async () => {
    // bin/rapport.js as it sits in a fresh clone: no out/ beside it yet.
    const clone = await makeTempDir('rapport-clone-')
    try {
      await mkdir(join(clone, 'bin'))
      await copyFile(join(ROOT, 'bin/rapport.js'), join(clone, 'bin/rapport.js'))
      await writeFile(join(clone, 'package.json'), '{"type": "module"}')
      const run = spawnSync(process.execPath, [join(clone, 'bin/rapport.js'), 'search', 'x'], { encoding: 'utf8' })
      expect(run.status).toBe(2)
      expect(run.stderr).toBe('rapport: the command line is not built yet. Run `npm run build` once, then try again.\n')
      expect(run.stdout).toBe('')
    } finally {
      await rm(clone, { recursive: true, force: true })
    }
  })
})
