import { cleanup, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import type { Channel } from '../../src/shared/schema/conversation.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { addPeople, person, renderApp } from './journal-fixtures.ts'
import {
  dayFromToday,
  fact,
  findToast,
  onPersonPage,
  openSeededJournal,
  readStored,
  readStoredText,
  region,
  shownDay,
  shownMonth,
  showPersonPage,
  timeFromToday
} from './seller-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

async function adaWith(
  conversations: Array<{ days: number; title: string; body?: string; channel?: Channel; hour?: number }>
): Promise<string> {
  journal = await openTempJournal()
  const [ada, grace] = await addPeople(journal.bridge, [
    person('Ada Lovelace', 'Analytical Engines'),
    person('Grace Hopper', 'Navy')
  ])
  for (const c of conversations) {
    const logged = await journal.bridge.logConversation({
      conversation: {
        personIds: c.title.includes('Grace') ? [ada!.id, grace!.id] : [ada!.id],
        date: timeFromToday(c.days, c.hour ?? 10),
        channel: c.channel ?? 'call',
        title: c.title,
        body: c.body ?? ''
      },
      followUps: []
    })
    if (!logged.ok) throw new Error(logged.error.message)
  }
  renderApp(journal.bridge, `#/person/${ada!.id}`)
  await onPersonPage('Ada Lovelace')
  return ada!.id
}

/** Month headings and the titles under each, top to bottom. */
function timelineGroups(): Array<[string, string[]]> {
  return within(region('Conversations'))
    .getAllByRole('heading', { level: 3 })
    .map((heading) => {
      const list = heading.nextElementSibling as HTMLElement
      expect(list.tagName).toBe('OL')
      return [
        heading.textContent ?? '',
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.querySelector('.title')?.textContent ?? '')
      ]
    })
}
const entry = (title: string) =>
  within(region('Conversations')).getByText(title, { selector: '.title' }).closest('li') as HTMLElement
const notesOf = (title: string) => entry(title).querySelector('.markdown') as HTMLElement

describe('Timeline', () => {
  it('groups conversations by month, newest month first and newest first within each', async () => {
    const plan = [
      { days: -70, title: 'Kick-off' },
      { days: 0, title: 'Pricing call', hour: 8 },
      { days: -33, title: 'Workshop', channel: 'meeting' as const },
      { days: -400, title: 'Met at a conference', channel: 'chance encounter' as const },
      { days: 0, title: 'Follow-up email', channel: 'email' as const, hour: 9 },
      { days: -34, title: 'Prep call with Grace' }
    ]
    await adaWith(plan)

    // The expected grouping, worked out from the dates: newest first, consecutive ones of a month together.
    const sorted = [...plan].sort((a, b) =>
      timeFromToday(b.days, b.hour ?? 10).localeCompare(timeFromToday(a.days, a.hour ?? 10))
    )
    const expected: Array<[string, string[]]> = []
    for (const c of sorted) {
      const month = shownMonth(timeFromToday(c.days, c.hour ?? 10))
      if (expected.at(-1)?.[0] !== month) expected.push([month, []])
      expected.at(-1)![1].push(c.title)
    }
    expect(expected.length).toBeGreaterThanOrEqual(4)
    expect(timelineGroups()).toEqual(expected)
    expect(timelineGroups()[0]![1].slice(0, 2)).toEqual(['Follow-up email', 'Pricing call'])

    expect(entry('Workshop')).toHaveTextContent(`Meeting Workshop ${shownDay(dayFromToday(-33))}`)
    expect(entry('Met at a conference')).toHaveTextContent('Chance encounter')
    expect(entry('Prep call with Grace')).toHaveTextContent(`${shownDay(dayFromToday(-34))} · with Grace Hopper`)
    expect(entry('Workshop')).not.toHaveTextContent('with')
  })

  it('says how to log the first conversation when there is none', async () => {
    await adaWith([])

    const hint = within(region('Conversations')).getByText(/^No conversations yet\./)
    expect(hint).toHaveTextContent('No conversations yet. Press N or “Log conversation” after your next call.')
    expect(within(hint).getByText('N').tagName).toBe('KBD')
    expect(within(region('Conversations')).queryByRole('heading', { level: 3 })).not.toBeInTheDocument()
  })

  it('puts a note’s headings below the month they are shown under, so the outline stays true', async () => {
    await adaWith([{ days: -1, title: 'Pricing call', body: '# Agenda\n\n## Budget\n\n###### Footnote' }])
    const month = within(region('Conversations')).getAllByRole('heading', { level: 3 })[0]!
    expect(month).toHaveClass('month')
    const levels = [...notesOf('Pricing call').querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => [
      h.tagName,
      h.textContent
    ])
    expect(levels).toEqual([
      ['H4', 'Agenda'],
      ['H5', 'Budget'],
      ['H6', 'Footnote']
    ])
  })

  it('renders the notes as Markdown: emphasis, lists, line breaks, and links that open outside', async () => {
    await adaWith([
      {
        days: -1,
        title: 'Pricing call',
        body: [
          'She needs **two options**: annual and *multi-year*.',
          'Second line, same paragraph.',
          '',
          '- 3 spreadsheets',
          '- 2 people full time',
          '',
          '1. Send the deck',
          '2. Book the demo',
          '',
          'Case study: [Acme story](https://example.com/acme), or write to <ada@example.com>.'
        ].join('\n')
      }
    ])
    const notes = notesOf('Pricing call')

    expect(within(notes).getByText('two options').tagName).toBe('STRONG')
    expect(within(notes).getByText('multi-year').tagName).toBe('EM')
    expect(notes.querySelector('p br')).not.toBeNull()
    const bullets = notes.querySelector('ul') as HTMLElement
    expect(
      within(bullets)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['3 spreadsheets', '2 people full time'])
    const steps = notes.querySelector('ol') as HTMLElement
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['Send the deck', 'Book the demo'])
    const link = within(notes).getByRole('link', { name: 'Acme story' })
    expect(link).toHaveAttribute('href', 'https://example.com/acme')
    expect(link).toHaveAttribute('target', '_blank')
    expect(link.getAttribute('rel')?.split(/\s+/)).toContain('noopener')
    // Only http(s) links leave the app: an email address stays text.
    expect(within(notes).getByText('ada@example.com')).toBeInTheDocument()
    expect(within(notes).queryByRole('link', { name: 'ada@example.com' })).toBeNull()
  })

  it('sanitises hostile notes: no scripts, images, frames, event handlers or javascript: links; raw HTML shows as text', async () => {
    const hostile = [
      '<script>window.__pwned = 1</script>',
      '',
      '<img src="x" onerror="window.__pwned = 2">',
      '',
      '<iframe src="https://evil.example"></iframe>',
      '',
      'Inline <b onclick="window.__pwned = 3">bold</b> and <span style="position:fixed">styled</span>.',
      '',
      '[click me](javascript:window.__pwned=4) [shout](JaVaScRiPt:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox)',
      '',
      '![tracking pixel](https://evil.example/pixel.png)',
      '',
      '<a href="javascript:alert(2)" onmouseover="alert(3)">raw link</a>',
      '',
      '<svg onload="alert(5)"><circle r="4"/></svg>',
      '',
      '<form action="https://evil.example"><input name="password"><button>Send</button></form>',
      '',
      '<style>body { display: none }</style>'
    ].join('\n')
    await adaWith([{ days: -1, title: 'Suspicious email', body: hostile }])
    const notes = notesOf('Suspicious email')

    for (const tag of ['script', 'img', 'iframe', 'svg', 'form', 'input', 'button', 'style', 'b', 'span']) {
      expect(notes.querySelector(tag), `<${tag}> in the notes`).toBeNull()
    }
    for (const element of notes.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name, `${attribute.name} on <${element.tagName.toLowerCase()}>`).not.toMatch(/^on/i)
        expect(attribute.name).not.toBe('style')
      }
    }
    for (const anchor of notes.querySelectorAll('a')) {
      const href = anchor.getAttribute('href')
      if (href !== null) expect(href).toMatch(/^https?:/i)
    }
    expect(notes.querySelectorAll('a[href]')).toHaveLength(0)
    // Raw HTML is shown as the text it is, not run or dropped silently.
    expect(notes).toHaveTextContent('<script>window.__pwned = 1</script>')
    expect(notes).toHaveTextContent('<b onclick="window.__pwned = 3">bold</b>')
    expect(within(notes).getByText('click me')).toBeInTheDocument()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('deletes a conversation in one click; Undo restores it and its follow-ups’ links byte for byte', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = await showPersonPage(journal.bridge, seeded.anaId, 'Ana García')
    const before = await readStoredText(journal.file)
    const pricing = (await readStored(journal.file)).conversations.find(
      (c) => c.title === 'Pricing for the Q1 renewal'
    )!
    expect(fact('Last contact')).toHaveTextContent(`${shownDay(dayFromToday(-1))} (yesterday)`)

    await user.click(
      within(region('Conversations')).getByRole('button', { name: 'Delete conversation “Pricing for the Q1 renewal”' })
    )

    const toast = await findToast('“Pricing for the Q1 renewal” was deleted.')
    await waitFor(() =>
      expect(within(region('Conversations')).queryByText('Pricing for the Q1 renewal')).not.toBeInTheDocument()
    )
    // Last contact is always the newest conversation: now the intro call 20 days ago, past the 14-day cadence.
    expect(fact('Last contact')).toHaveTextContent(`${shownDay(dayFromToday(-20))} (20 days ago)`)
    expect(fact('Keep in touch')).toHaveTextContent(/^Every 14 days · 6 days overdue$/)
    const deleted = await readStored(journal.file)
    expect(deleted.conversations.map((c) => c.id)).not.toContain(pricing.id)
    const fromIt = deleted.followUps.filter(
      (f) => f.title === 'Send two pricing options' || f.title === 'Share carrier volumes for 2026'
    )
    expect(fromIt.map((f) => f.conversationId)).toEqual([null, null])

    await user.click(within(toast).getByRole('button', { name: 'Undo' }))

    await findToast('“Pricing for the Q1 renewal” is back.')
    await waitFor(() =>
      expect(within(region('Conversations')).getByText('Pricing for the Q1 renewal')).toBeInTheDocument()
    )
    expect(fact('Last contact')).toHaveTextContent(`${shownDay(dayFromToday(-1))} (yesterday)`)
    expect(await readStoredText(journal.file)).toBe(before)
  })
})
