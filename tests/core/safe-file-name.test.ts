import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_STEM_BYTES, MAX_STEM_UNITS, safeFileName, uniqueNames } from '../../src/core/transfer/safe-file-name.ts'
import { stemProblem } from './file-name-rules.ts'

describe('safeFileName', () => {
  it.each([
    ['Ana García', 'Ana García'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..', 'Unnamed'],
    ['a/b\\c', 'a_b_c'],
    ['Re: <deal> "big" | maybe? *yes*', 'Re_ _deal_ _big_ _ maybe_ _yes_'],
    ['CON', 'CON_'],
    ['con.txt', 'con_.txt'],
    ['Lpt9', 'Lpt9_'],
    ['COM¹', 'COM¹_'],
    ['nul .backup', 'nul_ .backup'],
    ['CONSTANCE', 'CONSTANCE'],
    ['Ana\u0000\u0007 García', 'Ana García'],
    ['Ana\nGarcía\tCFO', 'Ana García CFO'],
    ['  ..hidden...  ', 'hidden'],
    ['evil\u202Edm.exe', 'evildm.exe'],
    ['', 'Unnamed'],
    ['\u0001\u0002', 'Unnamed'],
    ['Ana 👩‍💻', 'Ana 👩‍💻']
  ])('%j → %j', (name, stem) => {
    expect(safeFileName(name)).toBe(stem)
  })

  it('keeps Windows-reserved names usable whatever the case', () => {
    for (const name of ['con', 'Prn', 'AUX', 'nul', 'COM1', 'lpt3', 'CONIN$', 'aux.tar.gz']) {
      expect(stemProblem(safeFileName(name))).toBe('')
    }
  })

  it('shortens long names to 120 UTF-16 units without splitting a surrogate pair', () => {
    const stem = safeFileName(`${'a'.repeat(119)}😀 tail`)
    expect(stem).toBe('a'.repeat(119))
    const emoji = safeFileName('😀'.repeat(100))
    expect(emoji.length).toBeLessThanOrEqual(MAX_STEM_UNITS)
    expect(emoji).toBe('😀'.repeat(emoji.length / 2))
  })

  it('keeps names short enough in bytes for 255-byte file systems', () => {
    const stem = safeFileName('漢'.repeat(200))
    expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(MAX_STEM_BYTES)
    expect(stem).toBe('漢'.repeat(60))
  })

  it('never returns an unsafe stem, whatever the name (property)', () => {
    const hostile = fc.constantFrom(
      '../',
      '..\\',
      'CON',
      'con.md',
      'a/b\\c',
      '\u0000',
      '.',
      ' . ',
      '😀',
      '\ud800',
      'COM1 ',
      '*?'
    )
    const name = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.oneof(hostile, fc.string({ unit: 'grapheme' })), { maxLength: 12 }).map((parts) => parts.join(''))
    )
    fc.assert(
      fc.property(name, (n) => {
        const stem = safeFileName(n)
        expect(stemProblem(stem)).toBe('')
        expect(safeFileName(stem)).toBe(stem)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('uniqueNames', () => {
  it('numbers later duplicates, ignoring case', () => {
    expect(uniqueNames(['Ana Garcia', 'ana garcia', 'Bo', 'ANA GARCIA'])).toEqual([
      'Ana Garcia',
      'ana garcia (2)',
      'Bo',
      'ANA GARCIA (3)'
    ])
  })

  it('lets a name that already ends in a number keep it', () => {
    expect(uniqueNames(['Ana', 'Ana', 'Ana (2)'])).toEqual(['Ana', 'Ana (3)', 'Ana (2)'])
  })

  it('treats composed and decomposed accents as the same name', () => {
    expect(uniqueNames(['José', 'Jose\u0301'])).toEqual(['José', 'Jose\u0301 (2)'])
  })

  it('stays within the length limit when numbering a long name', () => {
    const long = safeFileName('x'.repeat(200))
    const [, second] = uniqueNames([long, long])
    expect(second).toMatch(/ \(2\)$/)
    expect(stemProblem(second!)).toBe('')
  })

  it('always gives unique, safe stems (property)', () => {
    const stems = fc
      .array(
        fc.oneof(
          fc.constantFrom('Ana', 'ana', 'ANA', 'Ana (2)', 'CON', 'con'),
          fc.string({ unit: 'grapheme', maxLength: 130 })
        ),
        { maxLength: 30 }
      )
      .map((names) => names.map(safeFileName))
    fc.assert(
      fc.property(stems, (list) => {
        const named = uniqueNames(list)
        expect(named).toHaveLength(list.length)
        expect(new Set(named.map((s) => s.normalize('NFC').toLowerCase())).size).toBe(named.length)
        for (const s of named) expect(stemProblem(s)).toBe('')
      }),
      { numRuns: 500 }
    )
  })
})
