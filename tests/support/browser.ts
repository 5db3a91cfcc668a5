/** Real Chromium (Debian's), driven by playwright-core; the launch lives with the PDF printing. */
export { chromiumPath, launchChromium } from '../../site/lib/chromium.ts'
