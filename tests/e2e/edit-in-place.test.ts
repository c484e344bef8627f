/**
 * Item 1 of the daily loop: everything written can be edited in place — a conversation (day and time,
 * channel, title, notes, the people in it), an interest, a challenge, a value brought — with the same form,
 * Ctrl/Cmd+Enter to save, Esc to cancel and Undo from the toast; "with Tomasz Nowak" links to Tomasz.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedDailyJournal } from '../support/daily-journal.ts'
import type { DailyIds } from '../support/daily-journal.ts'
import { appPerTest, readJournalFile } from './harness.ts'
import type { RunningApp } from './harness.ts'

let ids: DailyIds
const run = appPerTest('rapport-edit-', async (app) => {
  ids = await seedDailyJournal(app.journal.handlers, new Date())
})

const stored = async <T>(app: RunningApp, collection: string): Promise<T[]> =>
  (await readJournalFile(app))[collection] as T[]
const toast = (page: Page) => page.locator('.toast')

async function openWei(page: Page): Promise<void> {
  await page.goto(`${run.app.url}#/person/${ids.weiId}`)
  await page.getByRole('heading', { level: 1, name: 'Wei Chen' }).waitFor()
}

describe('editing in place', () => {
  it('edits a conversation’s day, channel, title, notes and people, saves with Ctrl+Enter and undoes it', async () => {
    const { page } = run.ui
    await openWei(page)
    const timeline = page.getByRole('region', { name: 'Conversations' })
    // The other person in the conversation is a link to their page.
    await expect
      .poll(() => timeline.getByRole('link', { name: 'Tomasz Nowak' }).getAttribute('href'))
      .toBe(`#/person/${ids.tomaszId}`)

    await timeline.getByRole('button', { name: 'Edit conversation “Site visit: line 4 vibration sensors”' }).click()
    const form = page.getByRole('form', { name: 'Edit “Site visit: line 4 vibration sensors”' })
    await form.getByLabel(/^Title/).fill('Site visit: line 4 and line 5')
    await form.getByLabel('Notes (Markdown)').fill('Walked lines 4 and 5.')
    await form.getByLabel('When').fill('2026-01-14T09:30')
    await form.getByLabel('Channel').selectOption('call')
    await form.getByRole('button', { name: 'Remove Tomasz Nowak' }).click()
    await form.getByRole('combobox', { name: 'Also with' }).fill('Bruno')
    await form.getByRole('option', { name: /Bruno Ferreira/ }).waitFor()
    await page.keyboard.press('Enter')
    await form.getByRole('list', { name: 'Also with' }).getByText('🦊 Bruno Ferreira').waitFor()
    await page.keyboard.press('Control+Enter')
    await toast(page).getByText('Conversation saved.').waitFor()

    type Stored = { id: string; title: string; body: string; channel: string; personIds: string[]; date: string }
    const edited = (await stored<Stored>(run.app, 'conversations')).find((c) => c.id === ids.demoId)!
    expect(edited).toMatchObject({
      title: 'Site visit: line 4 and line 5',
      body: 'Walked lines 4 and 5.',
      channel: 'call',
      personIds: [ids.weiId, ids.brunoId]
    })
    expect(new Date(edited.date).getHours()).toBe(9)
    await timeline.getByRole('link', { name: '🦊 Bruno Ferreira' }).waitFor()

    await toast(page).getByRole('button', { name: 'Undo' }).click()
    await toast(page).getByText('Conversation is back as it was.').waitFor()
    const back = (await stored<Stored>(run.app, 'conversations')).find((c) => c.id === ids.demoId)!
    expect(back).toMatchObject({ title: 'Site visit: line 4 vibration sensors', personIds: [ids.weiId, ids.tomaszId] })
  })

  it('cancels an edit with Esc and sends nothing', async () => {
    const { page } = run.ui
    await openWei(page)
    await page.getByRole('button', { name: 'Edit conversation “Site visit: line 4 vibration sensors”' }).click()
    const form = page.getByRole('form', { name: /^Edit “Site visit/ })
    await form.getByLabel(/^Title/).fill('Never saved')
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })
    expect(run.app.calls).not.toContain('updateConversation')
  })

  it('edits an interest, a challenge and a value brought in place, each with Undo', async () => {
    const { page } = run.ui
    await openWei(page)
    await page.getByRole('button', { name: 'Edit Go (board game)' }).click()
    const interest = page.getByRole('form', { name: 'Edit Go (board game)' })
    await interest.getByLabel('Interest').fill('Go (weiqi)')
    await interest.getByLabel('Category').selectOption('media')
    await page.keyboard.press('Control+Enter')
    await toast(page).getByText('Interest saved.').waitFor()
    expect(await stored(run.app, 'interests')).toMatchObject([{ label: 'Go (weiqi)', category: 'media' }])
    await page.getByRole('list', { name: 'Interests' }).getByRole('link', { name: 'Go (weiqi)' }).waitFor()

    await page.getByRole('button', { name: 'Edit “Unplanned downtime on line 4”' }).click()
    const challenge = page.getByRole('form', { name: 'Edit “Unplanned downtime on line 4”' })
    await challenge.getByLabel('Challenge').fill('Unplanned downtime on lines 4 and 5')
    await challenge.getByLabel('Status').selectOption('helped')
    await challenge.getByRole('button', { name: 'Save' }).click()
    await toast(page).getByText('Challenge saved.').waitFor()
    expect(await stored(run.app, 'challenges')).toMatchObject([
      { title: 'Unplanned downtime on lines 4 and 5', status: 'helped' }
    ])

    const valueTitle = 'Case study: predictive maintenance at a bottling plant'
    await page.getByRole('button', { name: `Edit “${valueTitle}”` }).click()
    const value = page.getByRole('form', { name: `Edit “${valueTitle}”` })
    await value.getByLabel('What I brought').fill('Case study: vibration analytics at a brewery')
    await page.keyboard.press('Control+Enter')
    await toast(page).getByText('Value brought saved.').waitFor()
    expect(await stored(run.app, 'values')).toMatchObject([{ title: 'Case study: vibration analytics at a brewery' }])
    await toast(page).getByRole('button', { name: 'Undo' }).click()
    await toast(page).getByText('Value brought is back as it was.').waitFor()
    expect(await stored(run.app, 'values')).toMatchObject([{ title: valueTitle }])
  })
})
