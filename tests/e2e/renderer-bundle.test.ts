/** The built renderer: it validates nothing at run time (main does), so it ships no validator. */
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ASSETS = resolve(import.meta.dirname, '../../out/renderer/assets')

describe('the built renderer', () => {
  it('does not contain valibot: components import only types and plain lists from src/shared', async () => {
    const scripts = (await readdir(ASSETS)).filter((name) => name.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(0)
    for (const name of scripts) expect(await readFile(join(ASSETS, name), 'utf8'), name).not.toContain('"valibot"')
  })
})
