import { describe, expect, it } from 'vitest'
import { blankCandidate, bytes, contactFile, problemOf } from '../support/contacts.ts'
import type { ContactRead } from '../../src/core/transfer/contact-candidate.ts'
import { csvCandidates, guessMapping, parseCsv } from '../../src/core/transfer/csv.ts'

/** Parse, guess the columns from headers and rows, and read the candidates: what the import screen starts from. */
function readCsv(input: Uint8Array): ContactRead {
  const parsed = parseCsv(input)
  return csvCandidates(parsed, guessMapping(parsed.headers, parsed.rows))
}

describe('parsing CSV (RFC 4180)', () => {
  it('handles quoted fields, doubled quotes, separators and line breaks inside quotes, and any line end', () => {
    const parsed = parseCsv(
      bytes('Name,Note\r\n"García, Ana","She said ""yes""\r\nthen left"\nLiam,plain\r\r\nMai,x\rKo,y')
    )
    expect(parsed.headers).toEqual(['Name', 'Note'])
    expect(parsed.rows).toEqual([
      {
        fields: ['García, Ana', 'She said "yes"\nthen left'],
        line: 2,
        raw: '"García, Ana","She said ""yes""\r\nthen left"'
      },
      { fields: ['Liam', 'plain'], line: 4, raw: 'Liam,plain' },
      { fields: ['Mai', 'x'], line: 5, raw: 'Mai,x' },
      { fields: ['Ko', 'y'], line: 6, raw: 'Ko,y' }
    ])
  })

  it('detects the separator from the header line: comma, semicolon or tab', () => {
    expect(parseCsv(bytes('Name;Company\nAna;Acme, Inc\n')).rows[0]!.fields).toEqual(['Ana', 'Acme, Inc'])
    expect(parseCsv(bytes('Name\tCompany\nAna\tAcme; Inc\n')).rows[0]!.fields).toEqual(['Ana', 'Acme; Inc'])
    expect(parseCsv(bytes('"Name;with;semicolons",Company\nAna,Acme\n')).headers).toEqual([
      'Name;with;semicolons',
      'Company'
    ])
  })

  it('strips the UTF-8 byte-order mark Excel writes, and keeps a last line without a line break', () => {
    const parsed = parseCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Name,Email\nAna,ana@acme.example')]))
    expect(parsed.headers).toEqual(['Name', 'Email'])
    expect(parsed.rows.map((row) => row.fields)).toEqual([['Ana', 'ana@acme.example']])
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
    expect(parsed.rows.map((row) => row.line)).toEqual([5, 6, 7])
  })

  it('reads UTF-16 with or without a byte-order mark, and Windows-1252 with a notice', () => {
    const text = 'Name,Company\nZoë,Ørsted\n'
    const le = new Uint8Array(Buffer.from(text, 'utf16le'))
    const be = new Uint8Array(Buffer.from(text, 'utf16le').swap16())
    for (const input of [le, new Uint8Array([0xff, 0xfe, ...le]), be, new Uint8Array([0xfe, 0xff, ...be])]) {
      expect(parseCsv(input).rows[0]!.fields).toEqual(['Zoë', 'Ørsted'])
    }
    const legacy = parseCsv(new Uint8Array([...bytes('Name\nAna\nJos'), 0xe9, ...bytes('\n')]))
    expect(legacy.rows.map((row) => row.fields[0])).toEqual(['Ana', 'José'])
    expect(legacy.notices).toEqual([
      expect.stringMatching(/^Some text in this file is not UTF-8 \(the first on line 3\)/)
    ])
  })

  it('reads on after a quote that never closes, listing that row', () => {
    const parsed = parseCsv(bytes('Name,Note\nAna,"two\nlines"\nLiam,"never closed\nMai,fine\n'))
    expect(parsed.rows.map((row) => [row.line, row.fields[0]])).toEqual([
      [2, 'Ana'],
      [5, 'Mai']
    ])
    expect(parsed.broken).toEqual([
      {
        line: 4,
        reason: 'a quoted value starts on this line but its closing quote (") is missing.',
        raw: 'Liam,"never closed'
      }
    ])
  })
})

describe('guessing what each column is', () => {
  const guess = (headers: string[]) =>
    Object.fromEntries(guessMapping(headers).flatMap((field, i) => (field ? [[headers[i], field]] : [])))

  it('knows Google’s older and newer headers, never taking "File As" for the name', () => {
    const old = parseCsv(contactFile('google.csv'))
    expect(
      Object.fromEntries(guessMapping(old.headers, old.rows).flatMap((f, i) => (f ? [[old.headers[i], f]] : [])))
    ).toEqual({
      Name: 'name',
      'Given Name': 'firstName',
      'Additional Name': 'middleName',
      'Family Name': 'lastName',
      'Name Prefix': 'prefix',
      'Name Suffix': 'suffix',
      Notes: 'note',
      'Group Membership': 'tags',
      'E-mail 1 - Value': 'email',
      'E-mail 2 - Value': 'email',
      'Phone 1 - Value': 'phone',
      // Google's own "Location" column is empty in this export, so the city column is used.
      'Address 1 - City': 'location',
      'Organization 1 - Name': 'company',
      'Organization 1 - Title': 'role'
    })
    expect(
      guess(['First Name', 'Middle Name', 'Last Name', 'Name Prefix', 'Name Suffix', 'Nickname', 'File As', 'Labels'])
    ).toEqual({
      'First Name': 'firstName',
      'Middle Name': 'middleName',
      'Last Name': 'lastName',
      'Name Prefix': 'prefix',
      'Name Suffix': 'suffix',
      Labels: 'tags'
    })
  })

  it('knows Outlook: its "Title" is the honorific, every phone and e-mail column counts, fax and pager do not', () => {
    expect(
      guess([
        'Title',
        'First Name',
        'Job Title',
        'Business Fax',
        'Business Phone',
        'Business Phone 2',
        'Mobile Phone',
        'Pager',
        'E-mail Address',
        'E-mail Type',
        'E-mail Display Name',
        'E-mail 2 Address'
      ])
    ).toEqual({
      Title: 'prefix',
      'First Name': 'firstName',
      'Job Title': 'role',
      'Business Phone': 'phone',
      'Business Phone 2': 'phone',
      'Mobile Phone': 'phone',
      'E-mail Address': 'email',
      'E-mail 2 Address': 'email'
    })
    expect(guess(['Name', 'Title'])).toEqual({ Name: 'name', Title: 'role' })
  })

  it('knows LinkedIn', () => {
    expect(
      guessMapping(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'])
    ).toEqual(['firstName', 'lastName', null, 'email', 'company', 'role', null])
  })
})

describe('rows as contacts', () => {
  it('uses only the columns the person chose, and several email and phone columns in full', () => {
    const parsed = parseCsv(contactFile('semicolon.csv'))
    expect(csvCandidates(parsed, ['name', 'location', null, null, null, null]).candidates[0]).toEqual({
      ...blankCandidate,
      line: 2,
      name: 'Björk Guðmundsdóttir',
      location: 'Norðurljós ehf.'
    })
    const sheet = parseCsv(
      bytes(
        'Name,Mail,Mail 2,Tel\nAna,ana@acme.example ::: ana@home.example,"""Ana"" <a.g@x.example>",+34 600 ::: +34 91\n'
      )
    )
    expect(csvCandidates(sheet, ['name', 'email', 'email', 'phone']).candidates[0]).toEqual({
      ...blankCandidate,
      line: 2,
      name: 'Ana',
      email: 'ana@acme.example',
      otherEmails: ['ana@home.example', 'a.g@x.example'],
      phone: '+34 600',
      otherPhones: ['+34 91']
    })
  })

  it('joins the name from prefix, first, middle, last and suffix when there is no full name', () => {
    const sheet = parseCsv(bytes('Prefix,First,Middle,Last,Suffix\nDr.,Ludwig,van,Beethoven,Jr.\n'))
    expect(csvCandidates(sheet, ['prefix', 'firstName', 'middleName', 'lastName', 'suffix']).candidates[0]!.name).toBe(
      'Dr. Ludwig van Beethoven Jr.'
    )
  })

  it('names a row without a name after its company, email or phone, and lists a row with none of them', () => {
    const read = readCsv(
      bytes('Name,Company,Email,Phone,Notes\n,Acme,,,\n,,x@y.example,,\n,,,+1 555,\n,,,,just a note\n')
    )
    expect(read.candidates.map((c) => [c.line, c.name, c.nameFrom])).toEqual([
      [2, 'Acme', 'company'],
      [3, 'x@y.example', 'email'],
      [4, '+1 555', 'phone']
    ])
    expect(read.skipped).toEqual([
      { line: 5, reason: 'this row has no name, company, email or phone to go by.', raw: ',,,,just a note' }
    ])
  })

  it.each([
    [
      'a company too long',
      `Name,Company\nAna,${'c'.repeat(201)}\nLiam,Acme\n`,
      2,
      'the company is too long (201 characters; at most 200).'
    ],
    [
      'too many tags',
      `Name,Tags\nAna,"${Array.from({ length: 31 }, (_, n) => `t${n}`).join(',')}"\nLiam,x\n`,
      2,
      'there are 31 of the tags; a person has at most 30.'
    ]
  ])('lists a row the journal would refuse (%s) and imports the rest', (_, text, line, reason) => {
    const read = readCsv(bytes(text))
    expect(read.candidates.map((c) => c.name)).toEqual(['Liam'])
    expect(read.skipped).toEqual([{ line, reason, raw: text.split('\n')[1] }])
  })

  it('keeps an address that is not valid as written, with a warning', () => {
    expect(readCsv(bytes('Name,Email\nAna,ana(at)acme\n')).candidates[0]).toEqual({
      ...blankCandidate,
      line: 2,
      name: 'Ana',
      otherEmails: ['ana(at)acme'],
      warnings: ['“ana(at)acme” does not look like an email address: it is kept as written, with the other emails.']
    })
  })
})

describe('a CSV file with nothing to import is refused whole', () => {
  it.each([
    [
      'no column for a name, company, email or phone',
      'Notes,Tags\nhello,x\n',
      'Line 1: no column is chosen for the name'
    ],
    ['only blank lines', '\n\n\n', 'Line 1: there is nothing in this file'],
    ['a header and no rows', 'Name,Email\n', 'Line 1: there are no rows under the header line.'],
    [
      'rows with nothing to go by',
      'Name,Email,Connected On\n,,02 Jun 2022\n,,03 Jun 2022\n',
      'Line 2: this row has no name, company, email or phone to go by. No contact in this file could be read. 1 more could not be read either (from line 3).'
    ]
  ])('%s', (_, text, start) => {
    expect(problemOf(() => readCsv(bytes(text))).message.startsWith(start)).toBe(true)
  })
})
