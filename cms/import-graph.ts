/**
 * Which files of ours a set of entry points reaches through its imports, as a bundler sees them:
 * esbuild follows them (packages left out, styles and Astro components not read). Used for the
 * admin's rebuild hash and by the test that states the data flow.
 */
import path from 'node:path'
import { buildSync } from 'esbuild'
import { repoRoot } from './paths.ts'

export function filesReached(entryPoints: string[], opts: { tsconfig?: string } = {}): string[] {
  const { metafile } = buildSync({
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // Nothing is written; esbuild only needs somewhere to name its output.
    outdir: path.join(repoRoot, 'tmp', 'import-graph'),
    tsconfig: opts.tsconfig,
    loader: { '.css': 'empty', '.scss': 'empty', '.astro': 'empty' },
    logLevel: 'silent',
  })
  return Object.keys(metafile.inputs).map((f) => path.resolve(repoRoot, f))
}
