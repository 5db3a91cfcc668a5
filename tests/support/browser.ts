/**
 * Real Chromium (Debian's), driven by playwright-core; the launch lives with the PDF printing.
 * Every page a test opens is watched for Content-Security-Policy violations (Chromium reports
 * each on the console): tests/setup/csp.ts fails the test that caused one, so a script, style or
 * request the site's policy (site/lib/csp.ts) would block in a mother's browser is found at once.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { launchChromium as launch } from '../../site/print/chromium.ts'

export { chromiumPath } from '../../site/print/chromium.ts'

const violations: string[] = []

function watch(context: BrowserContext): BrowserContext {
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${m.location().url}: ${m.text()}`)
  })
  return context
}

export async function launchChromium(): Promise<Browser> {
  const browser = await launch()
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'newContext') return async (...args: Parameters<Browser['newContext']>) => watch(await target.newContext(...args))
      if (prop === 'newPage')
        return async (...args: Parameters<Browser['newPage']>) => {
          const page = await target.newPage(...args)
          watch(page.context())
          return page
        }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}

/** The violations seen since the last call. */
export function takeCspViolations(): string[] {
  return violations.splice(0)
}
