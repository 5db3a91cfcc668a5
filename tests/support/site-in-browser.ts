/**
 * The built site (from the global setup) served on a port, with one Chromium for a test file; and
 * axe-core's WCAG 2.2 AA findings, one line each.
 */
import type { Server } from 'node:http'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { serveSite } from '../../site/server/serve.ts'
import { launchChromium } from './browser.ts'

export function siteInBrowser(port: number): { origin: string; readonly browser: Browser } {
  let server: Server | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await serveSite(inject('siteDir'), port)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
  })
  return {
    origin: `http://127.0.0.1:${port}`,
    get browser() {
      return browser!
    },
  }
}

export const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** `within`: only these parts of the page (ours, in the admin, whose own UI is Payload's). */
export async function axeViolations(page: Page, within: string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(wcag)
  for (const selector of within) builder.include(selector)
  const { violations } = await builder.analyze()
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
