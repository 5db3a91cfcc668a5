/**
 * Links in guide texts: a translator's or editor's link can never run script or load from another
 * host. The same rule refuses it in content/ (with file and field) and drops it in the HTML.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContentError, loadContent } from '../../content/load.ts'
import { markdownLinkProblems } from '../../content/schema/links.ts'
import { markdownToHtml } from '../../site/lib/markdown.ts'
import { copyOfContent } from '../support/content.ts'

const hostile = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](jav&#x61;script:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](<java\tscript:alert(1)>)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '[x](//evil.example/)',
  '[x](/\\evil.example/)',
  '<javascript:alert(1)>',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '- a list with [x](javascript:alert(1)) inside',
  '> **[x](javascript:alert(1))** in a quote',
  '## A heading [x](javascript:alert(1))',
]
const foreignImages = ['![pixel](https://tracker.example/p.png)', '![](//cdn.example/x.png)', '![x](data:image/png;base64,AAAA)']
const allowed = [
  '[borger.dk](https://www.borger.dk/)',
  '[mail](mailto:kontakt@example.org)',
  '[ring](tel:+4512345678)',
  '[guide](/da/guides/screen-time/)',
  '[afsnit](#vigtige-rad)',
  'se www.nyidanmark.dk',
]

/** Every href and src in the HTML, as the browser reads them (attribute entities decoded). */
const targets = (html: string) =>
  [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  )

describe('links and images in Markdown', () => {
  it.each(hostile)('refuses %j with the reason, and the page shows only its text', (md) => {
    const problems = markdownLinkProblems(md)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/is not allowed: links go to http\(s\), mailto: or tel: addresses, or to a page of the site/)
    const html = markdownToHtml(md)
    expect(targets(html)).toEqual([])
    expect(html).not.toMatch(/<a\b/)
  })

  it.each(foreignImages)('refuses the image %j: a public page loads nothing from other hosts', (md) => {
    expect(markdownLinkProblems(md)).toEqual([expect.stringMatching(/images come from the site itself/)])
    expect(markdownToHtml(md)).not.toMatch(/<img\b/)
  })

  it.each(allowed)('keeps %j as a working link', (md) => {
    expect(markdownLinkProblems(md)).toEqual([])
    const html = markdownToHtml(md)
    expect(targets(html)).toHaveLength(1)
    if (/https?:/.test(targets(html)[0]!)) expect(html).toContain('rel="noreferrer"')
  })

  it('keeps an image of the site, with its alt text', () => {
    expect(markdownToHtml('![Kort over vejen](/media/kort.webp)')).toContain('<img src="/media/kort.webp" alt="Kort over vejen"')
  })

  it('refuses a WhatsApp group invite in a text, saying why', () => {
    expect(markdownLinkProblems('[Join us](https://chat.whatsapp.com/AbCdEf123)')).toEqual([
      expect.stringMatching(/invite link, which must never be public: anyone who has it joins a group of vulnerable women/),
    ])
  })

  it('refuses a municipality whose WhatsApp contact is the group, or another number than its own', async () => {
    const dir = await copyOfContent()
    try {
      const file = path.join(dir, 'municipalities', 'aarhus.yaml')
      const yaml = await readFile(file, 'utf8')
      await writeFile(file, yaml.replace('whatsappUrl: https://wa.me/4500000001', 'whatsappUrl: https://chat.whatsapp.com/GruppeAarhus'))
      const vejle = path.join(dir, 'municipalities', 'vejle.yaml')
      await writeFile(vejle, (await readFile(vejle, 'utf8')).replace(/whatsappUrl: https:\/\/wa\.me\/\d+/, 'whatsappUrl: https://wa.me/4599999999'))
      const problems = ((await loadContent(dir).catch((e: unknown) => e)) as ContentError).problems
      expect(problems).toContainEqual(
        expect.stringMatching(/^municipalities\/aarhus\.yaml: contact\.whatsappUrl: "https:\/\/chat\.whatsapp\.com\/GruppeAarhus" is a WhatsApp group's invite link, which must never be public/),
      )
      expect(problems).toContainEqual(expect.stringMatching(/^municipalities\/vejle\.yaml: contact\.whatsappUrl: must chat with the shared number \+\d+/))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a guide in content/ with such a link, naming the file, the field and the language', async () => {
    const dir = await copyOfContent()
    try {
      const file = path.join(dir, 'guides', 'screen-time.yaml')
      const yaml = await readFile(file, 'utf8')
      await writeFile(file, yaml.replace(/^(body:\n {2}da: \|-\n)/m, '$1    Læs [her](jav&#x61;script:fetch(1)).\n\n'))
      const error = await loadContent(dir).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ContentError)
      expect((error as ContentError).problems).toContainEqual(expect.stringMatching(/^guides\/screen-time\.yaml: body\.da: the link "jav&#x61;script:fetch\(1\)" is not allowed/))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
