import { describe, expect, it } from 'vitest'
import { blankCandidate, bytes, problemOf } from '../support/contacts.ts'
import { parseVCards } from '../../src/core/transfer/vcard.ts'

describe('reading vCards', () => {
  it('builds the name from N when FN is missing, family first with no space for Chinese names', () => {
    const { candidates: cards } = parseVCards(
      bytes(
        'BEGIN:VCARD\nVERSION:3.0\nN:王;伟;;;\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nN:García Márquez;Gabriel;José;;Jr.\nEND:VCARD\n'
      )
    )
    expect(cards.map((c) => c.name)).toEqual(['王伟', 'Gabriel José García Márquez Jr.'])
  })

  it('accepts a UTF-8 byte-order mark, tabs as folding, and lower-case property names', () => {
    const text = '\uFEFFbegin:vcard\r\nversion:3.0\r\nfn:Ana\r\n\tGarcía\r\nnote:a\\\\b\r\nend:vcard\r\n'
    expect(parseVCards(bytes(text)).candidates).toEqual([
      { ...blankCandidate, line: 1, name: 'AnaGarcía', note: 'a\\b' }
    ])
  })

  it('unfolds on the bytes before decoding, so a fold inside a letter joins it back (RFC 6350 §3.2)', () => {
    const name = new TextEncoder().encode('FN:Дмитрий')
    // "Д" is D0 94: the fold falls between its two bytes.
    const folded = new Uint8Array([
      ...bytes('BEGIN:VCARD\r\n'),
      ...name.subarray(0, 4),
      ...bytes('\r\n '),
      ...name.subarray(4),
      ...bytes('\r\nEND:VCARD\r\n')
    ])
    expect(parseVCards(folded).candidates.map((c) => c.name)).toEqual(['Дмитрий'])
  })

  it('takes CR, LF, CR LF and CR CR LF as line ends, and keeps a photo folded across CR CR LF out of the way', () => {
    for (const end of ['\r', '\n', '\r\n', '\r\r\n']) {
      const card = [
        'BEGIN:VCARD',
        'FN:Ana García',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ',
        ' SkZJRgAB',
        'EMAIL:ana@acme.example',
        'END:VCARD',
        ''
      ]
      expect(parseVCards(bytes(card.join(end))).candidates).toEqual([
        { ...blankCandidate, line: 1, name: 'Ana García', email: 'ana@acme.example' }
      ])
    }
  })

  it('joins quoted-printable soft breaks, also when the next line is folded as well', () => {
    const card = 'BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Jos=\n=C3=A9 Gar=\n c=C3=ADa\nEND:VCARD\n'
    expect(parseVCards(bytes(card)).candidates[0]!.name).toBe('José García')
  })

  it('honours each value’s CHARSET, and reads undeclared non-UTF-8 text as Windows-1252 with a warning', () => {
    const card = new Uint8Array([
      ...bytes('BEGIN:VCARD\nFN;CHARSET=ISO-8859-7:'),
      0xc1,
      0xed,
      0xe4,
      0xf1,
      0xdd,
      0xe1,
      0xf2,
      ...bytes('\nNOTE:Caf'),
      0xe9,
      ...bytes('\nEND:VCARD\n')
    ])
    const read = parseVCards(card)
    expect(read.candidates).toEqual([
      {
        ...blankCandidate,
        line: 1,
        name: 'Ανδρέας',
        note: 'Café',
        warnings: ['Line 3 is not UTF-8 text: it was read as Windows-1252.']
      }
    ])
    expect(read.notices).toEqual([
      expect.stringMatching(/^Some text in this file is not UTF-8 \(the first on line 3\)/)
    ])
  })

  it('reads a value in an unknown character set as UTF-8, saying so', () => {
    const read = parseVCards(bytes('BEGIN:VCARD\nFN;CHARSET=klingon;ENCODING=QUOTED-PRINTABLE:Q=C3=A9\nEND:VCARD\n'))
    expect(read.candidates[0]).toMatchObject({
      name: 'Qé',
      warnings: ['Line 2 uses a character set Rapport does not know (“klingon”).']
    })
  })

  it('keeps every email and phone, the preferred first, without repeats, and an invalid address as written', () => {
    const card = [
      'BEGIN:VCARD',
      'FN:Ana García',
      'EMAIL:ana at acme',
      'EMAIL;TYPE=HOME:ana@home.example',
      'EMAIL;TYPE=WORK,PREF:"Ana García" <ana@acme.example>',
      'EMAIL:mailto:ANA@acme.example',
      'TEL:+34 600 111 222',
      'TEL;PREF=1:tel:+34 91 555 0101',
      'TEL:+34600111222',
      'END:VCARD'
    ].join('\n')
    expect(parseVCards(bytes(card)).candidates[0]).toEqual({
      ...blankCandidate,
      line: 1,
      name: 'Ana García',
      email: 'ana@acme.example',
      otherEmails: ['ana at acme', 'ana@home.example'],
      phone: '+34 91 555 0101',
      otherPhones: ['+34 600 111 222'],
      warnings: ['“ana at acme” does not look like an email address: it is kept as written, with the other emails.']
    })
  })

  it('names a card without FN or N after its company, then its email (or the name beside it), then its phone', () => {
    const cards = [
      'BEGIN:VCARD\nN:;;;;\nORG:Acme Logistics;Sales\nEMAIL:sales@acme.example\nEND:VCARD',
      'BEGIN:VCARD\nEMAIL:"Omega" <omega@omega.example>\nEND:VCARD',
      'BEGIN:VCARD\nEMAIL:info@globex.example\nEND:VCARD',
      'BEGIN:VCARD\nTEL:+1 555 0100\nEND:VCARD'
    ].join('\n')
    expect(parseVCards(bytes(cards)).candidates.map((c) => [c.name, c.nameFrom])).toEqual([
      ['Acme Logistics', 'company'],
      ['Omega', 'email'],
      ['info@globex.example', 'email'],
      ['+1 555 0100', 'phone']
    ])
  })
})

describe('a card that cannot be read is listed, and the others are imported', () => {
  const good = (n: number) => `BEGIN:VCARD\nFN:Person ${n}\nEND:VCARD\n`

  it.each([
    [
      'nothing to go by',
      'BEGIN:VCARD\nNOTE:met at the fair\nEND:VCARD\n',
      'this card has no name, company, email or phone to go by.'
    ],
    [
      'a company too long',
      `BEGIN:VCARD\nFN:Ana\nORG:${'x'.repeat(201)}\nEND:VCARD\n`,
      'the company is too long (201 characters; at most 200).'
    ],
    [
      'a phone too long',
      `BEGIN:VCARD\nFN:Ana\nTEL:${'1'.repeat(51)}\nEND:VCARD\n`,
      'a phone number is too long (51 characters; at most 50).'
    ],
    [
      'a name too long',
      `BEGIN:VCARD\nFN:${'n'.repeat(201)}\nEND:VCARD\n`,
      'the name is too long (201 characters; at most 200).'
    ],
    [
      'a note too long',
      `BEGIN:VCARD\nFN:Ana\nNOTE:${'n'.repeat(2001)}\nEND:VCARD\n`,
      'the note is too long (2,001 characters; at most 2,000).'
    ],
    [
      'a tag too long',
      `BEGIN:VCARD\nFN:Ana\nCATEGORIES:ok,${'t'.repeat(41)}\nEND:VCARD\n`,
      `the tags: “${'t'.repeat(30)}…” is longer than 40 characters.`
    ],
    [
      '31 tags',
      `BEGIN:VCARD\nFN:Ana\nCATEGORIES:${Array.from({ length: 31 }, (_, n) => `t${n}`).join(',')}\nEND:VCARD\n`,
      'there are 31 of the tags; a person has at most 30.'
    ]
  ])('%s: listed with its line, reason and text', (_, card, reason) => {
    const read = parseVCards(bytes(`${good(1)}${card}${good(2)}`))
    expect(read.candidates.map((c) => c.name)).toEqual(['Person 1', 'Person 2'])
    // The record's text as in the file, cut after 2,000 characters (the long note).
    const raw = card.trimEnd().length > 2000 ? `${card.slice(0, 2000)}…` : card.trimEnd()
    expect(read.skipped).toEqual([{ line: 4, reason, raw }])
  })

  it('lists text outside any card and an END:VCARD without a BEGIN, and reads a nested card as a contact of its own', () => {
    const read = parseVCards(
      bytes(
        `stray text\n${good(1)}END:VCARD\nBEGIN:VCARD\nFN:Ana\nBEGIN:VCARD\nFN:Liam\nEND:VCARD\nEMAIL:ana@acme.example\nEND:VCARD\n`
      )
    )
    expect(read.candidates.map((c) => [c.line, c.name, c.email])).toEqual([
      [2, 'Person 1', ''],
      [6, 'Ana', 'ana@acme.example'],
      [8, 'Liam', '']
    ])
    expect(read.skipped.map((s) => [s.line, s.raw])).toEqual([
      [1, 'stray text'],
      [5, 'END:VCARD']
    ])
  })

  it('ignores # comments, reads a bare "FN" as empty, and joins a value broken without folding', () => {
    const card =
      '# my contacts\nBEGIN:VCARD\nFN\nN:Okafor;Amara;;;\nNOTE:first line\nsecond line\nhello there: world\nEND:VCARD\n'
    const read = parseVCards(bytes(card))
    expect(read.candidates).toEqual([
      {
        ...blankCandidate,
        line: 2,
        name: 'Amara Okafor',
        note: 'first line\nsecond line',
        warnings: ['Line 7 is not a vCard property (no name before a “:”) and was left out.']
      }
    ])
  })

  it('imports 50 cards and lists the 51st, which has nothing to go by', () => {
    const cards = Array.from({ length: 50 }, (_, n) => good(n)).join('')
    const read = parseVCards(bytes(`${cards}BEGIN:VCARD\nNOTE:x\nEND:VCARD\n`))
    expect(read.candidates).toHaveLength(50)
    expect(read.skipped.map((s) => s.line)).toEqual([151])
  })
})

describe('a file with no card that can be read is refused whole', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'Line 1: the file is empty.'],
    ['no cards at all', bytes('\n\n'), 'Line 1: there are no cards in this file (no BEGIN:VCARD).'],
    [
      'only a card with nothing to go by',
      bytes('BEGIN:VCARD\nVERSION:3.0\nNOTE:hello\nEND:VCARD\n'),
      'Line 1: this card has no name, company, email or phone to go by. No contact in this file could be read.'
    ],
    [
      'text and no card',
      bytes('Hello:there\nName: Ana\n'),
      'Line 1: these lines are outside any card (a card goes from BEGIN:VCARD to END:VCARD). No contact in this file could be read.'
    ],
    [
      'two unreadable cards',
      bytes('BEGIN:VCARD\nNOTE:a\nEND:VCARD\nBEGIN:VCARD\nNOTE:b\nEND:VCARD\n'),
      'Line 1: this card has no name, company, email or phone to go by. No contact in this file could be read. 1 more could not be read either (from line 4).'
    ]
  ])('%s', (_, input, message) => {
    expect(problemOf(() => parseVCards(input)).message).toBe(message)
  })
})
