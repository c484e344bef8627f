import { rm } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { loadWindowState, placeWindow, saveWindowState } from '../../src/main/window-state.ts'
import { makeTempDir } from '../support/temp-journal.ts'

const laptop = { x: 0, y: 0, width: 1440, height: 875 }
const external = { x: 1440, y: 0, width: 2560, height: 1415 }
let dir = ''
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('window state', () => {
  it('restores size, position and maximised state on a display that is still there', async () => {
    dir = await makeTempDir()
    await saveWindowState(dir, { x: 1600, y: 100, width: 1300, height: 900, maximized: true })
    const saved = await loadWindowState(dir)
    expect(placeWindow(saved, [laptop, external])).toEqual({
      x: 1600,
      y: 100,
      width: 1300,
      height: 900,
      maximized: true
    })
  })

  it('brings a window from a display that is gone back onto the primary one', async () => {
    const onExternal = { x: 1600, y: 100, width: 1300, height: 900, maximized: false }
    expect(placeWindow(onExternal, [laptop])).toEqual({ x: 120, y: 38, width: 1200, height: 800, maximized: false })
  })

  it('never restores a window whose title bar would be above the screen', () => {
    expect(
      placeWindow({ x: 10, y: -500, width: 800, height: 600, maximized: false }, [laptop]).y
    ).toBeGreaterThanOrEqual(0)
  })

  it('opens at the default size when the file is missing or damaged', async () => {
    dir = await makeTempDir()
    expect(await loadWindowState(dir)).toBeNull()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${dir}/window-state.json`, '{"x": "left"}')
    expect(await loadWindowState(dir)).toBeNull()
    expect(placeWindow(null, [laptop])).toMatchObject({ width: 1200, height: 800 })
  })
})
