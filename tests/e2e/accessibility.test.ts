/**
 * Every view, with its forms and dialogs open, through axe-core in Chromium: no serious or critical
 * violation, in the light and dark themes the system picks. Colour contrast is among axe's checks, so both
 * palettes in app.css are covered at every step.
 *
 * The theme chosen in Settings (html[data-theme]) only sets color-scheme, which picks the same light-dark()
 * colours; walking every view twice more would repeat the same checks on the same colours. Instead, at every
 * step of both walks the page, as it is then, must have exactly the same colours (every colour property of
 * every element and pseudo-element, palette.ts) with the opposite system scheme and the walk's scheme chosen
 * in Settings. And each override, chosen in Settings and applied by the app, is itself opened on a system of
 * the other scheme, checked the same way against the system's palette, and put through axe on two views.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Browser, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Settings } from '../../src/shared/settings.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { CONTACTS } from '../support/contacts.ts'
import { minutesFrom, writeCalendar } from '../support/calendar-files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import { expectNoSeriousA11yViolations } from './axe.ts'
import { expectSamePalette } from './palette.ts'
import { assertRendererBuilt, launchBrowser, makeTempDir, openUi, removeDir, startApp } from './harness.ts'
import type { RunningApp, Ui } from './harness.ts'

interface Mode {
  name: string
  colorScheme: 'light' | 'dark'
  theme: Settings['theme']
}
const SYSTEM_MODES: Mode[] = [
  { name: 'light (system)', colorScheme: 'light', theme: 'system' },
  { name: 'dark (system)', colorScheme: 'dark', theme: 'system' }
]
const OVERRIDES: Mode[] = [
  { name: 'dark chosen in Settings on a light system', colorScheme: 'light', theme: 'dark' },
  { name: 'light chosen in Settings on a dark system', colorScheme: 'dark', theme: 'light' }
]

let browser: Browser
let empty: RunningApp
let seeded: RunningApp
let broken: RunningApp
let ids: Awaited<ReturnType<typeof seedJournal>>
// One page for the whole file, each test loading its app afresh in it: a new page costs a renderer process
// (about a second of CPU), a load a quarter of that.
let ui: Ui
const inFlight = new Set<Request>()

beforeAll(async () => {
  assertRendererBuilt()
  browser = await launchBrowser()
  empty = await startApp(await makeTempDir('rapport-a11y-empty-'))
  seeded = await startApp(await makeTempDir('rapport-a11y-seeded-'))
  ids = await seedJournal(seeded.journal.handlers, new Date())
  // Meetings on Today: one with Ana soon, one with Priya and Kenji (a group), someone not in the journal.
  const now = new Date()
  seeded.desktop.files = [
    await writeCalendar(resolve(seeded.dir, 'work.ics'), [
      {
        uid: 'a11y-ana',
        title: 'Acme renewal',
        start: minutesFrom(now, 10),
        attendees: [
          { name: 'Ana García', email: 'ana.garcia@acme.example' },
          { name: 'Luis Ortega', email: 'luis@acme.example' }
        ]
      },
      {
        uid: 'a11y-group',
        title: 'Globex sync',
        start: minutesFrom(now, 40),
        attendees: [{ name: 'Priya Natarajan' }, { name: 'Kenji Watanabe' }]
      }
    ])
  ]
  await seeded.journal.handlers.addCalendarFiles({})
  // A journal with a person and the backups its first session took, then overwritten with half a file.
  const dir = await makeTempDir('rapport-a11y-broken-')
  const first = await openTempJournal(dir)
  await first.bridge.createPerson({ person: { name: 'Ada Lovelace' } })
  await first.session.close()
  await writeFile(resolve(dir, 'journal.json'), '{"schemaVersion": 2, "people": [{"name": "Ada')
  broken = await startApp(dir)
  // Blank until the first test loads the app: every request of the page is then seen by inFlight.
  ui = await openUi(browser, empty, { blank: true })
  ui.page.on('request', (request) => inFlight.add(request))
  ui.page.on('requestfinished', (request) => inFlight.delete(request))
  ui.page.on('requestfailed', (request) => inFlight.delete(request))
})
afterEach(() => {
  // What the page reported (console errors, failed requests) during the test fails that test.
  expect(ui.problems.splice(0)).toEqual([])
})
afterAll(async () => {
  await ui?.close()
  await browser?.close()
  for (const app of [empty, seeded, broken]) {
    if (!app) continue
    await app.close()
    await removeDir(app.dir)
  }
})

/** Loads the app afresh in `mode` at `hash`, and waits for the theme from Settings to be on the page. */
async function open(app: RunningApp, mode: Mode, hash = '#/today'): Promise<Page> {
  const { page } = ui
  // Leaving while a request of the last test still runs would abort it: a problem for the harness.
  await expect.poll(() => inFlight.size).toBe(0)
  await page.emulateMedia({ colorScheme: mode.colorScheme })
  // Through a blank page, so that even within the app the last test left this is a load, not a move.
  await page.goto('about:blank')
  await page.goto(`${app.url}${hash}`)
  await expect.poll(() => page.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe(mode.theme)
  return page
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true })

/** On Ana's page: the log form with both commitments added, Priya with her, and people suggested for “tom”. */
async function openLogForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log conversation', exact: true }).click()
  const log = page.getByRole('form', { name: 'Log conversation with Ana García' })
  await log.getByRole('button', { name: '+ I owe them' }).click()
  await log.getByRole('button', { name: '+ They owe me' }).click()
  await log.getByRole('combobox', { name: 'Also with' }).fill('priya')
  await log.getByRole('option', { name: /Priya Natarajan/ }).click()
  await log.getByRole('list', { name: 'Also with' }).waitFor()
  await log.getByRole('combobox', { name: 'Also with' }).fill('tom')
  await log.getByRole('listbox').getByRole('option').first().waitFor()
}

/** Stores `mode`'s theme in every app's Settings, as choosing it on the Settings page does. */
async function chooseTheme(mode: Mode): Promise<void> {
  for (const app of [empty, seeded, broken]) {
    const result = await app.journal.handlers.updateSettings({ patch: { theme: mode.theme } })
    expect(result.theme).toBe(mode.theme)
  }
}

describe.each(SYSTEM_MODES)('accessibility: $name', (mode) => {
  const label = (what: string) => `${what} (${mode.name})`
  const system = { system: mode.colorScheme, theme: 'system' } as const
  const override = { system: mode.colorScheme === 'light' ? 'dark' : 'light', theme: mode.colorScheme } as const
  const check = async (page: Page, what: string) => {
    await expectNoSeriousA11yViolations(page, label(what), true)
    await expectSamePalette(page, label(what), system, override)
  }

  beforeAll(() => chooseTheme(mode))

  it('Today and People with an empty journal, and the add form', async () => {
    const page = await open(empty, mode)
    await page.getByRole('heading', { name: 'Nothing needs you today' }).waitFor()
    await check(page, 'Today, empty')
    await page.goto(`${empty.url}#/people`)
    await page.getByRole('heading', { name: 'Your journal is empty' }).waitFor()
    await check(page, 'People, empty')
    await page.getByRole('button', { name: 'Add your first person' }).click()
    await page.getByRole('form', { name: 'New person' }).waitFor()
    await check(page, 'People, the new person form')
  })

  it('Today and People with a seller’s journal', async () => {
    const page = await open(seeded, mode)
    await page.getByRole('heading', { name: 'Overdue · 2 follow-ups' }).waitFor()
    await check(page, 'Today, seeded')
    // An error toast (a menu command that cannot be done here), with the pointer on its close button.
    await page.evaluate("window.__rapportCommand('log-conversation')")
    const toast = page.getByRole('alert').filter({ hasText: 'Open a person’s page first' })
    await toast.getByRole('button', { name: 'Dismiss' }).hover()
    await check(page, 'Today, an error toast')
    await toast.getByRole('button', { name: 'Dismiss' }).click()
    await toast.waitFor({ state: 'detached' })
    await page.goto(`${seeded.url}#/people`)
    await page
      .getByRole('list', { name: 'People' })
      .getByRole('listitem')
      .filter({ hasText: 'Tomás Oliveira' })
      .waitFor()
    await check(page, 'People, seeded')
    await page.getByLabel('Sort by').selectOption('last-contact')
    await page.getByRole('searchbox', { name: 'Filter people by name, company or tag' }).fill('acme')
    await check(page, 'People, filtered and sorted')
  })

  it('Today’s week ahead with a follow-up’s panels open, and quick capture', async () => {
    const page = await open(seeded, mode)
    await page.getByRole('region', { name: 'The next 7 days' }).waitFor()
    const overdue = page.getByRole('region', { name: 'Overdue · 2 follow-ups' })
    await overdue.getByRole('button', { name: 'Done on…' }).first().click()
    await page.getByRole('region', { name: 'Due today' }).getByRole('button', { name: 'Snooze / Reschedule' }).click()
    await check(page, 'Today, the week ahead with done-on and snooze panels')
    await page.keyboard.press('Control+Shift+L')
    const capture = page.getByRole('dialog', { name: 'Quick capture' })
    await capture.getByRole('combobox', { name: 'Who', exact: true }).fill('ana')
    await capture.getByRole('option', { name: /Ana García/ }).waitFor()
    await check(page, 'quick capture, picking a person')
    await page.keyboard.press('Enter')
    await capture.getByText('Note on').waitFor()
    await check(page, 'quick capture, writing the note')
    await page.keyboard.press('Escape')
  })

  it('a person page, then with the log, profile, follow-up, interest and challenge forms open', async () => {
    const page = await open(seeded, mode, `#/person/${ids.anaId}`)
    await h1(page, 'Ana García').waitFor()
    await page
      .getByRole('region', { name: 'Commitments' })
      .getByRole('button', { name: /^Show \d+ done$/ })
      .click()
    await check(page, 'person page')

    await openLogForm(page)
    await check(page, 'person page, log conversation form with people suggested')
    await page.keyboard.press('Escape')

    // Editing in place: a conversation, an interest and a challenge, each in its form.
    await page.getByRole('button', { name: 'Edit conversation “Discovery meeting at Acme HQ”' }).click()
    await page.getByRole('form', { name: 'Edit “Discovery meeting at Acme HQ”' }).waitFor()
    await page.getByRole('button', { name: 'Edit Sourdough' }).click()
    await page.getByRole('form', { name: 'Edit Sourdough' }).waitFor()
    await page.getByRole('button', { name: 'Edit “Month-end close takes ten days”' }).click()
    await page.getByRole('form', { name: 'Edit “Month-end close takes ten days”' }).waitFor()
    await check(page, 'person page, editing a conversation, an interest and a challenge')
    await page
      .getByRole('form', { name: 'Edit “Discovery meeting at Acme HQ”' })
      .getByRole('button', { name: 'Cancel' })
      .click()

    await page.getByRole('button', { name: 'Edit profile' }).click()
    await page.getByRole('form', { name: 'Edit Ana García' }).waitFor()
    await page.getByRole('button', { name: 'Add follow-up' }).click()
    await page.getByRole('form', { name: 'New follow-up' }).waitFor()
    await page.getByRole('button', { name: 'Edit or reschedule “Send two pricing options”' }).click()
    await page.getByRole('form', { name: 'Edit follow-up' }).waitFor()
    await page.getByRole('button', { name: 'Add interest' }).click()
    await page.getByRole('button', { name: 'Add challenge' }).click()
    await page.getByRole('button', { name: 'Add value I brought' }).click()
    await page.getByRole('form', { name: 'New challenge' }).waitFor()
    await check(page, 'person page, profile, follow-up, interest and challenge forms')

    await page.getByRole('button', { name: 'Delete Ana García' }).click()
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor()
    await check(page, 'person page, asking before a delete')
    await page.getByRole('button', { name: 'Keep', exact: true }).click()

    // A delete's toast, with the pointer on Undo (hover styles must keep the text readable).
    await page.getByRole('button', { name: 'Delete conversation “Discovery meeting at Acme HQ”' }).click()
    const toast = page.getByRole('status').filter({ hasText: 'was deleted.' })
    await toast.getByRole('button', { name: 'Undo' }).hover()
    await check(page, 'the Undo toast, Undo hovered')
    await toast.getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('status').filter({ hasText: 'is back.' }).waitFor()
  })

  it('Today’s meetings, with who an attendee is being corrected, and a group meeting’s briefs', async () => {
    const page = await open(seeded, mode)
    const renewal = page.getByRole('list', { name: 'Meetings' }).getByRole('listitem', { name: 'Acme renewal' })
    await renewal.waitFor()
    await check(page, 'Today, meetings')
    await renewal.getByRole('button', { name: 'Who is Luis Ortega?' }).click()
    await renewal.getByRole('group', { name: 'Who is Luis Ortega?' }).waitFor()
    await check(page, 'Today, correcting an attendee')
    await page.goto(`${seeded.url}#/briefs/${ids.priyaId},${ids.kenjiId}`)
    await page.getByRole('tab', { name: 'Kenji Watanabe' }).waitFor()
    await page.getByRole('heading', { level: 2, name: 'Talking points' }).waitFor()
    await check(page, 'a group meeting’s briefs')
  })

  it('the pre-call brief, Me and an interest', async () => {
    const page = await open(seeded, mode, `#/brief/${ids.anaId}`)
    await page.getByRole('heading', { level: 2, name: 'Talking points' }).waitFor()
    await check(page, 'brief')
    await page.goto(`${seeded.url}#/me`)
    await h1(page, 'Me').waitFor()
    await page.getByRole('list', { name: 'My interests' }).waitFor()
    await check(page, 'Me')
    await page.goto(`${seeded.url}#/interest/${encodeURIComponent('Real Madrid')}`)
    await page.getByRole('list', { name: 'People interested in Real Madrid' }).waitFor()
    await check(page, 'interest')
  })

  it('Settings, and Import with a contacts preview', async () => {
    const page = await open(seeded, mode, '#/settings')
    await page.getByRole('heading', { level: 2, name: 'Your data' }).waitFor()
    await check(page, 'Settings')
    const shortcut = page.getByRole('form', { name: 'Global shortcut' })
    await shortcut.getByLabel('Shortcut').fill('Ctrl+Nope')
    await shortcut.getByRole('button', { name: 'Save shortcut' }).click()
    await shortcut.getByRole('alert').waitFor()
    await check(page, 'Settings, a refused shortcut')
    await page.goto(`${seeded.url}#/import`)
    await h1(page, 'Import').waitFor()
    await check(page, 'Import')
    seeded.desktop.file = resolve(CONTACTS, 'google.csv')
    await page.getByRole('button', { name: 'Choose a file…' }).click()
    await page.getByRole('combobox', { name: 'What to do with Ana García' }).waitFor()
    await check(page, 'Import, contacts preview')
    await page.getByRole('button', { name: 'Cancel' }).click()
    // Records it could not read, names that stand in for missing ones, an address kept with a warning.
    seeded.desktop.file = resolve(CONTACTS, 'odd-cards.vcf')
    await page.getByRole('button', { name: 'Choose a file…' }).click()
    await page.getByRole('heading', { name: /^Not imported: 2 records/ }).waitFor()
    await check(page, 'Import, records it cannot read')
    await page.getByRole('button', { name: 'Cancel' }).click()
    seeded.desktop.file = resolve(seeded.dir, 'nobody.vcf')
    await writeFile(seeded.desktop.file, 'BEGIN:VCARD\nVERSION:3.0\nNOTE:no one\nEND:VCARD\n')
    await page.getByRole('button', { name: 'Choose a file…' }).click()
    await page.getByRole('alert').filter({ hasText: 'Line 1:' }).waitFor()
    await check(page, 'Import, a file it cannot read')
  })

  it('the quick switcher with results, and the shortcuts sheet', async () => {
    const page = await open(seeded, mode)
    await h1(page, 'Today').waitFor()
    await page.keyboard.press('Control+K')
    // Words from a note: the results show snippets with the matches marked, one row active.
    await page.keyboard.type('carrier invoices')
    const results = page.getByRole('listbox', { name: 'Results' })
    await results.getByRole('option').filter({ hasText: 'Discovery meeting at Acme HQ' }).waitFor()
    await results.locator('.snippet mark').first().waitFor()
    await page.keyboard.press('ArrowDown')
    await page.getByRole('button', { name: 'Filters' }).click()
    await page.getByRole('group', { name: 'Filters' }).waitFor()
    await check(page, 'quick switcher')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Quick switcher' }).waitFor({ state: 'hidden' })
    await page.evaluate("window.__rapportCommand('show-shortcuts')")
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    await check(page, 'shortcuts sheet')
  })

  it('the recovery screen', async () => {
    const page = await open(broken, mode)
    await h1(page, 'Rapport cannot read your journal').waitFor()
    await page.getByRole('list', { name: 'Backups' }).waitFor()
    await check(page, 'recovery screen')
  })
})

describe.each(OVERRIDES)('accessibility: $name', (mode) => {
  const label = (what: string) => `${what} (${mode.name})`
  const look = { system: mode.colorScheme, theme: mode.theme } as const
  const system = { system: mode.theme === 'dark' ? 'dark' : 'light', theme: 'system' } as const
  const check = async (page: Page, what: string) => {
    await expectSamePalette(page, label(what), look, system)
    await expectNoSeriousA11yViolations(page, label(what), true)
  }

  beforeAll(() => chooseTheme(mode))

  it('is the system’s palette: a person page with the log form open, and Settings', async () => {
    const page = await open(seeded, mode, `#/person/${ids.anaId}`)
    await h1(page, 'Ana García').waitFor()
    await openLogForm(page)
    await check(page, 'person page, log conversation form with people suggested')
    await page.keyboard.press('Escape')
    await page.goto(`${seeded.url}#/settings`)
    await page.getByRole('heading', { level: 2, name: 'Your data' }).waitFor()
    expect(await page.getByRole('region', { name: 'Appearance and dates' }).getByLabel('Theme').inputValue()).toBe(
      mode.theme
    )
    await check(page, 'Settings')
  })
})
