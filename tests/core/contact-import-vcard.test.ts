import { describe, expect, it } from 'vitest'
import { blankCandidate, bytes, contactFile, problemOf } from '../support/contacts.ts'
import { parseVCards } from '../../src/core/transfer/vcard.ts'

describe('vCard dialects', () => {
  it('reads a Google Contacts export (3.0): first email, escapes, city and country, no system groups', () => {
    expect(parseVCards(contactFile('google.vcf'))).toEqual([
      {
        line: 1,
        name: 'Ana García',
        company: 'Acme Logistics',
        role: 'CFO',
        email: 'ana.garcia@acme.example',
        phone: '+34 612 345 678',
        location: 'Madrid, Spain',
        note: 'Met at the Logistics Summit 2025, Madrid.\nPrefers WhatsApp to email.',
        tags: ['Clients', 'Q1 renewal']
      },
      {
        ...blankCandidate,
        line: 14,
        name: 'Nguyễn Văn An',
        company: 'Saigon Freight',
        role: 'Head of Operations',
        email: 'an.nguyen@saigonfreight.example',
        phone: '+84 28 3822 1234'
      },
      {
        ...blankCandidate,
        line: 24,
        name: "Siobhán O'Brien",
        email: 'siobhan@obrien-consulting.example',
        tags: ['Partners'],
        dates: [{ label: 'Birthday', value: '1984-03-17', line: 32 }]
      }
    ])
  })

  it('reads an Apple Contacts export: item groups, the preferred email, folded lines, a photo skipped', () => {
    expect(parseVCards(contactFile('apple.vcf'))).toEqual([
      {
        line: 1,
        name: 'Øyvind Hansen',
        company: 'Nordlys Shipping AS',
        role: 'Procurement Manager',
        email: 'oyvind.hansen@nordlys.example',
        phone: '+47 912 34 567',
        location: 'Bergen, Norway',
        note: 'Introduced by Kenji at Nor-Shipping. Likes long emails with a summary at the top.',
        tags: ['Shipping', 'Norway']
      },
      {
        ...blankCandidate,
        line: 23,
        name: '王伟',
        company: '深圳华通物流',
        role: '采购总监',
        email: 'wang.wei@huatong.example',
        phone: '+86 755 8888 1234',
        location: '深圳, China'
      },
      {
        ...blankCandidate,
        line: 36,
        name: 'Dr. Amara Okafor',
        company: 'Okafor, Bello & Partners',
        role: 'Partner; Head of Trade Law',
        email: 'amara@okaforbello.example',
        note: 'Two offices: Lagos and London.\nPath on the shared drive: C:\\Deals\\Okafor',
        tags: ['Legal', 'Nigeria, UK']
      }
    ])
  })

  it('reads an Outlook export: CRLF, quoted-printable in Windows-1252 and UTF-8, 2.1 bare PREF, N without FN', () => {
    expect(parseVCards(contactFile('outlook.vcf'))).toEqual([
      {
        line: 1,
        name: 'José Luis Fernández',
        company: 'Iberia Cargo Services',
        role: 'Director Comercial',
        email: 'jl.fernandez@iberiacargo.example',
        phone: '+34 600 111 222',
        location: 'Madrid, Spain',
        note: 'Conocí a José Luis en la feria SIL.\nPrefiere llamadas por la tarde.',
        tags: ['Clients', 'Spain']
      },
      {
        ...blankCandidate,
        line: 21,
        name: 'Dr. Jürgen Schmidt',
        company: 'Rheinfracht GmbH',
        role: 'Einkaufsleiter',
        email: 'j.schmidt@rheinfracht.example',
        phone: '+49 221 555 0199'
      }
    ])
  })

  it('reads vCard 4.0: PREF=1 wins, tel: URIs, ROLE as the role, quoted parameters holding ":"', () => {
    expect(parseVCards(contactFile('v4.vcf'))).toEqual([
      {
        line: 1,
        name: 'Priya Natarajan',
        company: 'Globex',
        role: 'VP Operations',
        email: 'priya@globex.example',
        phone: '+91-98450-12345',
        location: 'Bengaluru, India',
        note: 'Training for an ultra in March.',
        tags: ['Trail running', 'Operations']
      },
      {
        ...blankCandidate,
        line: 14,
        name: 'Kwame Mensah',
        company: 'Accra Agro Ltd.',
        email: 'kwame@accra-agro.example'
      }
    ])
  })

  it('builds the name from N when FN is missing, family first with no space for Chinese names', () => {
    const cards = parseVCards(
      bytes(
        'BEGIN:VCARD\nVERSION:3.0\nN:王;伟;;;\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nN:García Márquez;Gabriel;José;;Jr.\nEND:VCARD\n'
      )
    )
    expect(cards.map((c) => c.name)).toEqual(['王伟', 'Gabriel José García Márquez Jr.'])
  })

  it('accepts a UTF-8 byte-order mark, tabs as folding, and lower-case property names', () => {
    const text = '\uFEFFbegin:vcard\r\nversion:3.0\r\nfn:Ana\r\n\tGarcía\r\nnote:a\\\\b\r\nend:vcard\r\n'
    expect(parseVCards(bytes(text))).toEqual([{ ...blankCandidate, line: 1, name: 'AnaGarcía', note: 'a\\b' }])
  })
})

describe('broken vCard files import nothing and say which line', () => {
  it.each([
    ['latin1.vcf', 3, /^Line 3: this line is not valid UTF-8 text/],
    ['unterminated.vcf', 6, /^Line 6: this card never ends: the file stops before its END:VCARD\.$/],
    ['noname.vcf', 6, /^Line 6: this card has no name \(FN or N\)\.$/]
  ])('%s', (name, line, message) => {
    const problem = problemOf(() => parseVCards(contactFile(name)))
    expect(problem.line).toBe(line)
    expect(problem.message).toMatch(message)
  })

  it.each([
    ['a UTF-16 file', new Uint8Array([0xff, 0xfe, 0x42, 0x00]), 1, 'Line 1: the file is in UTF-16'],
    ['an empty file', new Uint8Array(), 1, 'Line 1: the file is empty.'],
    [
      'END without BEGIN',
      bytes('BEGIN:VCARD\nFN:Ana\nEND:VCARD\nEND:VCARD\n'),
      4,
      'Line 4: END:VCARD without a BEGIN:VCARD before it.'
    ],
    [
      'BEGIN inside a card',
      bytes('BEGIN:VCARD\nFN:Ana\nBEGIN:VCARD\nFN:Liam\nEND:VCARD\n'),
      1,
      'Line 1: this card never ends: END:VCARD is missing before the next card starts on line 3.'
    ],
    [
      'a line without ":"',
      bytes('BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEMAIL ana@acme.example\nEND:VCARD\n'),
      4,
      'Line 4: this line is not a vCard property: it has no “:” (“EMAIL ana@acme.example”).'
    ],
    [
      'text outside any card',
      bytes('Hello:there\nBEGIN:VCARD\nFN:Ana\nEND:VCARD\n'),
      1,
      'Line 1: this line is outside any card'
    ],
    ['no cards at all', bytes('\n\n'), 1, 'Line 1: there are no cards in this file'],
    [
      'a company too long',
      bytes(`BEGIN:VCARD\nFN:Ana\n\nORG:${'x'.repeat(201)}\nEND:VCARD\n`),
      4,
      'Line 4: the company is too long (201 characters; at most 200).'
    ],
    [
      'a phone too long',
      bytes(`BEGIN:VCARD\nFN:Ana\nTEL:${'1'.repeat(51)}\nEND:VCARD\n`),
      3,
      'Line 3: the phone number is too long (51 characters; at most 50).'
    ],
    ['a name too long', bytes(`BEGIN:VCARD\nFN:${'n'.repeat(201)}\nEND:VCARD\n`), 2, 'Line 2: the name is too long'],
    [
      'a note too long',
      bytes(`BEGIN:VCARD\nFN:Ana\nNOTE:${'n'.repeat(2001)}\nEND:VCARD\n`),
      3,
      'Line 3: the note is too long (2,001 characters; at most 2,000).'
    ],
    [
      'a bad email',
      bytes('BEGIN:VCARD\nFN:Ana\nEMAIL:ana at acme\nEND:VCARD\n'),
      3,
      'Line 3: the email address “ana at acme” does not look right.'
    ],
    [
      'a tag too long',
      bytes(`BEGIN:VCARD\nFN:Ana\nCATEGORIES:ok,${'t'.repeat(41)}\nEND:VCARD\n`),
      3,
      'Line 3: the tag'
    ],
    [
      'an unknown charset',
      bytes('BEGIN:VCARD\nFN;CHARSET=klingon;ENCODING=QUOTED-PRINTABLE:Q=E9\nEND:VCARD\n'),
      2,
      'Line 2: this line uses a character set Rapport does not know (“klingon”).'
    ],
    [
      'bad UTF-8 inside quoted-printable',
      bytes('BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:Jos=E9\nEND:VCARD\n'),
      2,
      'Line 2: this line is not valid utf-8 text'
    ]
  ])('%s', (_, input, line, start) => {
    const problem = problemOf(() => parseVCards(input))
    expect(problem.line).toBe(line)
    expect(problem.message.startsWith(start)).toBe(true)
  })

  it('refuses the whole file when only the last of many cards is broken', () => {
    const good = Array.from({ length: 50 }, (_, n) => `BEGIN:VCARD\nFN:Person ${n}\nEND:VCARD\n`).join('')
    const problem = problemOf(() => parseVCards(bytes(`${good}BEGIN:VCARD\nEMAIL:x@y.example\nEND:VCARD\n`)))
    expect(problem.message).toBe('Line 151: this card has no name (FN or N).')
  })
})
