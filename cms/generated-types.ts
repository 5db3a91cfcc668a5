/**
 * Payload's TypeScript types for our collections (cms/payload-types.ts, committed): generated from
 * the config, and checked to be current by tests/cms/generated-types.test.ts, so a change to a
 * collection that is not followed by `npm run cms:types` fails the suite instead of leaving code
 * typed against fields that no longer exist.
 */
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generateTypes } from 'payload/node'
import { createConfig } from './config.ts'

export const generatedTypesFile = path.join(import.meta.dirname, 'payload-types.ts')

/** Writes the types to `outFile` (by default the committed file). Needs no database and no secret. */
export async function writeGeneratedTypes(outFile = generatedTypesFile): Promise<void> {
  const config = await createConfig({ database: { url: ':memory:' }, secret: 'generating-types-only' })
  const before = process.env.PAYLOAD_TS_OUTPUT_PATH
  // Payload's generator takes its output path from here, ahead of the config's.
  process.env.PAYLOAD_TS_OUTPUT_PATH = outFile
  try {
    await generateTypes(config, { log: false })
  } finally {
    if (before === undefined) delete process.env.PAYLOAD_TS_OUTPUT_PATH
    else process.env.PAYLOAD_TS_OUTPUT_PATH = before
  }
}

/** Whether the committed types are what the config generates now. */
export async function generatedTypesCurrent(): Promise<boolean> {
  const fresh = path.join(tmpdir(), `modersmal-payload-types-${process.pid}.ts`)
  try {
    await writeGeneratedTypes(fresh)
    const [now, committed] = await Promise.all([readFile(fresh, 'utf8'), readFile(generatedTypesFile, 'utf8').catch(() => '')])
    return now === committed
  } finally {
    await rm(fresh, { force: true })
  }
}
