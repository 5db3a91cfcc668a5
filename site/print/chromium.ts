/**
 * Real Chromium (Debian's /usr/bin/chromium), driven by playwright-core; never a downloaded
 * browser. Shared by the leaflet PDFs (`npm run leaflets`) and the browser tests.
 */
import { chromium, type Browser } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Playwright gives every launch a fresh, throwaway profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Without the networking flags Chromium calls home and is refused by a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}
