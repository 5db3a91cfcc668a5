/**
 * A save the export would refuse is refused at once, with the field and the reason, so one
 * ordinary save cannot stop every later publish. Each rule comes from the content schema.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContent } from '../../cms/sync/seed.ts'
import { startTestCms, type TestCms } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'

describe('saves the export would refuse', () => {
  let cms: TestCms
  let payload: Payload
  let aarhus: number | string
  let editor: Record<string, unknown>

  beforeAll(async () => {
    cms = await startTestCms('sqlite', 'savevalidation')
    payload = cms.payload
    await seedContent(payload, repoContent)
    aarhus = (await payload.find({ collection: 'municipalities', where: { slug: { equals: 'aarhus' } }, overrideAccess: true })).docs[0]!.id
    editor = { ...(await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'r@example.org', password: 'test-password-1', role: 'editor' } })), collection: 'users' }
  })
  afterAll(async () => cms?.close())

  const refusal = async (whatsappUrl: string) => {
    const before = await payload.findByID({ collection: 'municipalities', id: aarhus, overrideAccess: true, depth: 0 })
    const error = await payload.update({ collection: 'municipalities', id: aarhus, overrideAccess: false, user: editor as never, data: { contact: { ...before.contact, whatsappUrl } } as never }).then(
      () => null,
      (e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e,
    )
    const after = await payload.findByID({ collection: 'municipalities', id: aarhus, overrideAccess: true, depth: 0 })
    expect(after.contact).toEqual(before.contact)
    return error?.data?.errors ?? []
  }

  it("refuses a WhatsApp group invite as the municipality's contact, saying why, and keeps what was there", async () => {
    expect(await refusal('https://chat.whatsapp.com/GruppeAarhus')).toEqual([
      expect.objectContaining({ path: 'contact.whatsappUrl', message: expect.stringMatching(/invite link, which must never be public: anyone who has it joins a group of vulnerable women/) }),
    ])
  })

  it('refuses a chat with another number than the shared one', async () => {
    expect(await refusal('https://wa.me/4599999999')).toEqual([
      expect.objectContaining({ path: 'contact.whatsappUrl', message: expect.stringMatching(/must chat with the shared number \+4500000001/) }),
    ])
  })

  it('refuses a review claim without who checked the guide, and takes it with both', async () => {
    const id = (await payload.find({ collection: 'guides', where: { slug: { equals: 'breastfeeding' } }, overrideAccess: true })).docs[0]!.id
    const error = await payload.update({ collection: 'guides', id, locale: 'da', overrideAccess: false, user: editor as never, data: { lastReviewed: '2026-11-30T12:00:00.000Z' } }).then(
      () => null,
      (e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e,
    )
    expect(error?.data?.errors).toEqual([expect.objectContaining({ path: 'reviewerRole', message: expect.stringMatching(/a review needs both the day it was checked/) })])
    const doc = await payload.update({
      collection: 'guides',
      id,
      locale: 'da',
      overrideAccess: false,
      user: editor as never,
      data: { lastReviewed: '2026-11-30T12:00:00.000Z', reviewerRole: 'health-visitor' },
    })
    expect(doc.reviewerRole).toBe('health-visitor')
  })
})
