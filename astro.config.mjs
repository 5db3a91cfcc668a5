// Astro builds the public site from content/ alone: no database, no CMS.
import { defineConfig } from 'astro/config'
import mdx from '@astrojs/mdx'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx()],
  // Only our own pages: no prefetch, no telemetry, no third-party requests.
  prefetch: false,
  devToolbar: { enabled: false },
})
