/**
 * Items 5–7 of the daily loop: the log form fits a keyboard (notes one Tab from the title, day and time in one
 * field, the title optional, "also with" a type-ahead); adding a person offers every profile field, the rest
 * folded under "More"; and what looked broken on screen is fixed.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedDailyJournal } from '../support/daily-journal.ts'
import type { DailyIds } from '../support/daily-journal.ts'
import { appPerTest, readJournalFile } from './harness.ts'

let ids: DailyIds
const run = appPerTest('rapport-forms-', async (app) => {
  ids = await seedDailyJournal(app.journal.handlers, new Date())
})

const tagOf = (page: Page) => page.evaluate<string>('document.activeElement?.getAttribute("aria-label") ?? ""')
const focusedLabel = (page: Page) =>
  page.evaluate<string>('document.activeElement?.closest("label")?.querySelector("span")?.textContent ?? ""')

async function openPerson(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`${run.app.url}#/person/${id}`)
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

describe('the log form, by keyboard', () => {
  it('goes from title to notes in one Tab, takes day and time in one field, and titles itself from the notes', async () => {
    const { page } = run.ui
    await openPerson(page, ids.tomaszId, 'Tomasz Nowak')
    await page.keyboard.press('n')
    const form = page.getByRole('form', { name: 'Log conversation with Tomasz Nowak' })
    await form.waitFor()
    expect(await focusedLabel(page)).toMatch(/^Title/)
    await page.keyboard.press('Tab')
    expect(await focusedLabel(page)).toBe('Notes (Markdown)')
    await page.keyboard.type('Spare parts: they stock 40 bearings\nNeeds quote by month end')
    expect(await form.getByLabel('When').getAttribute('type')).toBe('datetime-local')
    // "Also with" suggests people as their name is typed; it is not a list of everyone.
    expect(await form.locator('select').count()).toBe(1)
    await form.getByRole('combobox', { name: 'Also with' }).fill('wei')
    await form.getByRole('option', { name: /Wei Chen/ }).waitFor()
    expect(await form.getByRole('option').count()).toBe(1)
    await page.keyboard.press('Enter')
    await form.getByRole('list', { name: 'Also with' }).getByText('Wei Chen').waitFor()
    await page.keyboard.press('Control+Enter')
    await page.locator('.toast').getByText('Conversation logged.').waitFor()
    const conversations = (await readJournalFile(run.app))['conversations'] as Array<{ title: string; personIds: string[] }>
    expect(conversations.at(-1)).toMatchObject({
      title: 'Spare parts: they stock 40 bearings',
      personIds: [ids.tomaszId, ids.weiId]
    })
    expect(await tagOf(page)).not.toBe('Also with')
  })
})

describe('one profile form', () => {
  it('offers every profile field when adding a person, folded under “More”', async () => {
    const { page } = run.ui
    await page.goto(`${run.app.url}#/people`)
    await page.getByRole('button', { name: 'Add person', exact: true }).click()
    const form = page.getByRole('form', { name: 'New person' })
    await form.getByLabel('Name').fill('Kaito Mori')
    await form.getByLabel('Company').fill('Setouchi Paper')
    expect(await form.getByLabel('How we met').isVisible()).toBe(false)
    await form.getByText(/^More:/).click()
    await form.getByLabel('Email').fill('kaito.mori@setouchi.example')
    await form.getByLabel('How we met').fill('Stand B12 at FoodTech Osaka')
    await form.getByLabel('What drives them').fill('Zero unplanned stops before the audit')
    await form.getByLabel('Boundaries').fill('No calls on Fridays')
    await form.getByLabel('They want').selectOption('relationship')
    await form.getByLabel('Keep in touch every (days)').fill('30')
    await form.getByRole('button', { name: 'Add person' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kaito Mori' }).waitFor()
    const people = (await readJournalFile(run.app)).people
    expect(people.find((p) => p.name === 'Kaito Mori')).toMatchObject({
      company: 'Setouchi Paper',
      email: 'kaito.mori@setouchi.example',
      howWeMet: 'Stand B12 at FoodTech Osaka',
      drives: 'Zero unplanned stops before the audit',
      boundaries: 'No calls on Fridays',
      relationshipStyle: { kind: 'relationship' },
      cadenceDays: 30
    })
  })

  it('counts a long name against its limit as it is typed, and refuses it whole instead of cutting it', async () => {
    const { page } = run.ui
    await page.goto(`${run.app.url}#/people`)
    await page.getByRole('button', { name: 'Add person', exact: true }).click()
    const form = page.getByRole('form', { name: 'New person' })
    const long = Array.from({ length: 27 }, (_, i) => `Name${String(i).padStart(3, '0')}`).join(' ')
    await form.getByLabel(/^Name/).fill(long)
    expect(long.length).toBeGreaterThan(200)
    await form.getByText(`· ${long.length} / 200`).waitFor()
    expect(await form.getByLabel(/^Name/).inputValue()).toBe(long)
    await form.getByRole('button', { name: 'Add person' }).click()
    await form.getByRole('alert').getByText(`A name is at most 200 characters; this one has ${long.length}.`).waitFor()
    expect(run.app.calls).not.toContain('createPerson')
  })
})
