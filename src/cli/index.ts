#!/usr/bin/env node
/**
 * The `rapport` command: the journal core without Electron, for terminals and scripts. Built with the app
 * into out/main/cli.js; it must never import electron.
 */
import { runCli } from './run.ts'

// `rapport search x | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await runCli(process.argv.slice(2))
