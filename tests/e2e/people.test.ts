/**
 * The people slice as a user meets it: the built renderer in Chromium, the real core behind it, and the
 * journal file on disk checked after each step (the UI only shows a change once main has saved it).
 *
 * The app opens on Today; People is one sidebar link away. Adding a person lands on their page, where the
 * profile is edited ("Edit profile") and the person deleted ("Delete <name>…", then Undo from the toast).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appPerTest, openUi, readJournalFile, screenshot } from './harness.ts'

interface Typed {
  name: string
  company: string
  role: string
}

const ada: Typed = { name: 'Ada Lovelace', company: 'Analytical Engines', role: 'Mathematician' }
const grace: Typed = { name: 'Grace Hopper', company: 'US Navy', role: 'Rear Admiral' }
const linus: Typed = { name: 'Linus Pauling', company: 'Caltech', role: 'Chemist' }

const sidebarLink = (page: Page, name: 'Today' | 'People' | 'Me') =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true })
const peopleList = (page: Page) => page.getByRole('list', { name: 'People' })
const row = (page: Page, name: string) => peopleList(page).getByRole('listitem').filter({ hasText: name })
const newPersonForm = (page: Page) => page.getByRole('form', { name: 'New person' })
/** The person page's own heading (h1) — the sidebar and sections have other headings. */
const personHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true })
/** The "Role · Company" line under the name on the person page. */
const personDetail = (page: Page) => page.locator('.person-header .person-title .detail')

/** The root background colour (--bg); a string expression, since these tests compile without DOM types. */
const pageBackground = (page: Page) =>
  page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor')
const currentHash = (page: Page) => new URL(page.url()).hash

async function goToPeople(page: Page): Promise<void> {
  await sidebarLink(page, 'People').click()
  await page.getByRole('heading', { level: 1, name: 'People', exact: true }).waitFor()
}

/** From People: opens the add form, types the person in and waits for their page; returns their id. */
async function addPerson(page: Page, person: Typed): Promise<string> {
  await goToPeople(page)
  await page.getByRole('button', { name: 'Add person', exact: true }).click()
  const form = newPersonForm(page)
  await form.getByLabel('Name').fill(person.name)
  await form.getByLabel('Company').fill(person.company)
  await form.getByLabel('Role').fill(person.role)
  await form.getByRole('button', { name: 'Add person' }).click()
  await personHeading(page, person.name).waitFor()
  const id = decodeURIComponent(currentHash(page).replace(/^#\/person\//, ''))
  expect(currentHash(page)).toBe(`#/person/${encodeURIComponent(id)}`)
  return id
}

const run = appPerTest('rapport-e2e-')

describe('people', () => {
  it('opens on Today, shows the empty People page and lands on a new person’s page', async () => {
    const { page } = run.ui
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
    expect(await sidebarLink(page, 'Today').getAttribute('aria-current')).toBe('page')

    await goToPeople(page)
    expect(currentHash(page)).toBe('#/people')
    expect(await sidebarLink(page, 'People').getAttribute('aria-current')).toBe('page')
    const empty = page.getByRole('heading', { name: 'Your journal is empty' })
    await empty.waitFor()
    await screenshot(page, 'people-empty')
    expect((await readJournalFile(run.app)).people).toEqual([])

    // The empty state's own button opens the form with Name focused, so typing goes straight in.
    await page.getByRole('button', { name: 'Add your first person' }).click()
    const form = newPersonForm(page)
    await form.waitFor()
    await page.keyboard.type(ada.name)
    expect(await form.getByLabel('Name').inputValue()).toBe(ada.name)
    await form.getByLabel('Company').fill(ada.company)
    await form.getByLabel('Role').fill(ada.role)
    await form.getByRole('button', { name: 'Add person' }).click()

    // Saving goes straight to the new person's page.
    await personHeading(page, ada.name).waitFor()
    expect(await personDetail(page).innerText()).toBe(`${ada.role} · ${ada.company}`)
    const [added] = (await readJournalFile(run.app)).people
    expect(added).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      ...ada,
      createdAt: expect.any(String)
    })
    expect(added!.updatedAt).toBe(added!.createdAt)
    expect(currentHash(page)).toBe(`#/person/${added!.id}`)
    // A person page still belongs to People in the sidebar.
    expect(await sidebarLink(page, 'People').getAttribute('aria-current')).toBe('page')

    // Back on People the row is a link to that page.
    await goToPeople(page)
    await empty.waitFor({ state: 'detached' })
    const link = row(page, ada.name).getByRole('link')
    await link.getByText(`${ada.role} · ${ada.company}`).waitFor()
    expect(await link.getAttribute('href')).toBe(`#/person/${added!.id}`)
    expect(await row(page, ada.name).getByRole('button').count()).toBe(0)
    await link.click()
    await personHeading(page, ada.name).waitFor()
  })

  it('refuses a person without a name, inline, and sends nothing', async () => {
    const { page } = run.ui
    await goToPeople(page)
    await page.getByRole('button', { name: 'Add your first person' }).click()
    const form = newPersonForm(page)
    await form.getByLabel('Name').fill('   ')
    await form.getByLabel('Company').fill(ada.company)
    await form.getByRole('button', { name: 'Add person' }).click()

    await form.getByRole('alert').filter({ hasText: 'A person needs a name.' }).waitFor()
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true')
    expect(run.app.calls).not.toContain('createPerson')
    expect((await readJournalFile(run.app)).people).toEqual([])

    // What was typed stays, so fixing the name is enough.
    expect(await form.getByLabel('Company').inputValue()).toBe(ada.company)
    await form.getByLabel('Name').fill(ada.name)
    await form.getByRole('button', { name: 'Add person' }).click()
    await personHeading(page, ada.name).waitFor()
    expect((await readJournalFile(run.app)).people).toMatchObject([{ name: ada.name, company: ada.company, role: '' }])
  })

  it('edits the profile from the person page', async () => {
    const { page } = run.ui
    const id = await addPerson(page, ada)
    const [added] = (await readJournalFile(run.app)).people

    // The form opens filled in; only the company and the keep-in-touch cadence change.
    await page.getByRole('button', { name: 'Edit profile' }).click()
    const form = page.getByRole('form', { name: `Edit ${ada.name}` })
    expect(await form.getByLabel('Name').inputValue()).toBe(ada.name)
    expect(await form.getByLabel('Company').inputValue()).toBe(ada.company)
    expect(await form.getByLabel('Role').inputValue()).toBe(ada.role)
    await form.getByLabel('Company').fill('Difference Engines Ltd')
    await form.getByLabel('Keep in touch every (days)').fill('14')
    await form.getByRole('button', { name: 'Save profile' }).click()
    await form.waitFor({ state: 'detached' })
    await personDetail(page).getByText(`${ada.role} · Difference Engines Ltd`, { exact: true }).waitFor()
    await page.getByText('Every 14 days', { exact: true }).waitFor()

    // The stored person keeps its id, createdAt and every field not touched.
    const edited = (await readJournalFile(run.app)).people[0]!
    expect(edited).toEqual({
      ...added,
      company: 'Difference Engines Ltd',
      cadenceDays: 14,
      updatedAt: edited.updatedAt
    })
    expect(edited.updatedAt > added!.updatedAt).toBe(true)

    // Ctrl+Enter saves from any field; Escape cancels without a call.
    await page.getByRole('button', { name: 'Edit profile' }).click()
    await form.getByLabel('Role').fill('Programmer')
    await form.getByLabel('Role').press('Control+Enter')
    await form.waitFor({ state: 'detached' })
    await personDetail(page).getByText('Programmer · Difference Engines Ltd', { exact: true }).waitFor()
    const saved = await readJournalFile(run.app)
    expect(saved.people[0]).toMatchObject({ id, role: 'Programmer', company: 'Difference Engines Ltd' })

    const updates = run.app.calls.filter((name) => name === 'updatePerson').length
    await page.getByRole('button', { name: 'Edit profile' }).click()
    await form.getByLabel('Company').fill('Not saved')
    await form.getByLabel('Company').press('Escape')
    await form.waitFor({ state: 'detached' })
    await personDetail(page).getByText('Programmer · Difference Engines Ltd', { exact: true }).waitFor()
    expect(run.app.calls.filter((name) => name === 'updatePerson').length).toBe(updates)
    expect(await readJournalFile(run.app)).toEqual(saved)

    await page.reload()
    await personHeading(page, ada.name).waitFor()
    expect(await personDetail(page).innerText()).toBe('Programmer · Difference Engines Ltd')
  })

  it('deletes a person after asking, undoes it exactly, and keeps it across a reload', async () => {
    const { page } = run.ui
    await addPerson(page, grace)
    const adaId = await addPerson(page, ada)
    const beforeDelete = await readJournalFile(run.app)
    expect(beforeDelete.people.map((p) => p.name)).toEqual([grace.name, ada.name])

    // "Delete Ada Lovelace…" only asks; "Keep" backs out without a call. (The visible text is part of the
    // accessible name, as WCAG 2.5.3 asks: a speech user says what they see.)
    const askDelete = page.getByRole('button', { name: `Delete ${ada.name}` })
    expect(await askDelete.innerText()).toBe(`Delete ${ada.name}…`)
    await askDelete.click()
    await page.getByText(`Delete ${ada.name} and everything only about them?`).waitFor()
    await page.getByRole('button', { name: 'Keep', exact: true }).click()
    await askDelete.waitFor()
    expect(run.app.calls).not.toContain('deletePerson')

    await askDelete.click()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    const toast = page.getByRole('status').filter({ hasText: `${ada.name} was deleted.` })
    await toast.waitFor()
    // Deleting leaves the (now gone) page for People.
    await page.getByRole('heading', { level: 1, name: 'People', exact: true }).waitFor()
    expect(currentHash(page)).toBe('#/people')
    await row(page, grace.name).waitFor()
    await row(page, ada.name).waitFor({ state: 'detached' })
    expect(await readJournalFile(run.app)).toEqual({ ...beforeDelete, people: [beforeDelete.people[0]] })

    // Undo puts back exactly what was removed, in the place it had: the whole file is as before.
    await toast.getByRole('button', { name: 'Undo' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `${ada.name} is back.` })
      .waitFor()
    await toast.waitFor({ state: 'detached' })
    await row(page, ada.name).waitFor()
    expect(await readJournalFile(run.app)).toEqual(beforeDelete)

    await page.reload()
    await row(page, ada.name).getByText(`${ada.role} · ${ada.company}`).waitFor()
    await row(page, grace.name).waitFor()
    expect(await peopleList(page).getByRole('listitem').count()).toBe(2)
    await row(page, ada.name).getByRole('link').click()
    await personHeading(page, ada.name).waitFor()
    expect(currentHash(page)).toBe(`#/person/${adaId}`)
  })

  it('cancels the add form with Escape, saving nothing', async () => {
    const { page } = run.ui
    await goToPeople(page)
    await page.getByRole('button', { name: 'Add person', exact: true }).click()
    await newPersonForm(page).getByLabel('Name').fill('Not saved')
    await page.keyboard.press('Escape')
    await newPersonForm(page).waitFor({ state: 'hidden' })
    await page.getByRole('heading', { name: 'Your journal is empty' }).waitFor()
    expect(run.app.calls).not.toContain('createPerson')
    expect((await readJournalFile(run.app)).people).toEqual([])
  })

  it('looks right in light and dark (screenshots)', async () => {
    for (const person of [ada, grace, linus]) await addPerson(run.ui.page, person)
    await goToPeople(run.ui.page)
    // The heading comes at once, the rows once the list has loaded.
    await row(run.ui.page, linus.name).waitFor()
    expect(await peopleList(run.ui.page).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining(ada.name),
      expect.stringContaining(grace.name),
      expect.stringContaining(linus.name)
    ])
    expect(await pageBackground(run.ui.page)).toBe('rgb(246, 245, 242)')
    await screenshot(run.ui.page, 'people-light')

    const dark = await openUi(run.browser, run.app, { colorScheme: 'dark' })
    try {
      await goToPeople(dark.page)
      await row(dark.page, linus.name).waitFor()
      // The page must actually follow the system theme, not just be photographed in a dark frame.
      expect(await pageBackground(dark.page)).toBe('rgb(22, 24, 28)')
      await screenshot(dark.page, 'people-dark')
    } finally {
      await dark.close()
    }
  })
})
