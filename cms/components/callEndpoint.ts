/**
 * A button in the admin calling one of our endpoints as the signed-in person: whether it went
 * through, and what the endpoint said (its message, or its refusal's), or why nothing answered.
 */
export async function callEndpoint(url: string, method: 'POST' | 'DELETE'): Promise<{ ok: boolean; message: string }> {
  const res = await fetch(url, { method, credentials: 'include' }).catch((e: Error) => e)
  if (!(res instanceof Response)) return { ok: false, message: res.message }
  const body = (await res.json().catch(() => null)) as { message?: string; errors?: Array<{ message: string }> } | null
  return { ok: res.ok, message: body?.message ?? body?.errors?.[0]?.message ?? res.statusText }
}
