/**
 * Acceptance in Chromium: a calendar file with a meeting in ten minutes shows on Today; Brief opens the
 * right person's brief; Log it on a meeting that has started fills the log form in from the event, and the
 * meeting shows as logged. The core's clock is today at 11:00, so the test reads the same at any hour.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedJournal } from '../support/seed-journal.ts'
import { minutesFrom, OWNER, writeCalendar } from '../support/calendar-files.ts'
import { appPerTest, openUi, readJournalFile, screenshot } from './harness.ts'

const today = new Date()
const NOW = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 11)
const ana = { name: 'Ana García', email: 'ana.garcia@acme.example' }
let ids: Awaited<ReturnType<typeof seedJournal>>

const run = appPerTest(
  'rapport-e2e-meetings-',
  async (app) => {
    ids = await seedJournal(app.journal.handlers, NOW)
    app.desktop.files = [
      await writeCalendar(join(app.dir, 'work.ics'), [
        {
          uid: 'acme-renewal',
          title: 'Acme renewal: pricing options',
          start: minutesFrom(NOW, 10),
          attendees: [
            { name: 'Sam Rivera', email: OWNER, organizer: true },
            ana,
            { name: 'Luis Ortega', email: 'luis.ortega@acme.example' }
          ]
        },
        {
          uid: 'globex-sync',
          title: 'Globex reconciliation sync',
          start: minutesFrom(NOW, -30),
          minutes: 45,
          attendees: [
            { name: 'Priya Natarajan', email: 'priya@globex.example' },
            { name: 'Watanabe, Kenji', email: 'k.watanabe@northwind.example' }
          ]
        },
        { uid: 'standup', title: 'Team standup', start: minutesFrom(NOW, -150), minutes: 15 },
        {
          uid: 'qbr',
          title: 'Northwind QBR prep',
          start: minutesFrom(NOW, 21 * 60),
          attendees: [{ name: 'Kenji Watanabe', email: 'k.watanabe@northwind.example' }]
        }
      ])
    ]
    await app.journal.handlers.addCalendarFiles({})
  },
  () => NOW
)

const meetings = (page: Page) => page.getByRole('list', { name: 'Meetings' })
const meeting = (page: Page, title: string) => meetings(page).getByRole('listitem', { name: title })

describe('meetings on Today', () => {
  it('shows the meeting in ten minutes with who it is with, and Brief opens Ana’s brief', async () => {
    const { page } = run.ui
    await page.goto(`${run.app.url}#/today`)
    const renewal = meeting(page, 'Acme renewal: pricing options')
    await renewal.waitFor()
    expect(
      await meetings(page)
        .locator(':scope > li')
        .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))
    ).toEqual(['Team standup', 'Globex reconciliation sync', 'Acme renewal: pricing options', 'Northwind QBR prep'])
    expect(await renewal.locator('.when').innerText()).toBe('11:10–11:40')
    expect(await renewal.getByRole('list', { name: /^With/ }).innerText()).toMatch(
      /Ana García\s+by email[\s\S]*Luis Ortega\s+not in Rapport/
    )
    expect(await renewal.getByRole('button', { name: 'Log it' }).count()).toBe(0)
    await renewal.getByRole('button', { name: 'Who is Luis Ortega?' }).click()
    await renewal.getByRole('group', { name: 'Who is Luis Ortega?' }).waitFor()
    await screenshot(page, 'meeting-correction-light')

    await renewal.getByRole('link', { name: 'Brief' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ana García' }).waitFor()
    expect(page.url()).toContain(`#/brief/${ids.anaId}`)
    expect(await page.getByText('Pre-call brief', { exact: true }).count()).toBe(1)
    expect(await page.getByLabel('Next meeting').innerText()).toMatch(/11:10–11:40 · Acme renewal: pricing options/)
  })

  it('fills the log form in from a meeting that has started, and shows the meeting logged', async () => {
    const { page } = run.ui
    await page.goto(`${run.app.url}#/today`)
    const sync = meeting(page, 'Globex reconciliation sync')
    await sync.getByRole('button', { name: 'Log it' }).click()
    const form = page.getByRole('form', { name: 'Log conversation with Priya Natarajan' })
    await form.waitFor()
    expect(await form.getByLabel('Title').inputValue()).toBe('Globex reconciliation sync')
    expect(await form.getByLabel('Channel').inputValue()).toBe('meeting')
    expect(await form.getByLabel('When').inputValue()).toMatch(/T10:30$/)
    expect(await form.getByRole('list', { name: 'Also with' }).innerText()).toContain('Kenji Watanabe')
    await form.getByLabel('Notes (Markdown)').fill('Playbook walkthrough; they want the API.')
    await form.getByRole('button', { name: 'Save conversation' }).click()
    await sync.getByText('Logged', { exact: true }).waitFor()
    await screenshot(page, 'meeting-logged-light')

    const stored = (await readJournalFile(run.app))['conversations'] as Array<Record<string, unknown>>
    expect(stored.find((c) => c['meeting'] === 'globex-sync')).toMatchObject({
      personIds: [ids.priyaId, ids.kenjiId],
      channel: 'meeting',
      title: 'Globex reconciliation sync',
      date: minutesFrom(NOW, -30).toISOString(),
      body: 'Playbook walkthrough; they want the API.'
    })
  })

  it.each(['light', 'dark'] as const)('looks right (%s)', async (colorScheme) => {
    const ui = colorScheme === 'light' ? run.ui : await openUi(run.browser, run.app, { colorScheme })
    await ui.page.goto(`${run.app.url}#/today`)
    await meeting(ui.page, 'Acme renewal: pricing options').waitFor()
    await ui.page.getByRole('heading', { name: 'Overdue · 2 follow-ups' }).waitFor()
    await screenshot(ui.page, `today-meetings-${colorScheme}`)
    if (colorScheme === 'light') {
      await ui.page.goto(`${run.app.url}#/settings`)
      const files = ui.page.getByRole('list', { name: 'Calendar files' })
      await files.getByText('work.ics', { exact: true }).waitFor()
      await ui.page
        .getByRole('heading', { name: 'Calendar files' })
        .evaluate((h) => h.scrollIntoView({ block: 'start' }))
      await screenshot(ui.page, 'settings-calendar-light')
    }
    if (ui !== run.ui) await ui.close()
  })
})
