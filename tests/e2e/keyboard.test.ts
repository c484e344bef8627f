/**
 * The app with the keyboard only — no clicks: from Today to a person's page through the sidebar, log a
 * conversation with a follow-up, find someone with the quick switcher, and close things with Escape.
 * Every Tab must land on something whose focus can be seen (an outline or a ring).
 */
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { seedJournal } from '../support/seed-journal.ts'
import { appPerFile, openUi, readJournalFile } from './harness.ts'

interface Focused {
  tag: string
  /** Its accessible-ish name: aria-label, else the label's text, else its own text. */
  name: string
  /** How focus shows: the outline, or a box-shadow on it or its parent (the switcher's ring); '' if not at all. */
  ring: string
}

/** The focused element, described; null when focus is on the page itself. */
const FOCUSED = `(() => {
  const el = document.activeElement
  if (!el || el === document.body) return null
  const own = getComputedStyle(el)
  const parent = el.parentElement ? getComputedStyle(el.parentElement) : null
  const outline = own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) > 0 ? 'outline ' + own.outlineWidth + ' ' + own.outlineStyle + ' ' + own.outlineColor : ''
  const shadow = own.boxShadow !== 'none' ? own.boxShadow : parent && parent.boxShadow !== 'none' ? parent.boxShadow : ''
  const label = el.labels && el.labels[0] ? el.labels[0].textContent : ''
  const shown = el.cloneNode(true)
  for (const hidden of shown.querySelectorAll('[aria-hidden="true"]')) hidden.remove()
  const name = el.getAttribute('aria-label') || label || shown.textContent || ''
  return { tag: el.tagName.toLowerCase(), name: name.trim().replace(/\\s+/g, ' '), ring: outline || shadow }
})()`

const focused = (page: Page) => page.evaluate<Focused | null>(FOCUSED)

/** Presses Tab until `wanted` holds for the focused element, checking that each stop shows its focus. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, max = 25): Promise<Focused> {
  const visited: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const now = await focused(page)
    expect(now, `Tab ${i + 1} towards ${what} left focus nowhere (after ${visited.join(' → ')})`).not.toBeNull()
    expect(now!.ring, `no visible focus on <${now!.tag}> “${now!.name}”`).not.toBe('')
    visited.push(`${now!.tag} “${now!.name}”`)
    if (wanted(now!)) return now!
  }
  throw new Error(`${what} not reached in ${max} Tabs: ${visited.join(' → ')}`)
}

const running = appPerFile('rapport-e2e-keyboard-', async (app) => {
  await seedJournal(app.journal.handlers, new Date())
})

it('walks Today → People → a person → log a conversation with a follow-up → quick switcher, keyboard only', async () => {
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name, exact: true })
  await h1('Today').waitFor()

  // The sidebar comes first: Tab reaches People, Enter follows it.
  await tabTo(page, (f) => f.tag === 'a' && f.name === 'People', 'the sidebar’s People link', 3)
  await page.keyboard.press('Enter')
  await h1('People').waitFor()
  // The view's heading has the focus at once; the rows come when the list has loaded, as a user sees them.
  await page.getByRole('link', { name: /^Ana García/ }).waitFor()

  // The People list now opens with its filter box, sort and filters before the first row (issue 15).
  await tabTo(page, (f) => f.tag === 'a' && f.name.startsWith('Ana García'), 'Ana García in the list', 20)
  await page.keyboard.press('Enter')
  await h1('Ana García').waitFor()
  expect(new URL(page.url()).hash).toMatch(/^#\/person\//)

  // N opens the log form with the title focused.
  await page.keyboard.press('n')
  const form = page.getByRole('form', { name: 'Log conversation with Ana García' })
  await form.waitFor()
  expect(await focused(page)).toMatchObject({ tag: 'input', name: 'Title' })
  await page.keyboard.type('Coffee after the board meeting')

  await tabTo(page, (f) => f.tag === 'button' && f.name === '+ They owe me', 'the “+ They owe me” button')
  await page.keyboard.press('Enter')
  // The new follow-up's field takes the focus, so its title is typed straight in.
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'input', name: 'They owe me' })
  await page.keyboard.type('Send the signed order form')
  await page.keyboard.press('Control+Enter')
  await form.waitFor({ state: 'detached' })
  await page.getByRole('status').filter({ hasText: 'Conversation logged.' }).waitFor()
  await page
    .getByRole('region', { name: 'Conversations' })
    .getByRole('listitem')
    .filter({ hasText: 'Coffee after the board meeting' })
    .waitFor()
  await page
    .getByRole('region', { name: 'Commitments' })
    .getByRole('listitem')
    .filter({ hasText: 'Send the signed order form' })
    .waitFor()
  const file = await readJournalFile(running.app)
  const followUps = file['followUps'] as Array<{ title: string; direction: string }>
  expect(followUps.filter((f) => f.title === 'Send the signed order form')).toEqual([
    expect.objectContaining({ direction: 'they-owe' })
  ])

  // Ctrl+K, a name, ArrowDown to the next result, Enter: that person's page.
  await page.keyboard.press('Control+K')
  const switcher = page.getByRole('dialog', { name: 'Quick switcher' })
  await switcher.waitFor()
  expect(await focused(page)).toMatchObject({ tag: 'input', name: 'Search people and notes' })
  await page.keyboard.type('Priya')
  // The answer to the whole word, not one to "Pri" still on screen: a newer answer resets the selection.
  await page.locator('[role="listbox"][aria-label="Results"][aria-busy="false"]').waitFor()
  const options = page.getByRole('listbox', { name: 'Results' }).getByRole('option')
  await options.first().filter({ hasText: 'Priya Natarajan' }).waitFor()
  await options.nth(1).waitFor()
  await page.keyboard.press('ArrowDown')
  expect(await options.nth(1).getAttribute('aria-selected')).toBe('true')
  expect(await options.nth(1).textContent()).toContain('Intro call: Ana meets Priya')
  await page.keyboard.press('Enter')
  await switcher.waitFor({ state: 'hidden' })
  await h1('Priya Natarajan').waitFor()
  await expect.poll(() => page.locator('.entry.found').textContent()).toContain('Intro call: Ana meets Priya')

  // Escape closes what was opened: the log form, the switcher, the shortcuts sheet.
  await page.keyboard.press('n')
  await page.getByRole('form', { name: 'Log conversation with Priya Natarajan' }).waitFor()
  await page.keyboard.press('Escape')
  await page.getByRole('form', { name: 'Log conversation with Priya Natarajan' }).waitFor({ state: 'detached' })
  await page.keyboard.press('Control+K')
  await switcher.waitFor()
  await page.keyboard.press('Escape')
  await switcher.waitFor({ state: 'hidden' })
  // The focus goes back where it was before the switcher, never to the hidden search box: the entry found
  // (arriving from search, it took the focus; the log form opened from it gave it back on Esc).
  expect(await focused(page)).toMatchObject({ tag: 'li', name: expect.stringContaining('Intro call: Ana meets Priya') })
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await sheet.waitFor()
  expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Close' })
  await page.keyboard.press('Escape')
  await sheet.waitFor({ state: 'hidden' })
  await h1('Priya Natarajan').waitFor()
  expect(running.app.failedCalls).toEqual([])
  await ui.close()
})
