import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The admin is served by `next start`; no telemetry leaves the machine.
  poweredByHeader: false,
  // Types are checked once for the whole project by `npm run typecheck`; Next's own pass would
  // check the same files again and double the admin build time on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
