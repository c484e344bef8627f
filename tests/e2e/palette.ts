/**
 * A page's colours as Chromium computes them, to prove that the theme chosen in Settings paints a page exactly
 * as the system's own scheme does. Like axe.ts, the page code is a string: these tests are typed without the DOM.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** How a page gets its scheme: from the system (Chromium's emulated one), and html[data-theme] from Settings. */
export interface Look {
  system: 'light' | 'dark'
  theme: 'system' | 'light' | 'dark'
}

/**
 * Every colour-bearing property (colours, shadows, images and gradients, fills, filters) of every element and
 * of its pseudo-elements, one row per element and pseudo-element, in document order. color-scheme itself is
 * left out: it is where the two ways differ ("light dark" against "dark"); the colours it picks are compared.
 */
const SNAPSHOT = `(() => {
  const names = [...getComputedStyle(document.documentElement)].filter(
    (name) => /colou?r|shadow|image|fill|stroke|filter/.test(name) && name !== 'color-scheme'
  )
  // The pseudo-elements each element has: asking for one it lacks costs as much as a real one, for nothing.
  const pseudos = (element, style) => [
    ...['::before', '::after'].filter((p) => getComputedStyle(element, p).content !== 'none'),
    ...(style.display === 'list-item' ? ['::marker'] : []),
    ...(element.matches('input[placeholder], textarea[placeholder]') ? ['::placeholder'] : []),
    ...(element.matches(':modal, :popover-open') ? ['::backdrop'] : [])
  ]
  const rows = []
  for (const element of document.querySelectorAll('*')) {
    const own = getComputedStyle(element)
    const classes = typeof element.className === 'string' ? element.className.trim().split(/\\s+/).filter(Boolean) : []
    const where = [element.tagName.toLowerCase(), ...(element.id ? ['#' + element.id] : []), ...classes.map((c) => '.' + c)]
    for (const pseudo of ['', ...pseudos(element, own)]) {
      const style = pseudo ? getComputedStyle(element, pseudo) : own
      rows.push([where.join('') + pseudo, names.map((name) => name + ': ' + style.getPropertyValue(name))])
    }
  }
  return rows
})()`

/** How the snapshot kept in the page differs from one taken now: the first few rows, and how many differ. */
const DIFFERENCES = `(() => {
  const was = globalThis.__rapportPalette
  const now = ${SNAPSHOT}
  if (was.length !== now.length) return { count: -1, rows: ['the page changed: ' + was.length + ' rows, then ' + now.length] }
  const rows = []
  let count = 0
  for (let i = 0; i < now.length; i++) {
    const changed = now[i][1].flatMap((property, j) => {
      const before = was[i][1][j]
      return property === before ? [] : [property + ' (was ' + before.slice(before.indexOf(': ') + 2) + ')']
    })
    if (changed.length === 0) continue
    count++
    if (rows.length < 4) rows.push(now[i][0] + ' { ' + changed.join('; ') + ' }')
  }
  return { count, rows }
})()`

/** Puts the page in `look`, as the app would: the system's scheme, and the theme chosen in Settings. */
async function wear(page: Page, look: Look): Promise<void> {
  await page.emulateMedia({ colorScheme: look.system })
  await page.evaluate(`document.documentElement.dataset.theme = '${look.theme}'`)
}

const describe = (look: Look) =>
  look.theme === 'system' ? `a ${look.system} system` : `${look.theme} chosen in Settings on a ${look.system} system`

/**
 * Fails unless the page, in `look` now, has exactly the same colours, element by element, in `other` (a system
 * scheme against the Settings override that should match it). The app applies the override by setting
 * html[data-theme] (src/renderer/src/state/preferences.svelte.ts); so does this. The page is left in `look`.
 */
export async function expectSamePalette(page: Page, label: string, look: Look, other: Look): Promise<void> {
  const scheme = `matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'`
  expect(await page.evaluate<string>(scheme), label).toBe(look.system)
  expect(await page.evaluate<string | undefined>('document.documentElement.dataset.theme'), label).toBe(look.theme)
  await page.evaluate(`globalThis.__rapportPalette = ${SNAPSHOT}, undefined`)
  try {
    await wear(page, other)
    const { count, rows } = await page.evaluate<{ count: number; rows: string[] }>(DIFFERENCES)
    if (count !== 0)
      throw new Error(
        `${label}: ${describe(other)} paints differently from ${describe(look)}` +
          ` (${count < 0 ? 'not the same elements' : `${count} element(s)`}):\n  ${rows.join('\n  ')}`
      )
  } finally {
    await wear(page, look)
    await page.evaluate('delete globalThis.__rapportPalette')
  }
}
