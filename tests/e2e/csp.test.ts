/**
 * The built index.html must carry a strict policy and nothing that needs a weaker one. No browser: this
 * reads out/renderer/index.html as shipped. The validator is also run on weak policies, so a check that
 * silently passes everything would fail here.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { DEV_CSP, STRICT_CSP } from '../../csp.config.ts'
import { htmlProblems, metaPolicy, policyProblems } from './csp-check.ts'
import { assertRendererBuilt, RENDERER_INDEX } from './harness.ts'

describe('built index.html', () => {
  it('has a strict Content-Security-Policy, no inline scripts and nothing remote', async () => {
    assertRendererBuilt()
    const html = await readFile(RENDERER_INDEX, 'utf8')
    const policy = metaPolicy(html)
    expect(policy, 'one Content-Security-Policy meta tag').not.toBeNull()
    expect(policyProblems(policy!)).toEqual([])
    expect(policy).toBe(STRICT_CSP)
    expect(htmlProblems(html)).toEqual([])
    // The app's own script is still loaded, from this origin, as a module.
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[\w-]+\.js"><\/script>/)
  })
})

describe('the policy check', () => {
  it('passes the strict policy', () => {
    expect(policyProblems(STRICT_CSP)).toEqual([])
  })

  it.each([
    ["script-src 'self' 'unsafe-eval'", "script-src must be 'self', not “'self' 'unsafe-eval'”"],
    ["script-src 'self' 'unsafe-inline'", "script-src must be 'self', not “'self' 'unsafe-inline'”"],
    ["script-src 'self' https://cdn.example.com", 'script-src allows a remote source: https://cdn.example.com'],
    ["script-src 'self' https:", 'script-src allows a remote source: https:'],
    ['script-src *', 'script-src allows a remote source: *'],
    ["script-src 'self' data:", "script-src must be 'self', not “'self' data:”"],
    [
      "script-src-elem 'self' 'unsafe-inline'",
      "script-src-elem must be 'self' or 'none', not “'self' 'unsafe-inline'”"
    ],
    ["object-src 'self'", "object-src must be 'none', not “'self'”"],
    ['default-src *', 'default-src allows a remote source: *'],
    ["base-uri 'self'", "base-uri must be 'none', not “'self'”"],
    ["connect-src 'self' ws://localhost:*", 'connect-src allows a remote source: ws://localhost:*']
  ])('rejects %s', (weakening, problem) => {
    // The strict policy with one directive replaced (or added) by a weaker one.
    const name = weakening.split(' ')[0]!
    const rest = STRICT_CSP.split('; ').filter((directive) => !directive.startsWith(`${name} `))
    expect(policyProblems([...rest, weakening].join('; '))).toContain(problem)
  })

  it('rejects missing directives, repeats and the dev policy', () => {
    expect(policyProblems("default-src 'self'")).toEqual([
      'script-src is missing',
      'object-src is missing',
      'base-uri is missing'
    ])
    expect(policyProblems(`${STRICT_CSP}; script-src 'self'`)).toEqual(['script-src appears more than once'])
    expect(policyProblems(DEV_CSP)).not.toEqual([])
  })

  it('finds inline scripts, handlers and remote files in HTML', () => {
    const html = [
      '<head><script src="/early.js"></script>',
      `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">`,
      '<script>alert(1)</script><link rel="stylesheet" href="https://cdn.example.com/x.css">',
      '</head><body onload="go()"><img src="//tracker.example.com/p.gif"></body>'
    ].join('')
    expect(htmlProblems(html)).toEqual([
      '<script> comes before the policy',
      'inline script: alert(1)',
      'remote href on <link>: https://cdn.example.com/x.css',
      'inline handler onload on <body>',
      'remote src on <img>: //tracker.example.com/p.gif'
    ])
    expect(htmlProblems('<head></head>')).toEqual(['expected one Content-Security-Policy meta tag, found 0'])
  })
})
