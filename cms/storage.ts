/**
 * Where uploads (pictures and their sizes, film originals) are kept: a folder under data/ on one
 * machine, or an S3-compatible bucket through Payload's S3 adapter, so that several admin servers
 * read what any of them stored. Set by the environment:
 *
 *   S3_BUCKET              turns it on
 *   S3_ENDPOINT            for a service that is not AWS (path-style addresses then, as most want)
 *   S3_REGION              us-east-1 unless given
 *   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY   else the SDK's own chain (instance roles …)
 *
 * The adapter is always in the config, switched off without a bucket, so both kinds of server
 * have one schema and one set of migrations (it adds the object's prefix and key to each upload).
 * The rest of the CMS reads an upload's file through `copyUpload`, never from the folder itself.
 */
import { createWriteStream } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createLocalReq, type Payload, type Plugin } from 'payload'
import { s3Storage } from '@payloadcms/storage-s3'

export interface S3Settings {
  bucket: string
  endpoint?: string
  region: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

export function s3Settings(env: Record<string, string | undefined> = process.env): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env
  if (!!accessKeyId !== !!secretAccessKey) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the SDK’s own credentials.')
  return {
    bucket,
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    region: env.S3_REGION?.trim() || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  }
}

/** The S3 client's settings, also for the tests' own client. */
export const s3ClientConfig = (s: S3Settings) => ({
  region: s.region,
  ...(s.endpoint ? { endpoint: s.endpoint, forcePathStyle: true } : {}),
  ...(s.credentials ? { credentials: s.credentials } : {}),
  // Checksums only where S3 requires them: S3-compatible servers differ in the newer ones.
  requestChecksumCalculation: 'WHEN_REQUIRED' as const,
  responseChecksumValidation: 'WHEN_REQUIRED' as const,
})

/** Each upload collection's folder in the bucket. */
export const uploadPrefixes = { media: 'media', videos: 'videos' } as const
export type UploadCollection = keyof typeof uploadPrefixes

export function storagePlugin(settings = s3Settings()): Plugin {
  return s3Storage({
    enabled: !!settings,
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? '',
    // The adapter keeps one client per key for the process: one per bucket and server.
    clientCacheKey: settings ? `s3:${settings.endpoint ?? 'aws'}:${settings.bucket}` : undefined,
    collections: { media: { prefix: uploadPrefixes.media }, videos: { prefix: uploadPrefixes.videos } },
    config: settings ? s3ClientConfig(settings) : {},
  })
}

/** Whether this CMS keeps the collection's files in the bucket (the adapter turned local storage off). */
export const storedInBucket = (payload: Payload, collection: UploadCollection): boolean => !!payload.collections[collection].config.upload.disableLocalStorage

/**
 * Copies an upload's file to `dest`, wherever it is kept. From the bucket through the collection's
 * own download handler (the adapter's), so the object's key is found as the adapter wrote it; as a
 * stream, since a film original may be hundreds of megabytes.
 */
export async function copyUpload(payload: Payload, collection: UploadCollection, doc: { filename?: unknown } & Record<string, unknown>, dest: string): Promise<void> {
  const filename = typeof doc.filename === 'string' ? doc.filename : undefined
  if (!filename) throw new Error(`A ${collection} document without a file (id ${String(doc.id)}).`)
  const upload = payload.collections[collection].config.upload
  if (!upload.disableLocalStorage) return copyFile(path.join(upload.staticDir!, filename), dest)
  const req = await createLocalReq({}, payload)
  for (const handler of upload.handlers ?? []) {
    const res = await handler(req, { doc: doc as never, headers: new Headers(), params: { collection, filename } })
    if (!(res instanceof Response)) continue
    if (!res.ok || !res.body) throw new Error(`${collection}/${filename} could not be read from the bucket (HTTP ${res.status}).`)
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(dest))
    return
  }
  throw new Error(`${collection}/${filename}: no download handler answered (is the S3 adapter configured?).`)
}
