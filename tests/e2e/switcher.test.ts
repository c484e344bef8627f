import { expect, it, onTestFinished } from 'vitest'
import { BRIEF_SECTIONS } from '../support/brief-fixtures.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { appPerFile, openUi, screenshot } from './harness.ts'

const running = appPerFile('rapport-switcher-', async (app) => {
  await seedJournal(app.journal.handlers, new Date())
})

it('opens the switcher with the keyboard, finds a misspelt name, and opens the brief', async () => {
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
  await page.keyboard.press('Control+K')
  const box = page.getByRole('combobox', { name: 'Search people and notes' })
  await expect.poll(() => box.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
  await page.keyboard.type('ana garsia')
  const results = page.getByRole('listbox', { name: 'Results' })
  await results.getByRole('option').first().filter({ hasText: 'Ana García' }).waitFor()
  await screenshot(page, 'switcher-light')
  await page.keyboard.press('Control+Enter')
  await page.getByRole('heading', { level: 1, name: 'Ana García' }).waitFor()
  expect(page.url()).toMatch(/#\/brief\//)
  for (const section of BRIEF_SECTIONS) {
    await page.getByRole('heading', { level: 2, name: section }).waitFor()
  }
  const points = page.getByRole('region', { name: 'Talking points' }).getByRole('listitem')
  expect(await points.first().textContent()).toBe('You owe them: “Send two pricing options” · due today')
  await expect.poll(() => page.getByText('Send two pricing options', { exact: false }).count()).toBeGreaterThan(1)
  await ui.close()
})

it('moves through results with the arrow keys and opens the person at the matching entry; Esc closes', async () => {
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
  await page.keyboard.press('Control+K')
  await page.keyboard.type('carrier invoices')
  const options = page.getByRole('listbox', { name: 'Results' }).getByRole('option')
  await options.filter({ hasText: 'Discovery meeting at Acme HQ' }).waitFor()
  // The first row is Ana herself; her matching entries follow. Walk down to the meeting.
  const selected = () => page.getByRole('option', { selected: true }).textContent()
  expect(await selected()).toContain('Ana García')
  for (let step = 0; step < 5 && !(await selected())?.includes('Discovery meeting'); step++)
    await page.keyboard.press('ArrowDown')
  expect(await selected()).toContain('Discovery meeting at Acme HQ')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Ana García' }).waitFor()
  const entry = page.locator('.entry.found')
  await expect.poll(() => entry.textContent()).toContain('Discovery meeting at Acme HQ')
  await page.keyboard.press('Control+K')
  await page.getByRole('dialog', { name: 'Quick switcher' }).waitFor()
  await page.keyboard.press('Escape')
  await page.getByRole('dialog', { name: 'Quick switcher' }).waitFor({ state: 'hidden' })
  await ui.close()
})

it('says in the brief of someone never contacted that this will be the first conversation', async () => {
  const person = await running.app.journal.handlers.createPerson({
    person: { name: 'Nadia Okafor', company: 'Lumen Freight' }
  })
  const ui = await openUi(running.browser, running.app)
  await ui.page.goto(`${running.app.url}#/brief/${person.id}`)
  await ui.page.getByRole('heading', { level: 1, name: 'Nadia Okafor' }).waitFor()
  await expect
    .poll(() => ui.page.getByText('None yet, so this will be the first conversation', { exact: true }).count())
    .toBe(1)
  await ui.close()
})

it('opens what was typed when Enter comes before its answer, not the top row of an older one', async () => {
  const handlers = running.app.journal.handlers
  const search = handlers.search
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  // The core answers every prefix at once and the whole name only when the test lets it.
  handlers.search = async (input) => {
    if (input.query.text === 'priya n') await held
    return search(input)
  }
  onTestFinished(() => void (handlers.search = search))
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
  await page.keyboard.press('Control+K')
  await page.keyboard.type('priya n')
  await page.locator('#switcher-results[aria-busy="true"]').waitFor()
  const before = page.url()
  await page.keyboard.press('Enter')
  // Still waiting for the answer: the switcher stays, nothing opened.
  expect(await page.getByRole('dialog', { name: 'Quick switcher' }).isVisible()).toBe(true)
  expect(page.url()).toBe(before)
  release()
  await page.getByRole('heading', { level: 1, name: 'Priya Natarajan' }).waitFor()
  expect(new URL(page.url()).hash).toMatch(/^#\/person\//)
  await ui.close()
})
