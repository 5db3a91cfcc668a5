/**
 * How a finished build becomes the served site without a moment of no site. The site folder
 * (dist/) is a symbolic link to one build under dist.builds/; a new build is put beside the others
 * and a new link renamed over the old one, which POSIX does in one step (two folder renames, as
 * before, left a gap in which requests found nothing). The build it replaced is removed after,
 * while the editor already sees her change live (`removalsDone` waits for it); files being sent
 * from it stay readable until closed. A dist/ that is still a real folder (from
 * before) is moved aside once, the only swap with a gap.
 *
 * The build just replaced is kept instead, as dist.builds/spare, when the builds are made on the
 * same disk: the next build takes it and corrects it (../build/reuse-pages.ts), which costs far less
 * than a folder per page made anew, and no removal of thousands of files runs beside that build.
 */
import { cp, lstat, mkdir, readdir, readlink, rename, rm, stat, symlink } from 'node:fs/promises'
import path from 'node:path'
import { alive, removeAbandoned } from '../../system/processes.ts'

export const buildsDirOf = (outDir: string) => `${path.resolve(outDir)}.builds`

/** The replaced build kept for the next build to start from. */
export const spareOf = (outDir: string) => path.join(buildsDirOf(outDir), spareName)
const spareName = 'spare'

/** The build folder the served site is now (dist.builds/<id>), or null. */
export async function currentBuild(outDir: string): Promise<string | null> {
  const target = await readlink(outDir).catch(() => null)
  return target ? path.resolve(path.dirname(path.resolve(outDir)), target) : null
}

async function moveDir(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true })
  try {
    await rename(from, to)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e
    // Another disk: a copy, which a full disk cuts off; what was copied must not keep the room.
    await cp(from, to, { recursive: true }).catch(async (copying: unknown) => {
      await rm(to, { recursive: true, force: true })
      throw copying
    })
    await rm(from, { recursive: true, force: true })
  }
}

/** Puts the built folder in place as outDir; `id` is `<pid>-<n>`, unique to this build. */
export async function swapIn(built: string, outDir: string, id: string): Promise<void> {
  const out = path.resolve(outDir)
  const builds = buildsDirOf(out)
  await mkdir(builds, { recursive: true })
  const target = path.join(builds, id)
  // Only a spare that the next build can rename into its staging folder is worth keeping.
  const sameDisk = (await stat(path.dirname(built))).dev === (await stat(builds)).dev
  await moveDir(built, target)
  const before = await lstat(out).catch(() => null)
  const previous = before?.isSymbolicLink() ? await currentBuild(out) : null
  if (before && !before.isSymbolicLink()) await rename(out, path.join(builds, `${id}-replaced`))
  const link = `${out}.link-${id}`
  await symlink(path.relative(path.dirname(out), target), link)
  await rename(link, out)
  if (previous && previous !== target) {
    // Renamed first (one step), so the folder is this process's to remove; killed before it is
    // gone, the next build's removeLeftovers takes it.
    const retired = path.join(builds, `${id}-retired`)
    await rename(previous, retired)
    if (sameDisk) await keepAsSpare(retired, spareOf(out))
    else {
      removeLater(retired)
      // A spare kept while builds were made on this disk is of no use now.
      await dropSpare(spareOf(out), `${retired}-spare`)
    }
  }
  removeLater(path.join(builds, `${id}-replaced`))
}

/** The retired build becomes the spare; one not taken by a build since is removed. */
async function keepAsSpare(retired: string, spare: string): Promise<void> {
  await dropSpare(spare, `${retired}-spare`)
  // Another build of the same site swapped in a spare a moment ago: this one goes.
  await rename(retired, spare).catch(() => removeLater(retired))
}

/** Renamed out of the way first (one step), then removed after the swap, like a replaced build. */
async function dropSpare(spare: string, unused: string): Promise<void> {
  const moved = await rename(spare, unused).then(
    () => true,
    () => false,
  )
  if (moved) removeLater(unused)
}

const removals = new Set<Promise<void>>()

/** A removal that the swap does not wait for: thousands of files, off the publish's critical path. */
function removeLater(dir: string): void {
  const removal = rm(dir, { recursive: true, force: true })
    .catch((e: Error) => console.warn(`Could not remove the replaced build ${dir}: ${e.message}`))
    .finally(() => removals.delete(removal))
  removals.add(removal)
}

/** Resolves when every replaced build this process swapped out is removed (before it exits). */
export async function removalsDone(): Promise<void> {
  while (removals.size) await Promise.all(removals)
}

/**
 * What builds killed mid-way left: a link never renamed into place, a build never swapped in, a
 * build replaced but not yet removed. Never the served one, nor one a live process is moving.
 */
export async function removeLeftovers(outDir: string): Promise<void> {
  const out = path.resolve(outDir)
  await removeAbandoned(path.dirname(out), `${path.basename(out)}.link-`)
  const current = await currentBuild(out)
  const builds = buildsDirOf(out)
  for (const name of await readdir(builds).catch(() => [] as string[])) {
    const pid = Number(name.split('-')[0])
    if (name === spareName || path.join(builds, name) === current || pid === process.pid || (pid > 0 && alive(pid))) continue
    await rm(path.join(builds, name), { recursive: true, force: true })
  }
}
