/**
 * Makes every film's renditions and poster into the film cache (data/films/, gitignored), and the
 * demo film's original first where a film has no video file of its own. The site build does the
 * same when something is missing; this shows the progress and can force a re-run.
 *
 *   npx tsx scripts/make-demo-film.ts [--force] [slug …]
 */
import path from 'node:path'
import { loadContent } from '../content/load.ts'
import { prepareFilms } from '../site/films/pipeline.ts'
import { filmCacheDir } from '../site/films/media.ts'
import { parseCommand } from '../system/cli.ts'

const { values, positionals: wanted } = parseCommand({
  usage: 'Usage: npx tsx scripts/make-demo-film.ts [<film-slug>…] [--force]',
  options: { force: { type: 'boolean', default: false } },
  positionals: { max: Infinity },
})
const force = values.force
const contentDir = path.resolve(process.env.MODERSMAL_CONTENT_DIR ?? 'content')
const set = await loadContent(contentDir)
const films = wanted.length ? set.films.filter((f) => wanted.includes(f.slug)) : set.films
const unknown = wanted.filter((w) => !set.films.some((f) => f.slug === w))
if (unknown.length) {
  console.error(`No film with the slug ${unknown.join(', ')} in ${contentDir}/films/.`)
  process.exit(1)
}

let last = ''
const started = performance.now()
try {
  const media = await prepareFilms(
    contentDir,
    films,
    (what, fraction) => {
      const line = `${what}: ${Math.round(fraction * 100)} %`
      if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(60)}`)
      else if (line !== last && (fraction === 1 || Math.round(fraction * 100) % 25 === 0)) console.log(line)
      last = line
    },
    { force },
  )
  if (process.stdout.isTTY) process.stdout.write('\n')
  for (const m of media.values()) {
    console.log(`${m.slug}: ${m.renditions.map((r) => `${r.name} ${(r.bytes / 1e6).toFixed(2)} MB`).join(', ')}; poster ${m.posters.map((p) => p.width).join('/')} px`)
  }
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s; files in ${path.relative(process.cwd(), filmCacheDir())}/`)
} catch (e) {
  console.error(`\n${(e as Error).message}\nEarlier renditions were left as they were.`)
  process.exit(1)
}
