/**
 * What of a page Pagefind indexes, as a digest: a language's index is written again only when the
 * digest of one of its pages changed, not whenever a page did. A Danish edit marks every
 * translation of the activity outdated, which changes its page in every language by a notice that
 * search leaves out (data-pagefind-ignore); without this, one Danish save re-indexed every
 * language with text.
 *
 * The digest covers, with a real HTML parser (htmlparser2): the page's language (<html lang>), its
 * <title>, the whole data-pagefind-body element (tags, attributes, text) except the parts marked
 * data-pagefind-ignore, and anywhere on the page every element that carries a Pagefind filter,
 * meta, sort or weight, with its text. Markup that Pagefind reads nothing from may still change
 * the digest; what it reads cannot change without it.
 *
 * Each page is parsed once: the digests are kept in the build cache by the file's identity
 * (inode, size, time), which changes whenever a build writes a page (../build/reuse-pages.ts).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Parser } from 'htmlparser2'

const pagefindAttribute = /^data-pagefind-(filter|meta|sort|weight|index-attrs)$/

/** The digest of what Pagefind would index of this HTML. */
export function searchDigest(html: string): string {
  const h = createHash('sha256')
  // Open elements: whether each is in the body, ignored, or carries a Pagefind attribute.
  const stack: Array<{ body: boolean; ignored: boolean; marked: boolean }> = []
  const top = () => stack.at(-1) ?? { body: false, ignored: false, marked: false }
  let inTitle = false
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const outer = top()
        const body = outer.body || 'data-pagefind-body' in attrs
        const ignored = outer.ignored || (body && 'data-pagefind-ignore' in attrs)
        const marked = outer.marked || Object.keys(attrs).some((a) => pagefindAttribute.test(a))
        stack.push({ body, ignored, marked })
        if (name === 'html') h.update(`lang=${attrs.lang ?? ''}\0`)
        if (name === 'title') inTitle = true
        if ((body && !ignored) || marked) h.update(`<${name} ${JSON.stringify(Object.entries(attrs).sort())}>`)
      },
      ontext(text) {
        const at = top()
        if ((at.body && !at.ignored) || at.marked || inTitle) h.update(text)
      },
      onclosetag(name) {
        const at = stack.pop()
        if (name === 'title') inTitle = false
        if (at && ((at.body && !at.ignored) || at.marked)) h.update(`</${name}>`)
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return h.digest('hex')
}

type Known = Record<string, [ino: number, size: number, mtimeMs: number, digest: string]>

/**
 * The digests of these files, each read where it is (`places`: where to look first, and else),
 * parsing only files not seen before; kept in `keptFile` for the next build.
 */
export async function searchDigests(files: string[], places: (file: string) => [first: string, otherwise: string], keptFile: string): Promise<Map<string, string>> {
  let known: Known = {}
  try {
    known = JSON.parse(await readFile(keptFile, 'utf8')) as Known
  } catch {
    // None yet, or cut off: every page is parsed.
  }
  const next: Known = {}
  const out = new Map<string, string>()
  for (const file of files) {
    const [first, otherwise] = places(file)
    const [at, { ino, size, mtimeMs }] = await stat(first).then(
      (st) => [first, st] as const,
      async () => [otherwise, await stat(otherwise)] as const,
    )
    const was = known[file]
    const digest = was && was[0] === ino && was[1] === size && was[2] === mtimeMs ? was[3] : searchDigest(readFileSync(at, 'utf8'))
    next[file] = [ino, size, mtimeMs, digest]
    out.set(file, digest)
  }
  const tmp = `${keptFile}.${process.pid}`
  await mkdir(path.dirname(keptFile), { recursive: true })
  await writeFile(tmp, JSON.stringify(next))
  await rename(tmp, keptFile)
  return out
}

/** Beside the kept indexes (./search-index.ts), under a name its cleaning leaves alone. */
export const digestsFileIn = (cacheDir: string, name: string) => path.join(cacheDir, 'search', `digests-${name}.json`)
