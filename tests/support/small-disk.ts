/**
 * A real small disk for a fault test: a tmpfs mounted on a folder, which fills up (ENOSPC) and can
 * be made read-only (EROFS) and back while files on it stay. Mounting needs root, which the test
 * machines (and CI) run as; elsewhere the set-up fails saying so rather than pass without testing.
 */
import { execFileSync } from 'node:child_process'
import { statfsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'

export interface SmallDisk {
  dir: string
  /** Bytes free now. */
  free(): number
  /** A new size (the files stay), read-only or writable. */
  remount(opts: { bytes?: number; readOnly?: boolean }): void
  unmount(): void
}

const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' })

export async function smallDisk(dir: string, bytes: number): Promise<SmallDisk> {
  if (process.getuid?.() !== 0) throw new Error('The disk-full and read-only tests mount a tmpfs, which needs root: run them as root (as CI does).')
  await mkdir(dir, { recursive: true })
  mount('-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir)
  let size = bytes
  return {
    dir,
    free: () => {
      const s = statfsSync(dir)
      return s.bavail * s.bsize
    },
    remount({ bytes: next, readOnly }) {
      size = next ?? size
      mount('-o', `remount,size=${size},${readOnly ? 'ro' : 'rw'}`, dir)
    },
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
    },
  }
}
