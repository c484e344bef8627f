import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../src/core/journal/data-dir.ts'

describe('where the journal lives', () => {
  const fallback = '/home/ana/.config/Rapport'

  it('defaults to the app’s own folder', () => {
    expect(resolveDataDir(['electron', '.'], {}, fallback)).toBe(fallback)
  })
  it('follows RAPPORT_DATA_DIR', () => {
    expect(resolveDataDir([], { RAPPORT_DATA_DIR: 'journals/work' }, fallback)).toBe(resolve('journals/work'))
  })
  it('lets --data-dir win over the environment, in both spellings', () => {
    expect(resolveDataDir(['app', '--data-dir', '/srv/j'], { RAPPORT_DATA_DIR: '/x' }, fallback)).toBe('/srv/j')
    expect(resolveDataDir(['app', '--data-dir=/srv/k'], { RAPPORT_DATA_DIR: '/x' }, fallback)).toBe('/srv/k')
  })
  it('refuses an empty --data-dir rather than opening the default journal', () => {
    for (const argv of [
      ['app', '--data-dir', ''],
      ['app', '--data-dir='],
      ['app', '--data-dir', '  '],
      ['app', '--data-dir']
    ]) {
      expect(() => resolveDataDir(argv, { RAPPORT_DATA_DIR: '/x' }, fallback)).toThrow(
        '--data-dir needs a folder, and it was given an empty one.'
      )
    }
  })
})
