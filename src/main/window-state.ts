/**
 * The window's size, position and maximised state, remembered between launches in window-state.json.
 * A saved position on a display that is no longer there (a laptop off its dock) is never restored
 * off-screen: the window then opens centred on the primary display.
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurable } from '../core/journal/durable-write.ts'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const Int = v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000))
const WindowStateSchema = v.object({
  x: Int,
  y: Int,
  width: v.pipe(Int, v.minValue(200)),
  height: v.pipe(Int, v.minValue(200)),
  maximized: v.boolean()
})
export type WindowState = v.InferOutput<typeof WindowStateSchema>

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_SIZE = { width: 1200, height: 800 }

export async function loadWindowState(dataDir: string): Promise<WindowState | null> {
  try {
    const result = v.safeParse(WindowStateSchema, JSON.parse(await readFile(join(dataDir, WINDOW_STATE_FILE), 'utf8')))
    return result.success ? result.output : null
  } catch {
    // Missing or damaged: the window opens at its default size, which is all this file is for.
    return null
  }
}

export function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  return writeFileDurable(join(dataDir, WINDOW_STATE_FILE), `${JSON.stringify(state)}\n`)
}

/**
 * Where to open the window: the saved bounds if enough of the title bar lands on a display's work area,
 * otherwise the default size centred on the primary display (shrunk to fit it).
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): Rect & { maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE }
  if (saved && workAreas.some((area) => titleBarVisible(saved, area))) {
    const area = workAreas.find((a) => titleBarVisible(saved, a))!
    return { ...saved, width: Math.min(saved.width, area.width), height: Math.min(saved.height, area.height) }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width)
  const height = Math.min(DEFAULT_SIZE.height, primary.height)
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
    maximized: saved?.maximized ?? false
  }
}

/** At least 100 px of the top 40 px of the window overlap the area, so it can be grabbed and moved. */
function titleBarVisible(window: Rect, area: Rect): boolean {
  const overlapX = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x)
  const top = window.y
  return overlapX >= 100 && top >= area.y - 10 && top + 40 <= area.y + area.height
}
