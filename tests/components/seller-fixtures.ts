/**
 * Helpers for the seller's-day component tests: days relative to the real clock (the renderer reads the real
 * clock for "today", so the journal's dates must be relative to it), the page's regions and facts, and the
 * realistic seeded journal from tests/support/seed-journal.ts on a real temp journal.
 */
import { screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { expect } from 'vitest'
import type { RapportBridge } from '../../src/shared/api.ts'
import type { Journal } from '../../src/shared/schema/journal.ts'
import { storedJournal, storedText } from '../support/files.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { renderApp } from './journal-fixtures.ts'

const pad = (n: number) => String(n).padStart(2, '0')
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/** The local calendar day `days` from today (negative: in the past), YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const now = new Date()
  return dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12))
}

/** An ISO time on the local day `days` from today, at `hour`:`minute` local time. */
export function timeFromToday(days: number, hour = 10, minute = 0): string {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hour, minute).toISOString()
}

/** The Monday that starts this week, as a local day. */
export function mondayThisWeek(): string {
  return dayFromToday(1 - (new Date().getDay() || 7))
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric'
})
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' })

/** A YYYY-MM-DD day as the app shows it ("Mon, Nov 23, 2026" in en-US). */
export function shownDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return dayFormat.format(new Date(y, m - 1, d))
}

/** The month an ISO time falls in, as the timeline heads it ("November 2026"). */
export function shownMonth(iso: string): string {
  return monthFormat.format(new Date(iso))
}

/**
 * The journal's clock: the real time, unless moved to noon of another day (to add someone "40 days ago").
 * The renderer always uses the real clock, so tests move it back before rendering.
 */
export function journalClock(): { now: () => Date; travelTo: (days: number) => void; backToNow: () => void } {
  let at: Date | null = null
  return {
    now: () => at ?? new Date(),
    travelTo: (days) => {
      const now = new Date()
      at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12)
    },
    backToNow: () => (at = null)
  }
}

export interface SeededJournal {
  journal: TempJournal
  anaId: string
  kenjiId: string
  priyaId: string
  tomasId: string
}

/**
 * The realistic journal of tests/support/seed-journal.ts, dated from now: Ana García (relationship, every 14
 * days, last talked yesterday, owes-me and I-owe follow-ups, one promise kept late), Kenji Watanabe
 * (transactional, every 30 days, last contact 75 days ago, an overdue NDA), Priya Natarajan (every 21 days,
 * an overdue "I owe" 2 days late) and Tomás Oliveira (nothing but a name, company and role).
 */
export async function openSeededJournal(): Promise<SeededJournal> {
  const journal = await openTempJournal()
  const ids = await seedJournal(journal.handlers, new Date())
  const tomas = (await journal.handlers.listPeople({})).find((p) => p.name === 'Tomás Oliveira')!
  return { journal, ...ids, tomasId: tomas.id }
}

/** The stored journal as one journal file's text: two moments compare byte for byte. */
export const readStoredText = (file: string): Promise<string> => storedText(file)
/** The journal as stored: the snapshot with its change log replayed. */
export const readStored = (file: string): Promise<Journal> => storedJournal(file)

/** A section of the page by its heading (sections are labelled by their h2, or by aria-label). */
export const region = (name: string | RegExp): HTMLElement => screen.getByRole('region', { name })
export const findRegion = (name: string | RegExp): Promise<HTMLElement> => screen.findByRole('region', { name })

/** The value shown for a fact in the person header ("Last contact", "Keep in touch", …). */
export function fact(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' })
  const value = term.nextElementSibling
  if (!(value instanceof HTMLElement) || value.tagName !== 'DD') throw new Error(`no value for the fact “${label}”`)
  return value
}

/** The text of one line of the promise record: "1 on time · 0 late · 0 overdue · 2 open". */
export function promiseLine(whose: 'My promises' | 'Their promises'): string {
  const record = within(region('Commitments')).getByLabelText('Promise record')
  const label = within(record).getByText(whose)
  return label.nextElementSibling?.textContent?.trim() ?? ''
}

/** The titles in a list of rows (commitments, Today's lists), top to bottom. */
export function rowTitles(list: HTMLElement): string[] {
  return within(list)
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('.title')?.textContent?.trim() ?? '')
}

/** The row of a list whose title is `title`. */
export function rowOf(list: HTMLElement, title: string): HTMLElement {
  const row = within(list)
    .getAllByRole('listitem')
    .find((item) => item.querySelector('.title')?.textContent?.trim() === title)
  if (!row) throw new Error(`no row “${title}” in ${rowTitles(list).join(', ')}`)
  return row
}

/** The toast (an info one is a status, an error one an alert) that says `message`. */
export async function findToast(message: string): Promise<HTMLElement> {
  const text = await screen.findByText(message)
  const toast = text.closest<HTMLElement>('.toast')
  expect(toast).not.toBeNull()
  return toast!
}

/** The person's page is shown (the page loads asynchronously from the journal). */
export async function onPersonPage(name: string): Promise<void> {
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^${name}`) })
}

/** Renders the app on a person's page, waits for it, and returns a user to drive it. */
export async function showPersonPage(
  bridge: RapportBridge,
  id: string,
  name: string
): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup()
  renderApp(bridge, `#/person/${id}`)
  await onPersonPage(name)
  return user
}
