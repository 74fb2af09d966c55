/** Outcome of one POST; `error` is short and never contains the response body (it may echo patient data). */
export type PostOutcome = { ok: true; status: number } | { ok: false; status?: number; error: string };

/**
 * POST with one deadline covering connect, headers AND body: a receiver that sends headers then
 * stalls must not hang the worker. Success needs a 2xx and either 204 or a body that parses as
 * JSON: a 200 with garbage (a proxy error page, a half-written response) is not proof that the
 * practice system stored the request, so it is retried (safe: the idempotency key makes the
 * receiver dedupe). Redirects are not followed: the webhook URL is configuration, not negotiable.
 */
export async function postJson(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { method: 'POST', headers, body, signal: controller.signal, redirect: 'manual' });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) return { ok: false, status: res.status, error: `HTTP ${res.status}` };
    if (res.status === 204) return { ok: true, status: 204 };
    try {
      JSON.parse(text);
    } catch {
      return { ok: false, status: res.status, error: `HTTP ${res.status} with an unparsable body` };
    }
    return { ok: true, status: res.status };
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, error: `timeout after ${timeoutMs} ms` };
    const cause = (err as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : err instanceof Error ? err.name : 'unknown';
    return { ok: false, error: `network error: ${code}` };
  } finally {
    clearTimeout(timer);
  }
}
