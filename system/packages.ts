/**
 * Installs the Debian packages a feature needs when they are missing, or, when that is not
 * possible (not root, not Debian), prints the exact install line and fails.
 * The command is scripts/system-deps.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

/** feature → [Debian packages, a file whose presence proves it is installed] */
export const systemFeatures: Record<string, { packages: string[]; present: () => boolean }> = {
  postgres: { packages: ['postgresql'], present: () => postgresBinDir() !== null },
  chromium: { packages: ['chromium', 'fonts-noto-core'], present: () => existsSync('/usr/bin/chromium') },
  ffmpeg: { packages: ['ffmpeg'], present: () => existsSync('/usr/bin/ffmpeg') },
  poppler: { packages: ['poppler-utils'], present: () => existsSync('/usr/bin/pdftotext') },
  zbar: { packages: ['zbar-tools'], present: () => existsSync('/usr/bin/zbarimg') },
}

export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? `${root}/${versions[0]}/bin` : null
}

export function ensureSystemPackages(wanted: string[]): void {
  const unknown = wanted.filter((f) => !systemFeatures[f])
  if (unknown.length) throw new Error(`Unknown system feature(s): ${unknown.join(', ')}. Known: ${Object.keys(systemFeatures).join(', ')}`)
  const missing = wanted.filter((f) => !systemFeatures[f]!.present())
  if (missing.length === 0) return
  const packages = missing.flatMap((f) => systemFeatures[f]!.packages)
  const line = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`
  const isRoot = process.getuid?.() === 0
  const isDebian = existsSync('/etc/debian_version')
  if (!isRoot || !isDebian) {
    throw new Error(`Missing system packages for ${missing.join(', ')}. Install them with:\n  sudo ${line}`)
  }
  console.log(`Installing system packages: ${packages.join(' ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env })
  const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env })
  if (r.status !== 0) throw new Error(`apt-get install failed (exit ${r.status}). Run by hand:\n  ${line}`)
  const still = missing.filter((f) => !systemFeatures[f]!.present())
  if (still.length) throw new Error(`Installed, but still missing: ${still.join(', ')}`)
}
