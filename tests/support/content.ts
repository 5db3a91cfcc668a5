import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const repoContent = path.resolve(import.meta.dirname, '../../content')

/** A private copy of content/ that a test may change. */
export async function copyOfContent(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'modersmal-content-'))
  await cp(repoContent, dir, { recursive: true })
  return dir
}

/** Every file under a folder, relative path → bytes. */
export async function readTree(root: string, only?: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else out.set(path.relative(root, full), await readFile(full))
    }
  }
  for (const sub of only ?? ['.']) {
    await walk(path.join(root, sub)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e
    })
  }
  return out
}
