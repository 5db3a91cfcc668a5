/** npm run build: the static site from content/ into dist/, with no CMS or database. */
import path from 'node:path'
import { ContentError } from '../content/load.ts'
import { buildSite } from '../site/build/build-site.ts'
import { parseCommand } from '../system/cli.ts'

parseCommand({ usage: 'Usage: npm run build' })

const root = process.cwd()
try {
  const { ms, pages } = await buildSite({
    root,
    contentDir: path.resolve(process.env.MODERSMAL_CONTENT_DIR ?? 'content'),
    outDir: path.resolve(process.env.MODERSMAL_DIST_DIR ?? 'dist'),
  })
  const peak = Math.round(process.resourceUsage().maxRSS / 1024)
  console.log(`Site built into dist/: ${pages} pages in ${(ms / 1000).toFixed(1)} s (${Math.round(pages / (ms / 1000))} pages/s, peak memory ${peak} MB)`)
} catch (e) {
  if (e instanceof ContentError) {
    console.error(`${e.message}\nThe published site was left as it was.`)
    process.exit(1)
  }
  console.error(`The site build failed; the published site was left as it was.\n${(e as Error).stack ?? e}`)
  process.exit(1)
}
