/** No broken internal link anywhere in the built site, in any language. */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...(await htmlFiles(full)))
    else if (e.name.endsWith('.html')) out.push(full)
  }
  return out
}

describe('internal links', () => {
  it('all resolve to a file in dist/', async () => {
    const dist = inject('siteDir')
    const files = await htmlFiles(dist)
    expect(files.length).toBeGreaterThan(1000)
    const broken: string[] = []
    let checked = 0
    for (const file of files) {
      const html = await readFile(file, 'utf8')
      for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (!url!.startsWith('/') || url!.startsWith('//')) continue
        const clean = decodeURI(url!.split(/[?#]/)[0]!)
        const target = path.join(dist, clean)
        checked++
        const found = clean.endsWith('/') ? existsSync(path.join(target, 'index.html')) : existsSync(target) || existsSync(path.join(target, 'index.html'))
        if (!found) broken.push(`${path.relative(dist, file)} → ${url}`)
      }
    }
    expect(broken).toEqual([])
    // A sanity check that the pages were really read: thousands of links across 21 languages.
    expect(checked).toBeGreaterThan(5_000)
  })
})

describe('the local groups stay private', () => {
  it('no page holds a WhatsApp group invite; the landing page offers a chat with the shared number', async () => {
    const dist = inject('siteDir')
    const invites: string[] = []
    for (const file of await htmlFiles(dist)) if ((await readFile(file, 'utf8')).includes('chat.whatsapp.com')) invites.push(path.relative(dist, file))
    expect(invites).toEqual([])
    const landing = await readFile(path.join(dist, 'ar', 'aarhus', 'index.html'), 'utf8')
    expect(landing).toContain('href="https://wa.me/4500000001"')
  })
})
