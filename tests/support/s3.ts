/**
 * A real S3-compatible server on loopback for the tests (s3rver: the S3 REST API over a folder),
 * with one bucket, and a client to look into it as an operator would.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { s3ClientConfig, s3Settings } from '../../cms/storage.ts'

export interface LocalS3 {
  /** What a CMS process needs in its environment to store uploads there. */
  env: Record<string, string>
  client: S3Client
  /** Every object key in the bucket (under a prefix). */
  keys(prefix?: string): Promise<string[]>
  stop(): Promise<void>
}

export async function startLocalS3(bucket = 'modersmal-uploads'): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'modersmal-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  // s3rver's own credentials; it checks each request's signature with them.
  const env = { S3_BUCKET: bucket, S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_REGION: 'eu-north-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }
  const client = new S3Client(s3ClientConfig(s3Settings(env)!))
  return {
    env,
    client,
    async keys(prefix) {
      const out: string[] = []
      let token: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
        out.push(...(page.Contents ?? []).map((o) => o.Key!))
        token = page.NextContinuationToken
      } while (token)
      return out.sort()
    },
    async stop() {
      client.destroy()
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}
