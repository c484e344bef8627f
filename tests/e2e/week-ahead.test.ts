/**
 * Item 2 of the daily loop: Today looks ahead — overdue, due today and each of the next seven days, both
 * ways — and each follow-up can be marked done (today or another day), snoozed or rescheduled, with Undo.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { dayOffset } from '../support/seed-journal.ts'
import { seedDailyJournal } from '../support/daily-journal.ts'
import { appPerTest, readJournalFile } from './harness.ts'

const run = appPerTest('rapport-week-', async (app) => {
  await seedDailyJournal(app.journal.handlers, new Date())
})

interface StoredFollowUp {
  title: string
  dueDate: string
  completedOn: string | null
}
const followUp = async (title: string) =>
  ((await readJournalFile(run.app))['followUps'] as StoredFollowUp[]).find((f) => f.title === title)!
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name })
const titles = (page: Page, name: string | RegExp) => region(page, name).locator('.title').allInnerTexts()

async function openToday(page: Page): Promise<void> {
  await page.goto(`${run.app.url}#/today`)
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
  await region(page, 'Overdue · 1 follow-up').waitFor()
}

describe('Today’s week ahead', () => {
  it('groups overdue, today and the next days, both directions, each day under its own heading', async () => {
    const { page } = run.ui
    await openToday(page)
    expect(await titles(page, 'Overdue · 1 follow-up')).toEqual(['Send pilot proposal'])
    expect(await titles(page, 'Due today')).toEqual(['Book a call about spare parts'])
    const week = page.getByRole('region', { name: 'The next 7 days' })
    const inTwo = week.getByRole('region').filter({ hasText: 'Share downtime log' })
    expect(await inTwo.getByRole('heading', { level: 2 }).innerText()).not.toMatch(/Tomorrow/)
    expect(await inTwo.locator('.pill').innerText()).toBe('They owe')
    const inFive = week.getByRole('region').filter({ hasText: 'Confirm sample shipment' })
    expect(await inFive.getByRole('link', { name: 'ليلى حداد' }).getAttribute('dir')).toBe('auto')
    expect(await week.getByRole('region').count()).toBe(2)
  })

  it('marks one done yesterday, snoozes one to tomorrow, reschedules one, and undoes the last', async () => {
    const { page } = run.ui
    await openToday(page)
    const overdue = region(page, 'Overdue · 1 follow-up')
    await overdue.getByRole('button', { name: 'Done on…' }).click()
    await overdue
      .getByRole('group', { name: 'Done on: Send pilot proposal' })
      .getByRole('button', { name: 'Yesterday' })
      .click()
    await page
      .locator('.toast')
      .getByText(/^Done on .*: “Send pilot proposal”\.$/)
      .waitFor()
    expect((await followUp('Send pilot proposal')).completedOn).toBe(dayOffset(new Date(), -1))
    await overdue.waitFor({ state: 'detached' })

    const dueToday = region(page, 'Due today')
    await dueToday.getByRole('button', { name: 'Snooze / Reschedule' }).click()
    await dueToday.getByRole('button', { name: 'Tomorrow' }).click()
    await page
      .locator('.toast')
      .getByText(/^“Book a call about spare parts” is due /)
      .waitFor()
    expect((await followUp('Book a call about spare parts')).dueDate).toBe(dayOffset(new Date(), 1))
    // Nothing is due today any more; the empty state says what the week holds.
    await page.getByRole('status').getByText('Nothing due today · 3 follow-ups due this week').waitFor()
    await region(page, /^Tomorrow · /)
      .getByText('Book a call about spare parts')
      .waitFor()

    const shipment = page.getByRole('listitem').filter({ hasText: 'Confirm sample shipment' })
    await shipment.getByRole('button', { name: 'Snooze / Reschedule' }).click()
    await shipment.getByLabel('Due on').fill(dayOffset(new Date(), 6))
    await shipment.getByRole('button', { name: 'Move' }).click()
    await page
      .locator('.toast')
      .getByText(/^“Confirm sample shipment” is due /)
      .waitFor()
    expect((await followUp('Confirm sample shipment')).dueDate).toBe(dayOffset(new Date(), 6))
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click()
    await page.locator('.toast').getByText('Follow-up is back as it was.').waitFor()
    expect((await followUp('Confirm sample shipment')).dueDate).toBe(dayOffset(new Date(), 5))
  })
})
