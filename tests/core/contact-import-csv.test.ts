import { describe, expect, it } from 'vitest'
import { blankCandidate, bytes, contactFile, problemOf } from '../support/contacts.ts'
import type { ContactCandidate } from '../../src/core/transfer/contact-candidate.ts'
import { csvCandidates, guessMapping, parseCsv } from '../../src/core/transfer/csv.ts'

/** Parse, guess the columns from headers and rows, and read the candidates: what the import screen starts from. */
function readCsv(input: Uint8Array): ContactCandidate[] {
  const parsed = parseCsv(input)
  return csvCandidates(parsed, guessMapping(parsed.headers, parsed.rows))
}

describe('parsing CSV (RFC 4180)', () => {
  it('handles quoted fields, doubled quotes, separators and line breaks inside quotes, CRLF and LF', () => {
    const parsed = parseCsv(bytes('Name,Note\r\n"García, Ana","She said ""yes""\r\nthen left"\nLiam,plain\n'))
    expect(parsed).toEqual({
      headers: ['Name', 'Note'],
      rows: [
        ['García, Ana', 'She said "yes"\nthen left'],
        ['Liam', 'plain']
      ],
      lines: [2, 4],
      headerLine: 1
    })
  })

  it('detects the separator from the header line: comma, semicolon or tab', () => {
    expect(parseCsv(bytes('Name;Company\nAna;Acme, Inc\n')).rows).toEqual([['Ana', 'Acme, Inc']])
    expect(parseCsv(bytes('Name\tCompany\nAna\tAcme; Inc\n')).rows).toEqual([['Ana', 'Acme; Inc']])
    expect(parseCsv(bytes('"Name;with;semicolons",Company\nAna,Acme\n')).headers).toEqual([
      'Name;with;semicolons',
      'Company'
    ])
  })

  it('strips the UTF-8 byte-order mark Excel writes, and keeps a last line without a line break', () => {
    const parsed = parseCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Name,Email\nAna,ana@acme.example')]))
    expect(parsed.headers).toEqual(['Name', 'Email'])
    expect(parsed.rows).toEqual([['Ana', 'ana@acme.example']])
  })

  it('skips LinkedIn’s "Notes:" preamble and counts lines from the top of the file', () => {
    const parsed = parseCsv(contactFile('linkedin.csv'))
    expect(parsed.headerLine).toBe(4)
    expect(parsed.headers).toEqual([
      'First Name',
      'Last Name',
      'URL',
      'Email Address',
      'Company',
      'Position',
      'Connected On'
    ])
    expect(parsed.lines).toEqual([5, 6, 7])
  })
})

describe('guessing the columns', () => {
  it('knows Google, Outlook and LinkedIn headers', () => {
    const google = parseCsv(contactFile('google.csv'))
    const at = (headers: string[], name: string) => headers.indexOf(name)
    expect(guessMapping(google.headers, google.rows)).toEqual({
      name: at(google.headers, 'Name'),
      firstName: at(google.headers, 'Given Name'),
      lastName: at(google.headers, 'Family Name'),
      company: at(google.headers, 'Organization 1 - Name'),
      role: at(google.headers, 'Organization 1 - Title'),
      email: at(google.headers, 'E-mail 1 - Value'),
      phone: at(google.headers, 'Phone 1 - Value'),
      // Google's own "Location" column is empty in this export, so the city column is used.
      location: at(google.headers, 'Address 1 - City'),
      note: at(google.headers, 'Notes'),
      tags: at(google.headers, 'Group Membership')
    })
    const outlook = parseCsv(contactFile('outlook.csv')).headers
    expect(guessMapping(outlook)).toMatchObject({
      firstName: at(outlook, 'First Name'),
      lastName: at(outlook, 'Last Name'),
      company: at(outlook, 'Company'),
      role: at(outlook, 'Job Title'),
      email: at(outlook, 'E-mail Address'),
      phone: at(outlook, 'Business Phone'),
      location: at(outlook, 'Business City'),
      tags: at(outlook, 'Categories')
    })
    expect(
      guessMapping(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'])
    ).toEqual({ firstName: 0, lastName: 1, email: 3, company: 4, role: 5 })
  })

  it('with rows, takes the phone column filled in most often (Outlook’s mobile over business)', () => {
    const parsed = parseCsv(bytes('First Name,Business Phone,Mobile Phone\nAna,,+34 600\nLiam,,+353 87\nMai,+84 28,\n'))
    expect(guessMapping(parsed.headers).phone).toBe(1)
    expect(guessMapping(parsed.headers, parsed.rows).phone).toBe(2)
  })

  it('never reads Outlook’s honorific "Title" column as the job title when "Job Title" is there', () => {
    expect(guessMapping(['Title', 'First Name', 'Job Title']).role).toBe(2)
    expect(guessMapping(['Name', 'Title']).role).toBe(1)
  })
})

describe('CSV dialects', () => {
  it('reads a Google export: name or given + family, labels without system groups, multi-line notes', () => {
    expect(readCsv(contactFile('google.csv'))).toEqual([
      {
        line: 2,
        name: 'Ana García',
        company: 'Acme Logistics',
        role: 'CFO',
        email: 'ana.garcia@acme.example',
        phone: '+34 612 345 678',
        location: 'Madrid',
        note: 'Met at the Logistics Summit 2025.',
        tags: ['Clients']
      },
      {
        ...blankCandidate,
        line: 3,
        name: '王伟',
        company: '深圳华通物流',
        role: '采购总监',
        email: 'wang.wei@huatong.example',
        location: '深圳'
      },
      {
        ...blankCandidate,
        line: 4,
        name: "Liam O'Brien",
        company: "O'Brien Freight, Ltd.",
        role: 'Owner',
        email: 'liam@obrien-freight.example',
        note: 'Prefers email.\nAsk how his daughter\'s "big" match went.',
        tags: ['Partners', 'Ireland']
      },
      // Line 6 is an empty row (only commas) and is skipped.
      {
        ...blankCandidate,
        line: 7,
        name: 'Nguyễn Thị Mai',
        company: 'Saigon Freight',
        role: 'Logistics Analyst',
        email: 'mai.nguyen@saigonfreight.example'
      }
    ])
  })

  it('reads an Outlook export with a BOM and CRLF, first + last name, Categories split on ";"', () => {
    expect(readCsv(contactFile('outlook.csv'))).toEqual([
      {
        ...blankCandidate,
        line: 2,
        name: 'José Luis Fernández',
        company: 'Iberia Cargo Services',
        role: 'Director Comercial',
        email: 'jl.fernandez@iberiacargo.example',
        phone: '+34 600 111 222',
        location: 'Madrid',
        tags: ['Clients', 'Spain']
      },
      {
        ...blankCandidate,
        line: 3,
        name: 'Jürgen Schmidt',
        company: 'Rheinfracht GmbH',
        role: 'Einkaufsleiter',
        email: 'j.schmidt@rheinfracht.example',
        phone: '+49 170 555 0199',
        location: 'Köln',
        note: 'Met at transport logistic, Munich.\nSpeaks German and English.'
      }
    ])
  })

  it('reads a LinkedIn export, where most emails are missing', () => {
    expect(readCsv(contactFile('linkedin.csv'))).toEqual([
      {
        ...blankCandidate,
        line: 5,
        name: 'Øyvind Hansen',
        company: 'Nordlys Shipping AS',
        role: 'Procurement Manager'
      },
      {
        ...blankCandidate,
        line: 6,
        name: 'Amara Okafor',
        company: 'Okafor, Bello & Partners',
        role: 'Partner',
        email: 'amara@okaforbello.example'
      },
      { ...blankCandidate, line: 7, name: 'Chen Jing', company: 'Pacific Reefer Lines', role: 'VP, Sales APAC' }
    ])
  })

  it('reads a semicolon-separated sheet from a European Excel', () => {
    expect(readCsv(contactFile('semicolon.csv'))).toEqual([
      {
        ...blankCandidate,
        line: 2,
        name: 'Björk Guðmundsdóttir',
        company: 'Norðurljós ehf.',
        email: 'bjork@nordurljos.example',
        phone: '+354 555 1234',
        location: 'Reykjavík',
        tags: ['Clients', 'Iceland']
      },
      {
        ...blankCandidate,
        line: 3,
        name: 'Zoë Müller',
        company: 'Müller, Schmidt & Co',
        email: 'zoe@mueller-schmidt.example',
        location: 'Zürich',
        tags: ['Prospects', 'DACH']
      }
    ])
  })

  it('uses only the columns the person chose', () => {
    const parsed = parseCsv(contactFile('semicolon.csv'))
    expect(csvCandidates(parsed, { name: 0, location: 1 })[0]).toEqual({
      ...blankCandidate,
      line: 2,
      name: 'Björk Guðmundsdóttir',
      location: 'Norðurljós ehf.'
    })
  })
})

describe('broken CSV files import nothing and say which line', () => {
  it.each([
    ['broken-quote.csv', 3, 'Line 3: a quoted value starts on this line but its closing quote (") is missing.'],
    ['utf16.csv', 1, 'Line 1: the file is in UTF-16, not UTF-8. Save or export it again as UTF-8 and import that.']
  ])('%s', (name, line, message) => {
    const problem = problemOf(() => readCsv(contactFile(name)))
    expect([problem.line, problem.message]).toEqual([line, message])
  })

  it.each([
    [
      'Latin-1 bytes',
      new Uint8Array([...bytes('Name\nAna\nJos'), 0xe9, ...bytes('\n')]),
      3,
      'Line 3: this line is not valid UTF-8 text'
    ],
    ['a UTF-16 big-endian file', new Uint8Array([0xfe, 0xff, 0x00, 0x4e]), 1, 'Line 1: the file is in UTF-16'],
    [
      'a row with no name',
      bytes('Name,Email\nAna,ana@acme.example\n,someone@example.com\n'),
      3,
      'Line 3: this row has no name.'
    ],
    [
      'a bad email',
      bytes('Name,Email\nAna,ana(at)acme\n'),
      2,
      'Line 2: the email address “ana(at)acme” does not look right.'
    ],
    [
      'a company too long',
      bytes(`Name,Company\nAna,${'c'.repeat(201)}\n`),
      2,
      'Line 2: the company is too long (201 characters; at most 200).'
    ],
    [
      'too many tags',
      bytes(`Name,Tags\nAna,"${Array.from({ length: 31 }, (_, n) => `t${n}`).join(',')}"\n`),
      2,
      'Line 2: there are 31 tags; a person has at most 30.'
    ],
    ['no name column', bytes('Company,Email\nAcme,ana@acme.example\n'), 1, 'Line 1: no column is chosen for the name'],
    ['only blank lines', bytes('\n\n\n'), 1, 'Line 1: there is nothing in this file']
  ])('%s', (_, input, line, start) => {
    const problem = problemOf(() => readCsv(input))
    expect(problem.line).toBe(line)
    expect(problem.message.startsWith(start)).toBe(true)
  })

  it('names the line where a multi-line quoted value opened, after earlier multi-line rows', () => {
    const problem = problemOf(() => parseCsv(bytes('Name,Note\nAna,"two\nlines"\nLiam,"never\nclosed\n')))
    expect(problem.line).toBe(4)
  })
})
