/**
 * The served site is replaced in one step: a reader that keeps asking for the page while builds
 * are swapped in always finds one, whole (two folder renames left a moment with none). The
 * replaced builds are removed (the last one kept as the next build's spare), a file being read from
 * one is read to its end, and a dist/ that is
 * still a real folder is taken over.
 */
import { createReadStream, existsSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildsDirOf, currentBuild, removalsDone, removeLeftovers, spareOf, swapIn } from '../../site/build/swap.ts'

describe('swapping a build in', () => {
  let work: string
  let out: string
  let n = 0
  const built = async (text: string) => {
    const dir = path.join(work, `built-${++n}`)
    await mkdir(dir)
    await writeFile(path.join(dir, 'index.html'), text)
    await writeFile(path.join(dir, 'film.mp4'), Buffer.alloc(4 * 1024 * 1024, n))
    return dir
  }
  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'modersmal-swap-'))
    out = path.join(work, 'dist')
  })
  afterEach(() => rm(work, { recursive: true, force: true }))

  it('never leaves a moment without the site, and keeps the build served and the one before it (a spare)', async () => {
    await swapIn(await built('version 0'), out, `${process.pid}-0`)
    let reading = true
    const seen = new Set<string>()
    const failures: string[] = []
    const reader = (async () => {
      while (reading) {
        await readFile(path.join(out, 'index.html'), 'utf8').then(
          (t) => seen.add(t),
          (e: Error) => failures.push(e.message),
        )
      }
    })()
    for (let i = 1; i <= 100; i++) await swapIn(await built(`version ${i}`), out, `${process.pid}-${i}`)
    reading = false
    await reader
    expect(failures).toEqual([])
    expect([...seen].every((t) => /^version \d+$/.test(t))).toBe(true)
    expect(seen.size).toBeGreaterThan(1)
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('version 100')
    // The replaced builds are removed after the swap, not during it; the last one is kept for the
    // next build to start from.
    await removalsDone()
    expect((await readdir(buildsDirOf(out))).sort()).toEqual([`${process.pid}-100`, 'spare'])
    expect(await readFile(path.join(spareOf(out), 'index.html'), 'utf8')).toBe('version 99')
  })

  // /dev/shm is a memory disk on Linux: a build made there cannot be renamed into a spare's place.
  it.runIf(existsSync('/dev/shm'))('keeps no spare when the builds are made on another disk than the site', async () => {
    await swapIn(await built('one'), out, `${process.pid}-1`)
    await swapIn(await built('two'), out, `${process.pid}-2`)
    await removalsDone()
    expect(existsSync(spareOf(out))).toBe(true)
    const elsewhere = await mkdtemp(path.join('/dev/shm', 'modersmal-swap-'))
    try {
      await mkdir(path.join(elsewhere, 'built'))
      await writeFile(path.join(elsewhere, 'built', 'index.html'), 'three')
      await swapIn(path.join(elsewhere, 'built'), out, `${process.pid}-3`)
    } finally {
      await rm(elsewhere, { recursive: true, force: true })
    }
    await removalsDone()
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('three')
    expect(await readdir(buildsDirOf(out))).toEqual([`${process.pid}-3`])
  })

  it('lets a film being sent from the replaced build finish', async () => {
    await swapIn(await built('old'), out, `${process.pid}-1`)
    const stream = createReadStream(path.join(out, 'film.mp4'))
    await new Promise<void>((r) => stream.once('readable', () => r()))
    await swapIn(await built('new'), out, `${process.pid}-2`)
    let bytes = 0
    for await (const chunk of stream) bytes += (chunk as Buffer).length
    expect(bytes).toBe(4 * 1024 * 1024)
  })

  it('takes over a dist/ that is a real folder, and clears what killed builds left', async () => {
    await mkdir(out)
    await writeFile(path.join(out, 'index.html'), 'from before')
    // Left by process 999999, which is gone: a build never swapped in, a link never renamed. And a
    // build of a live process (pid 1), still being moved, which must stay.
    await mkdir(path.join(buildsDirOf(out), '999999-1'), { recursive: true })
    await mkdir(path.join(buildsDirOf(out), '1-1'))
    await writeFile(`${out}.link-999999-2`, '')
    await mkdir(spareOf(out))
    await removeLeftovers(out)
    expect((await readdir(buildsDirOf(out))).sort()).toEqual(['1-1', 'spare'])
    expect(await readdir(work)).not.toContain('dist.link-999999-2')
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('from before')
    await swapIn(await built('new'), out, `${process.pid}-3`)
    expect((await lstat(out)).isSymbolicLink()).toBe(true)
    expect(await currentBuild(out)).toBe(path.join(buildsDirOf(out), `${process.pid}-3`))
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new')
    await removalsDone()
    expect((await readdir(buildsDirOf(out))).sort()).toEqual(['1-1', `${process.pid}-3`, 'spare'])
  })
})
