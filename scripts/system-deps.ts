/**
 * Installs the Debian packages the named features need (system/packages.ts), or says how.
 *
 *   tsx scripts/system-deps.ts postgres chromium …
 */
import { ensureSystemPackages, systemFeatures } from '../system/packages.ts'
import { parseCommand } from '../system/cli.ts'

const { positionals } = parseCommand({ usage: `Usage: tsx scripts/system-deps.ts <feature>…  (${Object.keys(systemFeatures).join(', ')})`, positionals: { min: 1, max: Infinity } })
try {
  ensureSystemPackages(positionals)
} catch (e) {
  console.error((e as Error).message)
  process.exit(1)
}
