import { expect, it } from 'vitest'
import { seedJournal } from '../support/seed-journal.ts'
import { appPerFile, openUi, screenshot } from './harness.ts'

let ids: Awaited<ReturnType<typeof seedJournal>>
const running = appPerFile('rapport-shots-', async (app) => {
  ids = await seedJournal(app.journal.handlers, new Date())
})

it.each(['light', 'dark'] as const)(
  'shows Today with its week, a person page, People sorted and quick capture as a seller would see them (%s)',
  async (colorScheme) => {
    const ui = await openUi(running.browser, running.app, { colorScheme })
    await ui.page.goto(`${running.app.url}#/today`)
    // As patient as a locator (10 s): poll's own 1 s default flaked on a loaded machine before Today had loaded.
    await expect
      .poll(() => ui.page.getByRole('heading', { name: 'Overdue · 2 follow-ups' }).count(), { timeout: 10_000 })
      .toBe(1)
    await screenshot(ui.page, `today-${colorScheme}`)
    await ui.page.goto(`${running.app.url}#/person/${ids.anaId}`)
    await expect.poll(() => ui.page.getByRole('heading', { name: 'Ana García' }).count(), { timeout: 10_000 }).toBe(1)
    await screenshot(ui.page, `person-${colorScheme}`)
    await screenshot(ui.page, `person-full-${colorScheme}`, { fullPage: true })

    // People sorted by last contact, and quick capture with a follow-up phrase typed.
    await ui.page.goto(`${running.app.url}#/people`)
    await ui.page.getByLabel('Sort by').selectOption('last-contact')
    await expect
      .poll(() => ui.page.locator('.person-row .name').first().innerText(), { timeout: 10_000 })
      .toBe('Ana García')
    await screenshot(ui.page, `people-sorted-${colorScheme}`)
    await ui.page.keyboard.press('Control+Shift+L')
    const capture = ui.page.getByRole('dialog', { name: 'Quick capture' })
    await capture.getByRole('combobox', { name: 'Who', exact: true }).fill('kenji')
    await capture.getByRole('option', { name: /Kenji Watanabe/ }).click()
    await capture.getByLabel('Note').fill('Procurement wants the carrier numbers before the QBR')
    await capture.getByLabel('Follow-up (optional)').fill('send volume sheet fri')
    await screenshot(ui.page, `quick-capture-${colorScheme}`)
    await ui.close()
  }
)

it('keeps the spaces around the “·” separators that follow a condition', async () => {
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  await page.goto(`${running.app.url}#/person/${ids.anaId}`)
  await page.getByRole('heading', { level: 1, name: 'Ana García' }).waitFor()
  // Interests shared with the user say so after the category.
  const shared = page.getByRole('list', { name: 'Interests' }).getByRole('listitem').filter({ hasText: 'Real Madrid' })
  expect(await shared.locator('.chip-meta').innerText()).toBe('sport · in common')
  // A conversation with others names them after the day.
  const intro = page
    .getByRole('region', { name: 'Conversations' })
    .getByRole('listitem')
    .filter({ hasText: 'Intro call: Ana meets Priya' })
  expect(await intro.locator('.entry-head .detail').innerText()).toMatch(/\d{4} · with Priya Natarajan$/)
  // A lapsed keep-in-touch cadence says by how much (Kenji: every 30 days, last contact 75 days ago).
  await page.goto(`${running.app.url}#/person/${ids.kenjiId}`)
  await page.getByRole('heading', { level: 1, name: 'Kenji Watanabe' }).waitFor()
  await page.getByText('Every 30 days · 45 days overdue', { exact: true }).waitFor()
  await ui.close()
})
