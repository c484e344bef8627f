/**
 * The harness's server stands in for Electron's file loading and IPC; if it served files from outside
 * out/renderer or with wrong types, the browser tests would prove less than they claim.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertRendererBuilt, makeTempDir, removeDir, startApp } from './harness.ts'
import type { RunningApp } from './harness.ts'

let app: RunningApp

beforeAll(async () => {
  assertRendererBuilt()
  app = await startApp(await makeTempDir('rapport-e2e-server-'))
})
afterAll(async () => {
  await app?.close()
  if (app) await removeDir(app.dir)
})

/** A raw request: unlike fetch, node:http sends the path exactly as written, `..` and all. */
function raw(method: string, path: string, body?: string): Promise<{ status: number; type: string; text: string }> {
  const { hostname, port } = new URL(app.url)
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, method, path }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }))
    })
    req.on('error', fail)
    req.end(body)
  })
}

describe('e2e server', () => {
  it('serves the built renderer with the right content types', async () => {
    const index = await raw('GET', '/')
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(index.text)?.[1]
    const style = /href="\.\/(assets\/[^"]+\.css)"/.exec(index.text)?.[1]
    expect(await raw('GET', `/${script}`)).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' })
    expect(await raw('GET', `/${style}`)).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' })
    expect((await raw('GET', '/no-such-file.js')).status).toBe(404)
  })

  it.each([
    '/../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/assets%5c..%5c..%5cpackage.json'
  ])('refuses path traversal: %s', async (path) => {
    const response = await raw('GET', path)
    expect(response.status).toBe(404)
    expect(response.text).not.toContain('"name": "rapport"')
  })

  it('answers API calls through dispatch, and nothing else', async () => {
    expect(JSON.parse((await raw('POST', '/api/listPeople', '{}')).text)).toEqual({ ok: true, value: [] })
    expect(JSON.parse((await raw('POST', '/api/noSuchCall', '{}')).text)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(JSON.parse((await raw('POST', '/api/createPerson', '{"person":{"name":""}}')).text)).toMatchObject({
      ok: false
    })
    expect((await raw('POST', '/api/listPeople', 'not json')).status).toBe(400)
    expect((await raw('GET', '/api/listPeople')).status).toBe(405)
    expect(app.failedCalls).toEqual([
      expect.stringMatching(/^noSuchCall: invalid-input: /),
      expect.stringMatching(/^createPerson: invalid-input: /)
    ])
  })
})
