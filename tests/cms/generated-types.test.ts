/**
 * The committed Payload types (cms/payload-types.ts) are what the collections generate now: the
 * code and the tests that use them are typed against the fields that really exist.
 */
import { describe, expect, it } from 'vitest'
import { generatedTypesCurrent } from '../../cms/generated-types.ts'

describe('generated Payload types', () => {
  it('cms/payload-types.ts is current (npm run cms:types regenerates it)', async () => {
    expect(await generatedTypesCurrent()).toBe(true)
  })
})
