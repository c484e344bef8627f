#!/usr/bin/env node
// The `rapport` command's entry: the command line is built with the app into out/main/cli.js. Before a
// build (or on a Node too old for it) this says so in one line instead of Node's module-not-found stack.
import { existsSync } from 'node:fs'

const cli = new URL('../out/main/cli.js', import.meta.url)
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  process.stderr.write(
    `rapport: needs Node.js 24 or newer (this is ${process.version}); run it with \`npm run -s rapport -- …\`, which uses the Node 24 the project installs.\n`
  )
  process.exit(2)
}
if (!existsSync(cli)) {
  process.stderr.write('rapport: the command line is not built yet. Run `npm run build` once, then try again.\n')
  process.exit(2)
}
await import(cli.href)
