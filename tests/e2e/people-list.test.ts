/**
 * Item 3 of the daily loop: People is searchable and sortable — a filter box over the list (name, company,
 * tag; instant), sort by name, last contact, next due or company, filters for tag, company, archived,
 * cadence lapsed, owes me and I owe — and each row shows its last contact and a marker for overdue
 * commitments. (The 10,000-person case is in large-journal.test.ts.)
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedDailyJournal } from '../support/daily-journal.ts'
import { appPerTest } from './harness.ts'

const run = appPerTest('rapport-people-list-', async (app) => {
  const ids = await seedDailyJournal(app.journal.handlers, new Date())
  await app.journal.handlers.createPerson({ person: { name: 'Agnieszka Wójcik', company: 'Vistula Steel' } })
  await app.journal.handlers.updatePerson({ id: ids.leilaId, patch: { archived: true } })
})

const list = (page: Page) => page.getByRole('list', { name: 'People' })
const names = (page: Page) => list(page).locator('.person-row .name').allInnerTexts()
const filters = (page: Page) => page.getByRole('search', { name: 'Find people' })

async function openPeople(page: Page): Promise<void> {
  await page.goto(`${run.app.url}#/people`)
  await list(page).getByText('Wei Chen').waitFor()
}

describe('the People list', () => {
  it('filters as you type by name, company or tag, ignoring accents', async () => {
    const { page } = run.ui
    await openPeople(page)
    expect(await names(page)).toEqual(['🦊 Bruno Ferreira', 'Agnieszka Wójcik', 'Tomasz Nowak', 'Wei Chen'])
    const box = filters(page).getByRole('searchbox', { name: 'Filter people by name, company or tag' })
    await box.fill('baltic')
    await expect.poll(() => names(page)).toEqual(['Tomasz Nowak', 'Wei Chen'])
    await box.fill('poland')
    await expect.poll(() => names(page)).toEqual(['Wei Chen'])
    await box.fill('wojcik')
    await expect.poll(() => names(page)).toEqual(['Agnieszka Wójcik'])
    await box.fill('nobody like this')
    await page.getByRole('button', { name: 'Clear the filters' }).click()
    await expect.poll(() => names(page)).toHaveLength(4)
  })

  it('sorts by last contact, next due and company, and shows last contact and overdue markers', async () => {
    const { page } = run.ui
    await openPeople(page)
    const sort = filters(page).getByLabel('Sort by')
    await sort.selectOption('last-contact')
    await expect.poll(() => names(page)).toEqual(['Tomasz Nowak', 'Wei Chen', '🦊 Bruno Ferreira', 'Agnieszka Wójcik'])
    await sort.selectOption('next-due')
    await expect.poll(() => names(page)).toEqual(['Wei Chen', 'Tomasz Nowak', '🦊 Bruno Ferreira', 'Agnieszka Wójcik'])
    await sort.selectOption('company')
    await expect.poll(() => names(page)).toEqual(['Tomasz Nowak', 'Wei Chen', '🦊 Bruno Ferreira', 'Agnieszka Wójcik'])
    const wei = list(page).getByRole('listitem').filter({ hasText: 'Wei Chen' })
    expect(await wei.locator('.overdue-mark').innerText()).toBe('1 overdue commitment')
    expect(await wei.innerText()).toMatch(/Last contact /)
    const agnieszka = list(page).getByRole('listitem').filter({ hasText: 'Agnieszka' })
    expect(await agnieszka.innerText()).toMatch(/No contact yet/)
    expect(await agnieszka.locator('.overdue-mark').count()).toBe(0)
  })

  it('filters by tag, company, lapsed cadence, owes me, I owe and archived', async () => {
    const { page } = run.ui
    await openPeople(page)
    const f = filters(page)
    await f.getByLabel('Tag', { exact: true }).selectOption('pilot')
    await expect.poll(() => names(page)).toEqual(['Tomasz Nowak', 'Wei Chen'])
    await f.getByLabel('Tag', { exact: true }).selectOption('')
    await f.getByLabel('Company', { exact: true }).selectOption('Lusitania Foods')
    await expect.poll(() => names(page)).toEqual(['🦊 Bruno Ferreira'])
    await f.getByLabel('Company', { exact: true }).selectOption('')
    await f.getByLabel('Cadence lapsed').check()
    await expect.poll(() => names(page)).toEqual(['🦊 Bruno Ferreira'])
    await f.getByLabel('Cadence lapsed').uncheck()
    await f.getByLabel('I owe').check()
    await expect.poll(() => names(page)).toEqual(['Tomasz Nowak', 'Wei Chen'])
    await f.getByLabel('I owe').uncheck()
    await f.getByLabel('Owes me').check()
    await expect.poll(() => names(page)).toEqual(['Wei Chen'])
    await f.getByLabel('Show 1 archived').check()
    await expect.poll(() => names(page)).toEqual(['Wei Chen', 'ليلى حداد Archived'])
  })
})
