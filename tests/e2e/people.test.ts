/**
 * The people slice as a user meets it: the built renderer in Chromium, the real core behind it, and the
 * journal file on disk checked after each step (the UI only shows a change once main has saved it).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { assertRendererBuilt, launchBrowser, makeTempDir, openUi, readJournalFile, removeDir, screenshot, startApp } from './harness.ts'
import type { RunningApp, Ui } from './harness.ts'

interface Typed {
  name: string
  company: string
  role: string
}

const ada: Typed = { name: 'Ada Lovelace', company: 'Analytical Engines', role: 'Mathematician' }
const grace: Typed = { name: 'Grace Hopper', company: 'US Navy', role: 'Rear Admiral' }
const linus: Typed = { name: 'Linus Pauling', company: 'Caltech', role: 'Chemist' }

const peopleList = (page: Page) => page.getByRole('list', { name: 'People' })
const row = (page: Page, name: string) => peopleList(page).getByRole('listitem').filter({ hasText: name })
const newPersonForm = (page: Page) => page.getByRole('form', { name: 'New person' })

/** The root background colour (--bg); a string expression, since these tests compile without DOM types. */
const pageBackground = (page: Page) => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor')

/** Opens the add form from the header, types the person in and waits until the list shows them. */
async function addPerson(page: Page, person: Typed): Promise<void> {
  await page.getByRole('button', { name: 'Add person', exact: true }).click()
  const form = newPersonForm(page)
  await form.getByLabel('Name').fill(person.name)
  await form.getByLabel('Company').fill(person.company)
  await form.getByLabel('Role').fill(person.role)
  await form.getByRole('button', { name: 'Add person' }).click()
  await form.waitFor({ state: 'hidden' })
  await row(page, person.name).waitFor()
}

let browser: Browser
let app: RunningApp
let ui: Ui

beforeAll(async () => {
  assertRendererBuilt()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  app = await startApp(await makeTempDir('rapport-e2e-'))
  ui = await openUi(browser, app)
})
afterEach(async () => {
  // ui.close() fails the test if the page logged errors; the app and its folder go either way.
  try {
    await ui?.close()
  } finally {
    await app?.close()
    await removeDir(app.dir)
  }
})

describe('people', () => {
  it('adds, edits, deletes, undoes and keeps people across a reload', async () => {
    const { page } = ui
    const empty = page.getByRole('heading', { name: 'Your journal is empty' })
    await empty.waitFor()
    await screenshot(page, 'people-empty')
    expect(await readJournalFile(app)).toEqual({ schemaVersion: 1, people: [] })

    // The empty state's own button opens the form with Name focused, so typing goes straight in.
    await page.getByRole('button', { name: 'Add your first person' }).click()
    const form = newPersonForm(page)
    await form.waitFor()
    await page.keyboard.type(ada.name)
    expect(await form.getByLabel('Name').inputValue()).toBe(ada.name)
    await form.getByLabel('Company').fill(ada.company)
    await form.getByLabel('Role').fill(ada.role)
    await form.getByRole('button', { name: 'Add person' }).click()
    await row(page, ada.name).getByText(`${ada.role} · ${ada.company}`).waitFor()
    await empty.waitFor({ state: 'hidden' })

    const [added] = (await readJournalFile(app)).people
    expect(added).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), ...ada, createdAt: expect.any(String), updatedAt: expect.any(String) })
    expect(added!.updatedAt).toBe(added!.createdAt)

    await addPerson(page, grace)
    expect(await peopleList(page).getByRole('listitem').count()).toBe(2)
    expect((await readJournalFile(app)).people.map((p) => p.name)).toEqual([ada.name, grace.name])

    // Edit: the form opens filled in; only the role changes, and the stored person keeps id and createdAt.
    await page.getByRole('button', { name: `Edit ${ada.name}` }).click()
    const editForm = page.getByRole('form', { name: `Edit ${ada.name}` })
    expect(await editForm.getByLabel('Name').inputValue()).toBe(ada.name)
    expect(await editForm.getByLabel('Company').inputValue()).toBe(ada.company)
    await editForm.getByLabel('Role').fill('Programmer')
    await editForm.getByRole('button', { name: 'Save' }).click()
    await editForm.waitFor({ state: 'hidden' })
    await row(page, ada.name).getByText(`Programmer · ${ada.company}`).waitFor()

    const edited = (await readJournalFile(app)).people[0]!
    expect(edited).toEqual({ ...added, role: 'Programmer', updatedAt: edited.updatedAt })
    expect(edited.updatedAt > added!.updatedAt).toBe(true)

    // Delete asks first, then offers Undo.
    const beforeDelete = await readJournalFile(app)
    await page.getByRole('button', { name: `Delete ${ada.name}` }).click()
    await page.getByRole('group', { name: `Delete ${ada.name}?` }).getByRole('button', { name: 'Delete', exact: true }).click()
    const toast = page.getByRole('status').filter({ hasText: `${ada.name} was deleted.` })
    await toast.waitFor()
    await row(page, ada.name).waitFor({ state: 'detached' })
    expect((await readJournalFile(app)).people).toEqual([beforeDelete.people[1]])

    // Undo puts back exactly what was removed, in the place it had: the whole file is as before.
    await toast.getByRole('button', { name: 'Undo' }).click()
    await toast.waitFor({ state: 'hidden' })
    await row(page, ada.name).waitFor()
    expect(await readJournalFile(app)).toEqual(beforeDelete)

    await page.reload()
    await row(page, ada.name).getByText(`Programmer · ${ada.company}`).waitFor()
    await row(page, grace.name).waitFor()
    expect(await peopleList(page).getByRole('listitem').count()).toBe(2)
  })

  it('refuses a person without a name, inline, and sends nothing', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Add your first person' }).click()
    const form = newPersonForm(page)
    await form.getByLabel('Name').fill('   ')
    await form.getByLabel('Company').fill(ada.company)
    await form.getByRole('button', { name: 'Add person' }).click()

    await form.getByRole('alert').filter({ hasText: 'A person needs a name.' }).waitFor()
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true')
    expect(app.calls).not.toContain('createPerson')
    expect(await readJournalFile(app)).toEqual({ schemaVersion: 1, people: [] })

    // What was typed stays, so fixing the name is enough.
    expect(await form.getByLabel('Company').inputValue()).toBe(ada.company)
    await form.getByLabel('Name').fill(ada.name)
    await form.getByRole('button', { name: 'Add person' }).click()
    await row(page, ada.name).waitFor()
    expect((await readJournalFile(app)).people).toMatchObject([{ name: ada.name, company: ada.company, role: '' }])
  })

  it('cancels the add and edit forms with Escape, saving nothing', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Add person', exact: true }).click()
    await newPersonForm(page).getByLabel('Name').fill('Not saved')
    await page.keyboard.press('Escape')
    await newPersonForm(page).waitFor({ state: 'hidden' })
    await page.getByRole('heading', { name: 'Your journal is empty' }).waitFor()
    expect(app.calls).not.toContain('createPerson')
    expect(await readJournalFile(app)).toEqual({ schemaVersion: 1, people: [] })

    await addPerson(page, ada)
    const saved = await readJournalFile(app)
    await page.getByRole('button', { name: `Edit ${ada.name}` }).click()
    const editForm = page.getByRole('form', { name: `Edit ${ada.name}` })
    await editForm.getByLabel('Role').fill('Not saved either')
    await editForm.getByLabel('Role').press('Escape')
    await editForm.waitFor({ state: 'hidden' })
    await row(page, ada.name).getByText(`${ada.role} · ${ada.company}`).waitFor()
    expect(app.calls).not.toContain('updatePerson')
    expect(await readJournalFile(app)).toEqual(saved)
  })

  it('looks right in light and dark (screenshots for docs/screenshots)', async () => {
    for (const person of [ada, grace, linus]) await addPerson(ui.page, person)
    expect(await peopleList(ui.page).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining(ada.name),
      expect.stringContaining(grace.name),
      expect.stringContaining(linus.name)
    ])
    expect(await pageBackground(ui.page)).toBe('rgb(246, 245, 242)')
    await screenshot(ui.page, 'people-light')

    const dark = await openUi(browser, app, { colorScheme: 'dark' })
    try {
      await row(dark.page, linus.name).waitFor()
      // The page must actually follow the system theme, not just be photographed in a dark frame.
      expect(await pageBackground(dark.page)).toBe('rgb(22, 24, 28)')
      await screenshot(dark.page, 'people-dark')
    } finally {
      await dark.close()
    }
  })
})
