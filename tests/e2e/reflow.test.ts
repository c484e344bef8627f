/**
 * Reflow and visible focus (WCAG 1.4.10, 2.4.7, 2.4.11), on every view in both themes, in one page:
 * - at 320 CSS px wide (400 % zoom of a 1280 px window) no view, form or import preview scrolls sideways, and a
 *   long name and e-mail wrap; nor at 700 px, just wider than the narrow layout, with the sidebar beside;
 * - every control's focus ring, focused from the keyboard, contrasts 3:1 or more with what surrounds it (the
 *   first opaque background behind it), the toasts' buttons included, at 320 px and at 1280 px.
 * Views are reached by their hash, without reloading, and the theme is switched by the media emulation, so
 * the whole walk is a single page load.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { seedJournal } from '../support/seed-journal.ts'
import { appPerFile, openUi, screenshot } from './harness.ts'
import type { Ui } from './harness.ts'

const LONG_NAME = 'Maximiliana Konstantynopolitańczykowiczówna-Wojciechowska'
const LONG_EMAIL = 'maximiliana.konstantynopolitanczykowiczowna@procurement-department.very-long-company.example'
let ids: Awaited<ReturnType<typeof seedJournal>>
let longId = ''

const running = appPerFile('rapport-e2e-reflow-', async (app) => {
  ids = await seedJournal(app.journal.handlers, new Date())
  const long = await app.journal.handlers.createPerson({
    person: { name: LONG_NAME, email: LONG_EMAIL, company: 'Konstantynopolitańczykowiczówna Holdings', role: 'CPO' }
  })
  longId = long.id
  // A contacts file whose preview has the long address in its table.
  const vcf = resolve(app.dir, 'long.vcf')
  await writeFile(vcf, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zofia ${LONG_NAME}\r\nEMAIL:z${LONG_EMAIL}\r\nEND:VCARD\r\n`)
  app.desktop.file = vcf
})
let ui: Ui
beforeAll(async () => {
  ui = await openUi(running.browser, running.app)
})
afterAll(async () => {
  await ui?.close()
})

/** How far the page scrolls sideways, and the widest elements sticking out past the window, for the message. */
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth
  const over = [...document.querySelectorAll('main *, nav *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.visually-hidden'))
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' ' + Math.round(el.getBoundingClientRect().right))
  return { scroll: document.documentElement.scrollWidth - width, over }
})()`

/**
 * Focuses every control (the keyboard was used last, so :focus-visible applies) and measures its ring against
 * the first opaque background behind it: the rings under 3:1, described.
 */
const WEAK_RINGS = `(() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/) || c.match(/color\\(srgb ([^)]+)\\)/)
    if (!m) return null
    const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number)
    const scale = c.startsWith('color(') ? 255 : 1
    return { rgb: parts.slice(0, 3).map((v) => v * scale), alpha: parts.length > 3 ? parts[3] : 1 }
  }
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 }
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
  }
  const behind = (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor)
      if (bg && bg.alpha > 0.5) return bg.rgb
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor)?.rgb ?? [255, 255, 255]
  }
  const weak = []
  const controls = document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex="0"]')
  for (const el of controls) {
    if (!el.checkVisibility() || el.closest('dialog:not([open])')) continue
    el.focus({ preventScroll: true })
    if (document.activeElement !== el) continue
    const style = getComputedStyle(el)
    const ring = parse(style.outlineColor)
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2 || !ring) {
      weak.push(el.tagName.toLowerCase() + ' “' + (el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40) + '”: no outline')
      continue
    }
    const [a, b] = [lum(ring.rgb), lum(behind(el))].sort((x, y) => y - x)
    const ratio = (a + 0.05) / (b + 0.05)
    if (ratio < 3) weak.push(el.tagName.toLowerCase() + ' “' + (el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40) + '”: ' + ratio.toFixed(2) + ':1')
  }
  document.activeElement?.blur()
  return weak
})()`

interface Stop {
  name: string
  hash: string
  /** What shows that the view has loaded, and anything to open on it. */
  ready: (page: Page) => Promise<void>
  /** Puts back what `ready` changed in the journal. */
  after?: (page: Page) => Promise<void>
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor()

const STOPS: Stop[] = [
  {
    name: 'Today, with an error toast',
    hash: '#/today',
    ready: async (page) => {
      await page.getByRole('heading', { name: /^Overdue/ }).waitFor()
      await page.evaluate("window.__rapportCommand('log-conversation')")
      await page.getByRole('alert').filter({ hasText: 'Open a person’s page first' }).waitFor()
    }
  },
  {
    name: 'People, with the new person form',
    hash: '#/people',
    ready: async (page) => {
      await page.getByRole('list', { name: 'People' }).getByText(LONG_NAME).waitFor()
      await page.getByRole('button', { name: 'Add person' }).click()
      await page.getByRole('form', { name: 'New person' }).waitFor()
    }
  },
  {
    name: 'a person, with every form open and the delete question',
    hash: '#/person/ANA',
    ready: async (page) => {
      await h1(page, 'Ana García')
      for (const button of ['Log conversation', 'Edit profile', 'Add follow-up', 'Add interest', 'Add challenge'])
        await page.getByRole('button', { name: button, exact: true }).click()
      await page.getByRole('form', { name: 'New challenge' }).waitFor()
      await page.getByRole('button', { name: 'Delete Ana García' }).click()
      await page.getByRole('alertdialog', { name: /^Delete Ana García/ }).waitFor()
    }
  },
  {
    name: 'a person with a long name and e-mail',
    hash: '#/person/LONG',
    ready: async (page) => {
      await h1(page, LONG_NAME)
      await page.getByText(LONG_EMAIL).waitFor()
    }
  },
  {
    name: 'the pre-call brief',
    hash: '#/brief/ANA',
    ready: (page) => page.getByRole('heading', { level: 2, name: 'Talking points' }).waitFor()
  },
  {
    name: 'a group’s briefs',
    hash: '#/briefs/PRIYA,KENJI',
    ready: (page) => page.getByRole('tab', { name: 'Kenji Watanabe' }).waitFor()
  },
  {
    name: 'Me, with an Undo toast',
    hash: '#/me',
    ready: async (page) => {
      await page.getByRole('list', { name: 'My interests' }).waitFor()
      await page.getByRole('button', { name: 'Remove Trail running' }).click()
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).waitFor()
    },
    after: async (page) => {
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
      await page.getByRole('button', { name: 'Remove Trail running' }).waitFor()
    }
  },
  {
    name: 'an interest',
    hash: `#/interest/${encodeURIComponent('Real Madrid')}`,
    ready: (page) => page.getByRole('list', { name: 'People interested in Real Madrid' }).waitFor()
  },
  {
    name: 'Settings',
    hash: '#/settings',
    ready: (page) => page.getByRole('heading', { level: 2, name: 'Your data' }).waitFor()
  },
  {
    name: 'Import, with a contacts preview',
    hash: '#/import',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Choose a file…' }).click()
      await page.getByText(`z${LONG_EMAIL}`).waitFor()
    }
  }
]

const hashOf = (stop: Stop) =>
  stop.hash
    .replace('ANA', ids.anaId)
    .replace('LONG', longId)
    .replace('PRIYA', ids.priyaId)
    .replace('KENJI', ids.kenjiId)

it.each(['light', 'dark'] as const)(
  'reflows at 320 px and shows a 3:1 focus ring on every control of every view (%s)',
  async (scheme) => {
    const { page } = ui
    await page.emulateMedia({ colorScheme: scheme })
    const problems: string[] = []
    for (const stop of STOPS) {
      await page.setViewportSize({ width: 320, height: 640 })
      await page.evaluate(`location.hash = '#/blank'`)
      await page.evaluate(`location.hash = ${JSON.stringify(hashOf(stop))}`)
      await stop.ready(page)
      const { scroll, over } = await page.evaluate<{ scroll: number; over: string[] }>(OVERFLOW)
      if (scroll > 0) problems.push(`${stop.name} at 320 px scrolls ${scroll} px sideways: ${over.join(', ')}`)
      // What this issue changed, for a person to look at (test-results/, ignored): every view in light, the
      // person, Me's toast and the import preview in dark, at 320 px and at 1280.
      const shot = scheme === 'light' || /^(a person,|Me|Import)/.test(stop.name)
      const shotName = `${scheme}-${stop.hash.split('/')[1]}`
      if (shot) await screenshot(page, `reflow-320-${shotName}`, { fullPage: true })
      await page.keyboard.press('Shift')
      for (const ring of await page.evaluate<string[]>(WEAK_RINGS)) problems.push(`${stop.name} (320 px): ${ring}`)
      // Just wider than the narrow layout (200 % zoom of a 1400 px window): the sidebar is back beside the view.
      await page.setViewportSize({ width: 700, height: 640 })
      const beside = await page.evaluate<{ scroll: number; over: string[] }>(OVERFLOW)
      if (beside.scroll > 0)
        problems.push(`${stop.name} at 700 px scrolls ${beside.scroll} px: ${beside.over.join(', ')}`)
      await page.setViewportSize({ width: 1280, height: 800 })
      if (shot && /^(a person,|Me|Import)/.test(stop.name)) {
        // With the keyboard's focus on a toast's first button, where there is a toast, to see its ring.
        await page.evaluate(`document.querySelector('.toast button')?.focus()`)
        await screenshot(page, `focus-1280-${shotName}`)
      }
      for (const ring of await page.evaluate<string[]>(WEAK_RINGS)) problems.push(`${stop.name} (1280 px): ${ring}`)
      await stop.after?.(page)
    }
    expect(problems).toEqual([])
  }
)
