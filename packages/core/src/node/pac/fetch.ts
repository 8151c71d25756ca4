// Fetch a PAC file the way a browser does: directly (never through a proxy), http or https only, a few
// redirects that stay http(s), one deadline for the whole fetch and a size cap, so a PAC server that is slow,
// huge or only reachable on the VPN ends in a clear result rather than a hung doctor.
import http from 'node:http';
import https from 'node:https';
import type { PacEvidence, PacFetchResult } from '../../evidence/pac.js';

export interface PacFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface PacFetched {
  fetch: PacEvidence['fetch'];
  script: string | null;
}

export const PAC_MAX_BYTES = 512 * 1024;

function errorResult(e: NodeJS.ErrnoException): { result: PacFetchResult; detail: string } {
  const code = e.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { result: 'dns', detail: code };
  if (code === 'ECONNREFUSED') return { result: 'refused', detail: code };
  return { result: 'error', detail: (code || e.message).slice(0, 200) };
}

function once(
  url: URL,
  deadline: number,
  maxBytes: number,
): Promise<{ status: number; location: string | null; body: Buffer | null; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? https.get : http.get;
    const left = Math.max(1, deadline - Date.now());
    // agent false: no pooled sockets keep the process alive; no proxy env is consulted by node:http anyway
    const req = get(url, { agent: false, headers: { accept: '*/*', 'user-agent': 'buildproxy' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        resolve({ status, location: res.headers.location ?? null, body: null, tooLarge: false });
        return;
      }
      if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
        res.destroy();
        resolve({ status, location: null, body: null, tooLarge: true });
        return;
      }
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          res.destroy();
          resolve({ status, location: null, body: null, tooLarge: true });
        } else parts.push(c);
      });
      res.on('end', () => resolve({ status, location: null, body: Buffer.concat(parts), tooLarge: false }));
      res.on('error', reject);
    });
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('timeout'), { code: 'PACTIMEOUT' })),
      left,
    );
    req.on('close', () => clearTimeout(timer));
    req.on('error', reject);
  });
}

/** Fetch the PAC file at `raw`; the script is returned only for a 200 within the cap. */
export async function fetchPac(raw: string, opts: PacFetchOptions = {}): Promise<PacFetched> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const maxBytes = opts.maxBytes ?? PAC_MAX_BYTES;
  const start = Date.now();
  const deadline = start + timeoutMs;
  const done = (
    result: PacFetchResult,
    status: number | null,
    bytes: number,
    detail?: string,
  ): PacFetched => ({
    fetch: { result, status, bytes, ms: Date.now() - start, ...(detail ? { detail } : {}) },
    script: null,
  });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return done('error', null, 0, 'not a URL');
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return done('scheme', null, 0, `${url.protocol} is not fetched (only http: and https:)`);
    let r: Awaited<ReturnType<typeof once>>;
    try {
      r = await once(url, deadline, maxBytes);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'PACTIMEOUT' || Date.now() >= deadline) return done('timeout', null, 0);
      const { result, detail } = errorResult(err);
      return done(result, null, 0, detail);
    }
    if (r.tooLarge) return done('too-large', r.status, maxBytes, `larger than ${maxBytes} bytes`);
    if (r.location !== null) {
      if (hop >= (opts.maxRedirects ?? 3)) return done('status', r.status, 0, 'too many redirects');
      try {
        url = new URL(r.location, url);
      } catch {
        return done('status', r.status, 0, 'a redirect to something that is not a URL');
      }
      continue;
    }
    if (r.status !== 200) return done('status', r.status, r.body?.length ?? 0);
    const body = r.body ?? Buffer.alloc(0);
    return { ...done('ok', 200, body.length), script: body.toString('utf8') };
  }
}
