/** The naive design the index replaces: fuse.js over every field of every item, for comparison. */
import Fuse from 'fuse.js'
import type { Journal } from '../src/shared/schema/journal.ts'
import { percentile, time } from './measure.ts'

export function fuseBaseline(
  journal: Journal,
  queries: readonly string[]
): { queryMedianMs: number; queryP95Ms: number } {
  const docs = [
    ...journal.people.map((p) => ({
      name: p.name,
      company: p.company,
      role: p.role,
      title: '',
      body: `${p.drives} ${p.lifeOutsideWork}`
    })),
    ...journal.interests.map((i) => ({ name: '', company: '', role: '', title: i.label, body: i.note })),
    ...journal.conversations.map((c) => ({ name: '', company: '', role: '', title: c.title, body: c.body })),
    ...journal.challenges.map((c) => ({ name: '', company: '', role: '', title: c.title, body: c.detail })),
    ...journal.followUps.map((f) => ({ name: '', company: '', role: '', title: f.title, body: '' }))
  ]
  const fuse = new Fuse(docs, {
    keys: ['name', 'company', 'role', 'title', 'body'],
    ignoreLocation: true,
    threshold: 0.3
  })
  const samples = queries.map((q) => time(() => fuse.search(q, { limit: 20 })).ms)
  return { queryMedianMs: percentile(samples, 50), queryP95Ms: percentile(samples, 95) }
}
