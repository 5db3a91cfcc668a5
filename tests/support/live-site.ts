/**
 * A live site for a fault test: a copy of the site built once for the run, swapped into
 * `<parent>/dist` as a publish leaves it (a link to one build) and served over HTTP.
 */
import { cp } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { inject } from 'vitest'
import { swapIn } from '../../site/build/swap.ts'
import { serveSite } from '../../site/server/serve.ts'

export interface LiveSite {
  dist: string
  /** A page's HTML as a reader gets it. */
  page(pathname: string): Promise<string>
  close(): Promise<void>
}

export async function serveLiveSite(parent: string): Promise<LiveSite> {
  const dist = path.join(parent, 'dist')
  await cp(inject('siteDir'), path.join(parent, 'built'), { recursive: true, dereference: true })
  await swapIn(path.join(parent, 'built'), dist, `${process.pid}-1`)
  const server = await serveSite(dist, 0)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    dist,
    page: async (pathname) => (await fetch(`${url}${pathname}`)).text(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
