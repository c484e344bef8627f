/**
 * Checks for the built renderer's HTML and its Content-Security-Policy. Each returns a list of problems in
 * words (empty when all is well), so a failing test says what regressed, not just that something did.
 * The HTML is Vite's own small output, so a tag scanner is enough; no HTML parser is among our dependencies.
 */

export type Policy = Map<string, string[]>

export function parsePolicy(policy: string): { directives: Policy; duplicates: string[] } {
  const directives: Policy = new Map()
  const duplicates: string[] = []
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean)
    if (!name) continue
    const key = name.toLowerCase()
    // Browsers ignore a repeated directive, so a second, stricter copy would only look safe.
    if (directives.has(key)) duplicates.push(key)
    else directives.set(key, sources)
  }
  return { directives, duplicates }
}

/** Sources that stay on this machine; anything else (a host, a scheme like https:, or *) is remote. */
const LOCAL_SOURCE =
  /^('self'|'none'|'unsafe-inline'|'unsafe-eval'|'wasm-unsafe-eval'|'strict-dynamic'|'unsafe-hashes'|'(nonce|sha256|sha384|sha512)-[^']+'|data:|blob:)$/i

function exactly(directives: Policy, name: string, allowed: string[]): string[] {
  const sources = directives.get(name)
  if (!sources) return [`${name} is missing`]
  if (sources.length === 1 && allowed.includes(sources[0]!)) return []
  return [`${name} must be ${allowed.join(' or ')}, not “${sources.join(' ')}”`]
}

export function policyProblems(policy: string): string[] {
  const { directives, duplicates } = parsePolicy(policy)
  const problems = duplicates.map((name) => `${name} appears more than once`)
  problems.push(...exactly(directives, 'default-src', ["'none'", "'self'"]))
  problems.push(...exactly(directives, 'script-src', ["'self'"]))
  problems.push(...exactly(directives, 'object-src', ["'none'"]))
  problems.push(...exactly(directives, 'base-uri', ["'none'"]))
  for (const [name, sources] of directives) {
    // script-src-elem and script-src-attr override script-src, so they must be no looser.
    if (name.startsWith('script-src-')) problems.push(...exactly(directives, name, ["'self'", "'none'"]))
    for (const source of sources) {
      if (!LOCAL_SOURCE.test(source)) problems.push(`${name} allows a remote source: ${source}`)
    }
  }
  return problems
}

export interface Tag {
  name: string
  attributes: Map<string, string>
  /** Offset in the HTML, to check what comes before what. */
  at: number
}

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g

function decode(value: string): string {
  return value.replace(
    /&(quot|#39|apos|lt|gt|amp);/g,
    (_, entity: string) => ({ quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>', amp: '&' })[entity]!
  )
}

export function scanTags(html: string): Tag[] {
  return [...html.matchAll(TAG)].map((match) => ({
    name: match[1]!.toLowerCase(),
    attributes: new Map(
      [...(match[2] ?? '').matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? '')])
    ),
    at: match.index
  }))
}

const isCspMeta = (tag: Tag) =>
  tag.name === 'meta' && tag.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy'

/** The policy from the page's one CSP meta tag, or null when there is not exactly one. */
export function metaPolicy(html: string): string | null {
  const metas = scanTags(html).filter(isCspMeta)
  return metas.length === 1 ? (metas[0]!.attributes.get('content') ?? null) : null
}

export function htmlProblems(html: string): string[] {
  const problems: string[] = []
  const tags = scanTags(html)
  const metas = tags.filter(isCspMeta)
  if (metas.length !== 1) problems.push(`expected one Content-Security-Policy meta tag, found ${metas.length}`)
  // A meta policy only covers what comes after it.
  const firstLoad = tags.find((tag) => tag.name === 'script' || tag.name === 'link' || tag.name === 'style')
  if (metas[0] && firstLoad && firstLoad.at < metas[0].at) problems.push(`<${firstLoad.name}> comes before the policy`)
  for (const match of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    if (match[1]!.trim() !== '') problems.push(`inline script: ${match[1]!.trim().slice(0, 60)}`)
  }
  for (const tag of tags) {
    for (const [name, value] of tag.attributes) {
      if ((name === 'src' || name === 'href') && /^\s*(https?:)?\/\//i.test(value))
        problems.push(`remote ${name} on <${tag.name}>: ${value}`)
      if (name.startsWith('on')) problems.push(`inline handler ${name} on <${tag.name}>`)
    }
    if (tag.name === 'style') problems.push('inline <style> block')
  }
  return problems
}
