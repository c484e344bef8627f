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
    const also = form.getByRole('combobox', { name: 'Also with' })
    expect(await also.evaluate((el: { tagName: string }) => el.tagName)).toBe('INPUT')
    await also.fill('wei')
    await form.getByRole('option', { name: /Wei Chen/ }).waitFor()
    expect(await form.getByRole('listbox').getByRole('option').count()).toBe(1)
    await page.keyboard.press('Enter')
    await form.getByRole('list', { name: 'Also with' }).getByText('Wei Chen').waitFor()
    await page.keyboard.press('Control+Enter')
    await page.locator('.toast').getByText('Conversation logged.').waitFor()
    const conversations = (await readJournalFile(run.app))['conversations'] as Array<{
      title: string
      personIds: string[]
    }>
    expect(conversations.at(-1)).toMatchObject({
      title: 'Spare parts: they stock 40 bearings',
      personIds: [ids.tomaszId, ids.weiId]
    })
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

describe('what looked broken', () => {
  it('keeps the name in the switcher, links email and phone, shows whole emoji and sets RTL text’s direction', async () => {
    const { page } = run.ui
    await run.app.journal.handlers.updatePerson({
      id: ids.tomaszId,
      patch: {
        role: 'Head of Predictive Maintenance, Reliability Engineering and Spare Parts Logistics (EMEA North)',
        company: 'Baltic Robotics Manufacturing and Industrial Automation Holdings Sp. z o.o.'
      }
    })
    await page.goto(`${run.app.url}#/today`)
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Search people and notes' }).fill('tomasz')
    const option = page.getByRole('option', { name: /Tomasz Nowak/ }).first()
    const title = option.locator('.option-title')
    await title.waitFor()
    // The name is shown whole: its box is as wide as its text.
    expect(
      await title.evaluate((el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth <= el.clientWidth)
    ).toBe(true)
    await page.keyboard.press('Escape')

    await openPerson(page, ids.weiId, 'Wei Chen')
    const about = page.getByRole('region', { name: 'About' })
    expect(await about.getByRole('link', { name: 'wei.chen@baltic-robotics.example' }).getAttribute('href')).toBe(
      'mailto:wei.chen@baltic-robotics.example'
    )
    const phone = about.getByRole('link', { name: '+48 22 555 0134' })
    expect(await phone.getAttribute('href')).toBe('tel:+48225550134')

    await openPerson(page, ids.brunoId, '🦊 Bruno Ferreira')
    expect(await page.locator('.person-header .avatar').innerText()).toBe('🦊')
    await openPerson(page, ids.leilaId, 'ليلى حداد')
    expect(await page.locator('#person-name bdi').count()).toBe(1)
  })

  it('says a date that does not exist does not exist', async () => {
    const { page } = run.ui
    await openPerson(page, ids.weiId, 'Wei Chen')
    const commitments = page.getByRole('region', { name: 'Commitments' })
    await commitments.getByRole('button', { name: 'Add follow-up' }).click()
    const form = page.getByRole('form', { name: 'New follow-up' })
    await form.getByLabel('Follow-up').fill('Send the signed NDA')
    // Typed into the date field as a person would (month, day, year in this locale): 31 February.
    await form.getByLabel('Due').click()
    await page.keyboard.type('02312026')
    await form.getByRole('button', { name: 'Add' }).click()
    await form.getByRole('alert').getByText('That date does not exist: check the day and the month.').waitFor()
    expect(run.app.calls).not.toContain('addFollowUp')
  })

  it('fits the Me page’s name card, sets the Archived box beside its words, and lets toasts go', async () => {
    const { page } = run.ui
    await page.clock.install()
    await page.goto(`${run.app.url}#/me`)
    const card = page.getByRole('form', { name: 'Your name' })
    await card.waitFor()
    expect((await card.boundingBox())!.height).toBeLessThan(120)
    await card.getByRole('button', { name: 'Save' }).click()
    const toast = page.locator('.toast').getByText('Saved.')
    await toast.waitFor()
    await page.clock.fastForward(6_000)
    await toast.waitFor({ state: 'detached' })

    await openPerson(page, ids.weiId, 'Wei Chen')
    await page.getByRole('button', { name: 'Edit profile' }).click()
    const archived = page.getByRole('checkbox', { name: /^Archived/ })
    const box = (await archived.boundingBox())!
    const words = (await page.locator('label.check', { has: archived }).boundingBox())!
    // Beside, not above: the box sits on the label's one line.
    expect(Math.abs(box.y + box.height / 2 - (words.y + words.height / 2))).toBeLessThan(6)
  })

  it('uses two columns on the person page past 1400 px', async () => {
    const { page } = run.ui
    await page.setViewportSize({ width: 1920, height: 1080 })
    await openPerson(page, ids.weiId, 'Wei Chen')
    const left = (await page.getByRole('region', { name: 'Commitments' }).boundingBox())!
    const right = (await page.getByRole('region', { name: 'Conversations' }).boundingBox())!
    expect(right.x).toBeGreaterThan(left.x + left.width)
    expect(Math.abs(right.y - left.y)).toBeLessThan(5)
  })
})
