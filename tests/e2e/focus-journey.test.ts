/**
 * Keyboard and screen-reader users never lose their place (issue 21): each task of the audit done with the
 * keyboard, asserting after every step where the focus is (never <body>) and, where the app speaks, what its
 * live region says. One browser and one page for the file; the tests run in order on the same journal.
 */
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CONTACTS } from '../support/contacts.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { appPerFile, openUi } from './harness.ts'
import type { Ui } from './harness.ts'

const running = appPerFile('rapport-e2e-focus-', async (app) => {
  await seedJournal(app.journal.handlers, new Date())
})
let ui: Ui
let page: Page
beforeAll(async () => {
  ui = await openUi(running.browser, running.app)
  page = ui.page
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
})
afterAll(async () => {
  await ui?.close()
  expect(running.app.failedCalls).toEqual([])
})

/** The focused element as "tag name": its aria-label, else its text; "body" when the focus is lost. */
const FOCUSED = `(() => {
  const el = document.activeElement
  if (!el || el === document.body) return 'body'
  const name = (el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : '') || el.textContent || '')
  return el.tagName.toLowerCase() + ' ' + name.trim().replace(/\\s+/g, ' ')
})()`

/** Waits until the focus is on `expected` ("button Undo", "h1 People"), failing with where it is instead. */
async function expectFocus(expected: string | RegExp): Promise<void> {
  await expect.poll(() => page.evaluate<string>(FOCUSED)).toMatch(expected)
}

/** Focuses a control the way a keyboard user would have reached it, then presses `key` on it. */
async function press(name: string | RegExp, key = 'Enter', role: 'button' | 'link' = 'button'): Promise<void> {
  await page
    .getByRole(role, { name, exact: typeof name === 'string' })
    .first()
    .focus()
  await page.keyboard.press(key)
}

/** What the app's live region (or the quick switcher's, while it is open) says. */
const spoken = (region = '.live-region') => page.locator(region).textContent()

it('moves the focus to the skip link’s target and to each new view’s heading, titling the window', async () => {
  expect(await page.title()).toBe('Today — Rapport')
  // The live region is there from launch, empty, so that the first toast put into it is read out.
  expect(await page.locator('.live-region[role="status"]').count()).toBe(1)
  expect(await spoken()).toBe('')
  await page.keyboard.press('Tab')
  await expectFocus('a Skip to main content')
  await page.keyboard.press('Enter')
  await expectFocus('h1 Today')

  // Done on Today: the next follow-up of the list takes the focus.
  await press('Mark “Return the signed NDA” done')
  await expectFocus('button Mark “Send trail race photos” done')

  await press('People', 'Enter', 'link')
  await expectFocus('h1 People')
  expect(await page.title()).toBe('People — Rapport')

  // The new person form: its first field on opening, Add person again on Esc, the new page's heading on save.
  await press('Add person')
  await expectFocus('input Name')
  await page.keyboard.press('Escape')
  await expectFocus('button Add person')
  await page.keyboard.press('Enter')
  await expectFocus('input Name')
  await page.keyboard.type('Marta Kowalczyk')
  await page.keyboard.press('Enter')
  await expectFocus('h1 Marta Kowalczyk')
  expect(await page.title()).toBe('Marta Kowalczyk — Rapport')
  await expect.poll(() => spoken()).toContain('Marta Kowalczyk added.')
})

it('focuses each form’s first field on opening and gives the focus back to its opener on Esc or save', async () => {
  for (const [opener, field] of [
    ['Edit profile', 'input Name'],
    ['Add follow-up', /^input /],
    ['Add challenge', 'input Challenge'],
    ['Log conversation', 'input Title']
  ] as const) {
    await press(opener)
    await expectFocus(field)
    await page.keyboard.press('Escape')
    await expectFocus(`button ${opener}`)
  }
  await press('Add interest')
  await expectFocus('input Interest')
  await page.keyboard.type('Legia Warszawa')
  await page.keyboard.press('Enter')
  await expectFocus('button Add interest')
  await page.getByRole('button', { name: 'Remove Legia Warszawa' }).waitFor()

  await press('Log conversation')
  await page.keyboard.type('Coffee at the stadium')
  await page.keyboard.press('Control+Enter')
  await expectFocus('button Log conversation')
  await expect.poll(() => spoken()).toContain('Conversation logged.')
})

it('puts the focus on Undo after a delete, back on the item after Undo, and in the item’s place on Dismiss', async () => {
  await press('Remove Legia Warszawa')
  await expectFocus('button Undo')
  await expect.poll(() => spoken()).toContain('“Legia Warszawa” was deleted.')
  await page.keyboard.press('Enter')
  await expectFocus('button Remove Legia Warszawa')
  await expect.poll(() => spoken()).toContain('“Legia Warszawa” is back.')

  // Dismissed instead: the focus goes to what stands in its place, here the section's heading (none left).
  await press('Remove Legia Warszawa')
  await expectFocus('button Undo')
  await page.keyboard.press('Tab')
  await expectFocus('button Dismiss')
  await page.keyboard.press('Enter')
  await expectFocus('h2 Interests')

  // Ctrl+Z from the toast's Undo puts the conversation back, with the focus on its Delete again.
  await press('Delete conversation “Coffee at the stadium”')
  await expectFocus('button Undo')
  // Shift+Tab from the toast lands at the bottom of the page: the toast must not cover it (WCAG 2.4.11).
  await page.keyboard.press('Shift+Tab')
  const covered = await page.evaluate<number>(`(() => {
    const a = document.activeElement.getBoundingClientRect()
    const t = document.querySelector('.toast').getBoundingClientRect()
    const w = Math.max(0, Math.min(a.right, t.right) - Math.max(a.left, t.left))
    const h = Math.max(0, Math.min(a.bottom, t.bottom) - Math.max(a.top, t.top))
    return (w * h) / (a.width * a.height)
  })()`)
  expect(await page.evaluate<string>(FOCUSED)).not.toBe('body')
  expect(covered).toBe(0)
  await page.keyboard.press('Control+z')
  await expectFocus('button Delete conversation “Coffee at the stadium”')
  await expect.poll(() => spoken()).toContain('is back.')
})

it('asks before deleting a person in a labelled dialog, and brings them back to their row in People', async () => {
  await press('Delete Marta Kowalczyk')
  const question = page.getByRole('alertdialog', { name: 'Delete Marta Kowalczyk and everything only about them?' })
  await question.waitFor()
  await expectFocus('button Keep')
  await page.keyboard.press('Escape')
  await question.waitFor({ state: 'detached' })
  await expectFocus('button Delete Marta Kowalczyk')

  await page.keyboard.press('Enter')
  await expectFocus('button Keep')
  await page.keyboard.press('Shift+Tab')
  await expectFocus('button Delete')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor()
  await expectFocus('button Undo')
  await expect.poll(() => spoken()).toContain('Marta Kowalczyk was deleted.')
  await page.keyboard.press('Enter')
  await expectFocus(/^a M Marta Kowalczyk/)
  await expect.poll(() => spoken()).toContain('Marta Kowalczyk is back.')
  // Opening someone from the list: their page's heading.
  await page.keyboard.press('Enter')
  await expectFocus('h1 Marta Kowalczyk')
})

it('says the quick switcher’s result count, and lands on the heading of the person opened', async () => {
  await page.keyboard.press('Control+K')
  await expectFocus('input Search people and notes')
  const counts = '.switcher [role="status"]'
  await page.keyboard.type('Ana')
  await expect.poll(() => spoken(counts)).toMatch(/^\d+ (person|people), \d+ match(es)?$/)
  await page.keyboard.type('zzqx')
  await expect.poll(() => spoken(counts)).toBe('No match')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Priya')
  await page
    .getByRole('option', { name: /Priya Natarajan/ })
    .first()
    .waitFor()
  await page.keyboard.press('Enter')
  await expectFocus('h1 Priya Natarajan')
  expect(await page.title()).toBe('Priya Natarajan — Rapport')

  // Done on the person page: the next commitment's Done, or the section's heading when none is left.
  await press('Mark “Send trail race photos” done')
  await expectFocus(/^(button Mark “.+” done|h2 Commitments)$/)
})

it('focuses the Import heading, then each step of an import', async () => {
  await press('Settings', 'Enter', 'link')
  await expectFocus('h1 Settings')
  await press('Import contacts or a backup…', 'Enter', 'link')
  await expectFocus('h1 Import')
  running.app.desktop.file = resolve(CONTACTS, 'google.csv')
  await press('Choose a file…')
  await expectFocus(/^h2 google\.csv: \d+ contacts$/)
  await press('Cancel')
  await expectFocus('h1 Import')
  await press('Choose a file…')
  await expectFocus(/^h2 google\.csv/)
  await press('Import')
  await expectFocus(/^h2 (Imported|Backup imported)/)
})
